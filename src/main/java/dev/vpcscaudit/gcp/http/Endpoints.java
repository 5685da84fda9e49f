package dev.vpcscaudit.gcp.http;

import dev.vpcscaudit.error.BadInputException;
import java.net.URI;
import java.util.Locale;
import java.util.Map;

/**
 * The API endpoints: Google's by default, or overrides from a flag or from gcloud's own variables
 * {@code CLOUDSDK_API_ENDPOINT_OVERRIDES_ACCESSCONTEXTMANAGER} and {@code ..._CLOUDRESOURCEMANAGER}
 * (value like {@code https://host/}, as for Private Service Connect). {@code http://} is accepted
 * only for a loopback host (a local emulator or test fake).
 *
 * @param accessContextManager base URL without a trailing slash, e.g. {@code
 *     https://accesscontextmanager.googleapis.com}
 * @param resourceManager base URL of Cloud Resource Manager
 * @param iamCredentials base URL of the IAM Credentials API, used only to impersonate
 */
public record Endpoints(
    String accessContextManager, String resourceManager, String iamCredentials) {

  public static final String ACM_ENV = "CLOUDSDK_API_ENDPOINT_OVERRIDES_ACCESSCONTEXTMANAGER";
  public static final String CRM_ENV = "CLOUDSDK_API_ENDPOINT_OVERRIDES_CLOUDRESOURCEMANAGER";
  public static final String IAM_ENV = "CLOUDSDK_API_ENDPOINT_OVERRIDES_IAMCREDENTIALS";

  /** Resolves each endpoint: the flag when given, else gcloud's variable, else Google's. */
  public static Endpoints resolve(String acmFlag, String crmFlag, Map<String, String> env) {
    return new Endpoints(
        pick(
            "--acm-endpoint", acmFlag, ACM_ENV, env, "https://accesscontextmanager.googleapis.com"),
        pick(
            "--crm-endpoint", crmFlag, CRM_ENV, env, "https://cloudresourcemanager.googleapis.com"),
        pick(null, null, IAM_ENV, env, "https://iamcredentials.googleapis.com"));
  }

  private static String pick(
      String flag, String flagValue, String var, Map<String, String> env, String def) {
    if (flagValue != null) {
      return normalize(flag, flagValue);
    }
    String v = env.get(var);
    if (v != null && !v.isBlank()) {
      return normalize(var, v);
    }
    return def;
  }

  /** Validates an endpoint URL and returns it as {@code scheme://host[:port]}. */
  static String normalize(String name, String value) {
    URI uri;
    try {
      uri = URI.create(value.strip());
    } catch (IllegalArgumentException e) {
      throw new BadInputException(name + " '" + value + "': not a URL (https://HOST/)", e);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
      throw new BadInputException(
          name + " '" + value + "': expected https://HOST/ (or http://127.0.0.1:PORT/)");
    }
    if (scheme.equals("http") && !isLoopback(uri.getHost())) {
      throw new BadInputException(
          name + " '" + value + "': http:// is allowed only for a loopback host; use https://");
    }
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    if (!path.isEmpty() && !path.equals("/") || uri.getRawQuery() != null) {
      throw new BadInputException(
          name
              + " '"
              + value
              + "': give the host only (https://HOST/); the API version is added by the tool");
    }
    return scheme + "://" + uri.getRawAuthority();
  }

  /** True for localhost, 127.0.0.0/8 and ::1. */
  public static boolean isLoopback(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    return h.equals("localhost")
        || h.equals("::1")
        || h.equals("0:0:0:0:0:0:0:1")
        || h.matches("127(\\.[0-9]{1,3}){3}");
  }
}
