package dev.vpcscaudit.gcp.http;

import dev.vpcscaudit.error.BadInputException;
import dev.vpcscaudit.i18n.Text;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Proxies from the environment, read as curl and gcloud read them: {@code HTTPS_PROXY} for https
 * URLs, {@code HTTP_PROXY} for http URLs (lower-case names too), and {@code NO_PROXY}: a comma list
 * of host names (a name also matches its subdomains; a leading dot is allowed), IP addresses, or
 * {@code *} for every host. Loopback hosts and the metadata server ({@code
 * metadata.google.internal}, link-local 169.254.0.0/16) are never proxied.
 */
public final class ProxySettings extends ProxySelector {

  private final Proxy https;
  private final Proxy http;
  private final List<String> noProxy;

  private ProxySettings(Proxy https, Proxy http, List<String> noProxy) {
    this.https = https;
    this.http = http;
    this.noProxy = noProxy;
  }

  /** Reads the proxy variables of {@code env}; a malformed value is bad input naming it. */
  public static ProxySettings fromEnv(Map<String, String> env) {
    Proxy https = parse(env, "HTTPS_PROXY");
    Proxy http = parse(env, "HTTP_PROXY");
    List<String> noProxy = new ArrayList<>();
    String list = value(env, "NO_PROXY");
    if (list != null) {
      for (String entry : list.split(",")) {
        String e = entry.strip().toLowerCase(Locale.ROOT);
        if (e.startsWith(".")) {
          e = e.substring(1);
        }
        if (!e.isEmpty()) {
          noProxy.add(e);
        }
      }
    }
    return new ProxySettings(https, http, List.copyOf(noProxy));
  }

  /** The proxy for {@code uri}: {@link Proxy#NO_PROXY} or an HTTP proxy. */
  public Proxy proxyFor(URI uri) {
    String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
    if (Endpoints.isLoopback(host) || isMetadataServer(host) || bypassed(host)) {
      return Proxy.NO_PROXY;
    }
    Proxy p = "https".equalsIgnoreCase(uri.getScheme()) ? https : http;
    return p == null ? Proxy.NO_PROXY : p;
  }

  @Override
  public List<Proxy> select(URI uri) {
    return List.of(proxyFor(uri));
  }

  @Override
  public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
    // Nothing to remember: a failed proxy connection surfaces as the request's error.
  }

  private static boolean isMetadataServer(String host) {
    return host.equals("metadata.google.internal")
        || host.equals("metadata")
        || host.startsWith("169.254.");
  }

  private boolean bypassed(String host) {
    String h =
        host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    for (String entry : noProxy) {
      if (entry.equals("*") || h.equals(entry) || h.endsWith("." + entry)) {
        return true;
      }
    }
    return false;
  }

  private static Proxy parse(Map<String, String> env, String name) {
    String raw = value(env, name);
    String shown = dev.vpcscaudit.escape.Redact.url(raw);
    if (raw == null || raw.isBlank()) {
      return null;
    }
    String v = raw.strip();
    URI uri;
    try {
      uri = URI.create(v.contains("://") ? v : "http://" + v);
    } catch (IllegalArgumentException e) {
      throw new BadInputException(Text.of("proxy.not-a-url", name, shown), e);
    }
    if (uri.getHost() == null) {
      throw new BadInputException(Text.of("proxy.not-a-url", name, shown));
    }
    if (!"http".equalsIgnoreCase(uri.getScheme())) {
      throw new BadInputException(Text.of("proxy.http-only", name, shown));
    }
    if (uri.getUserInfo() != null) {
      throw new BadInputException(Text.of("proxy.credentials", name));
    }
    int port = uri.getPort() == -1 ? 1080 : uri.getPort();
    return new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(uri.getHost(), port));
  }

  private static String value(Map<String, String> env, String name) {
    String upper = env.get(name);
    return upper != null ? upper : env.get(name.toLowerCase(Locale.ROOT));
  }
}
