package dev.vpcscaudit.gcp.http;

import dev.vpcscaudit.error.BadInputException;
import dev.vpcscaudit.i18n.Text;
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
 * @param compute base URL of Compute Engine ({@code --network} only); gcloud's variable {@code
 *     CLOUDSDK_API_ENDPOINT_OVERRIDES_COMPUTE} carries the API path ({@code
 *     https://HOST/compute/v1/}), which is accepted and dropped here
 * @param dns base URL of Cloud DNS ({@code --network} only); {@code ..._DNS}, likewise with {@code
 *     /dns/v1/}
 * @param logging base URL of Cloud Logging ({@code --violations} only); {@code ..._LOGGING}, which
 *     may carry {@code /v2/}
 */
public record Endpoints(
    String accessContextManager,
    String resourceManager,
    String iamCredentials,
    String compute,
    String dns,
    String logging) {

  public static final String ACM_ENV = "CLOUDSDK_API_ENDPOINT_OVERRIDES_ACCESSCONTEXTMANAGER";
  public static final String CRM_ENV = "CLOUDSDK_API_ENDPOINT_OVERRIDES_CLOUDRESOURCEMANAGER";
  public static final String IAM_ENV = "CLOUDSDK_API_ENDPOINT_OVERRIDES_IAMCREDENTIALS";
  public static final String COMPUTE_ENV = "CLOUDSDK_API_ENDPOINT_OVERRIDES_COMPUTE";
  public static final String DNS_ENV = "CLOUDSDK_API_ENDPOINT_OVERRIDES_DNS";
  public static final String LOGGING_ENV = "CLOUDSDK_API_ENDPOINT_OVERRIDES_LOGGING";

  /** Resolves each endpoint: the flag when given, else gcloud's variable, else Google's. */
  public static Endpoints resolve(String acmFlag, String crmFlag, Map<String, String> env) {
    return resolve(acmFlag, crmFlag, null, null, env);
  }

  /** As {@link #resolve(String, String, Map)}, with the Compute Engine and Cloud DNS flags. */
  public static Endpoints resolve(
      String acmFlag, String crmFlag, String computeFlag, String dnsFlag, Map<String, String> env) {
    return new Endpoints(
        pick(
            "--acm-endpoint",
            acmFlag,
            ACM_ENV,
            env,
            "https://accesscontextmanager.googleapis.com",
            null),
        pick(
            "--crm-endpoint",
            crmFlag,
            CRM_ENV,
            env,
            "https://cloudresourcemanager.googleapis.com",
            null),
        pick(null, null, IAM_ENV, env, "https://iamcredentials.googleapis.com", null),
        pick(
            "--compute-endpoint",
            computeFlag,
            COMPUTE_ENV,
            env,
            "https://compute.googleapis.com",
            "/compute/v1/"),
        pick("--dns-endpoint", dnsFlag, DNS_ENV, env, "https://dns.googleapis.com", "/dns/v1/"),
        pick(null, null, LOGGING_ENV, env, "https://logging.googleapis.com", "/v2/"));
  }

  private static String pick(
      String flag,
      String flagValue,
      String var,
      Map<String, String> env,
      String def,
      String apiPath) {
    if (flagValue != null) {
      return normalize(flag, flagValue, apiPath);
    }
    String v = env.get(var);
    if (v != null && !v.isBlank()) {
      return normalize(var, v, apiPath);
    }
    return def;
  }

  /** Validates an endpoint URL and returns it as {@code scheme://host[:port]}. */
  static String normalize(String name, String value) {
    return normalize(name, value, null);
  }

  /**
   * As {@link #normalize(String, String)}; {@code apiPath} (e.g. {@code /compute/v1/}) is the one
   * path allowed after the host, the form gcloud's own override takes.
   */
  static String normalize(String name, String value, String apiPath) {
    URI uri;
    try {
      uri = URI.create(value.strip());
    } catch (IllegalArgumentException e) {
      throw new BadInputException(Text.of("endpoint.not-a-url", name, value), e);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
      throw new BadInputException(Text.of("endpoint.expected", name, value));
    }
    if (scheme.equals("http") && !isLoopback(uri.getHost())) {
      throw new BadInputException(Text.of("endpoint.http-loopback", name, value));
    }
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    if (apiPath != null && (path.equals(apiPath) || (path + "/").equals(apiPath))) {
      path = "";
    }
    if (!path.isEmpty() && !path.equals("/") || uri.getRawQuery() != null) {
      throw new BadInputException(
          apiPath == null
              ? Text.of("endpoint.host-only", name, value)
              : Text.of("endpoint.host-only-or-path", name, value, apiPath));
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
