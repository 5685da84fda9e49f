package dev.vpcscaudit.gcp.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vpcscaudit.error.BadInputException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProxySettingsTest {

  private static String proxyOf(ProxySettings p, String url) {
    Proxy proxy = p.proxyFor(URI.create(url));
    if (proxy.type() == Proxy.Type.DIRECT) {
      return "direct";
    }
    InetSocketAddress a = (InetSocketAddress) proxy.address();
    return a.getHostString() + ":" + a.getPort();
  }

  @Test
  void httpsProxyForHttpsUrlsExceptNoProxyAndLoopback() {
    ProxySettings p =
        ProxySettings.fromEnv(
            Map.of(
                "HTTPS_PROXY",
                "http://proxy.corp:3128",
                "NO_PROXY",
                "internal.corp, .googleapis.com,10.1.2.3"));

    assertThat(proxyOf(p, "https://example.com/x")).isEqualTo("proxy.corp:3128");
    assertThat(proxyOf(p, "https://accesscontextmanager.googleapis.com/v1")).isEqualTo("direct");
    assertThat(proxyOf(p, "https://a.internal.corp/")).isEqualTo("direct");
    assertThat(proxyOf(p, "https://internal.corp/")).isEqualTo("direct");
    assertThat(proxyOf(p, "https://10.1.2.3/")).isEqualTo("direct");
    assertThat(proxyOf(p, "https://notinternal.corp/")).isEqualTo("proxy.corp:3128");
    assertThat(proxyOf(p, "http://example.com/")).isEqualTo("direct"); // no HTTP_PROXY
    assertThat(proxyOf(p, "http://127.0.0.1:8080/")).isEqualTo("direct");
  }

  @Test
  void theMetadataServerIsNeverProxied() {
    ProxySettings p = ProxySettings.fromEnv(Map.of("HTTP_PROXY", "http://proxy.corp:3128"));
    assertThat(proxyOf(p, "http://metadata.google.internal/computeMetadata/v1/"))
        .isEqualTo("direct");
    assertThat(proxyOf(p, "http://169.254.169.254/computeMetadata/v1/")).isEqualTo("direct");
    assertThat(proxyOf(p, "http://example.com/")).isEqualTo("proxy.corp:3128");
  }

  @Test
  void lowerCaseNamesDefaultPortAndWildcard() {
    ProxySettings p =
        ProxySettings.fromEnv(Map.of("https_proxy", "proxy.corp", "http_proxy", "http://p2:80"));
    assertThat(proxyOf(p, "https://example.com/")).isEqualTo("proxy.corp:1080");
    assertThat(proxyOf(p, "http://example.com/")).isEqualTo("p2:80");

    ProxySettings all = ProxySettings.fromEnv(Map.of("HTTPS_PROXY", "http://p:1", "no_proxy", "*"));
    assertThat(proxyOf(all, "https://example.com/")).isEqualTo("direct");
  }

  @Test
  void malformedProxyIsBadInput() {
    assertThatThrownBy(() -> ProxySettings.fromEnv(Map.of("HTTPS_PROXY", "socks5://p:1")))
        .isInstanceOf(BadInputException.class)
        .hasMessageStartingWith("HTTPS_PROXY='socks5://p:1': only http:// proxies are supported");
    assertThatThrownBy(() -> ProxySettings.fromEnv(Map.of("HTTPS_PROXY", "http://user:pw@p:1")))
        .hasMessageStartingWith("HTTPS_PROXY: credentials in the proxy URL are not supported")
        .hasMessageNotContaining("pw");
  }
}
