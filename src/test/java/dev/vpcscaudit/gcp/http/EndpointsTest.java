package dev.vpcscaudit.gcp.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vpcscaudit.error.BadInputException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EndpointsTest {

  @Test
  void defaultsEnvAndFlags() {
    Endpoints d = Endpoints.resolve(null, null, Map.of());
    assertThat(d.accessContextManager()).isEqualTo("https://accesscontextmanager.googleapis.com");
    assertThat(d.resourceManager()).isEqualTo("https://cloudresourcemanager.googleapis.com");
    assertThat(d.iamCredentials()).isEqualTo("https://iamcredentials.googleapis.com");

    Endpoints env =
        Endpoints.resolve(
            null,
            null,
            Map.of(Endpoints.ACM_ENV, "https://accesscontextmanager-psc.p.googleapis.com/"));
    assertThat(env.accessContextManager())
        .isEqualTo("https://accesscontextmanager-psc.p.googleapis.com");

    Endpoints flag =
        Endpoints.resolve(
            "http://127.0.0.1:9000/",
            "http://localhost:9001",
            Map.of(Endpoints.ACM_ENV, "https://x/"));
    assertThat(flag.accessContextManager()).isEqualTo("http://127.0.0.1:9000");
    assertThat(flag.resourceManager()).isEqualTo("http://localhost:9001");
  }

  @Test
  void refusesPlainHttpToRemoteHostsAndPaths() {
    assertThatThrownBy(() -> Endpoints.resolve("http://10.0.0.5/", null, Map.of()))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("http:// is allowed only for a loopback host");
    assertThatThrownBy(() -> Endpoints.resolve("ftp://x/", null, Map.of()))
        .hasMessageContaining("expected https://HOST/");
    assertThatThrownBy(() -> Endpoints.resolve("https://x/v1/", null, Map.of()))
        .hasMessageContaining("give the host only");
    assertThat(Endpoints.isLoopback("127.8.9.10")).isTrue();
    assertThat(Endpoints.isLoopback("[::1]")).isTrue();
    assertThat(Endpoints.isLoopback("127.example.com")).isFalse();
  }

  @Test
  void computeAndDnsTakeGcloudsFormWithTheApiPath() {
    Endpoints d = Endpoints.resolve(null, null, Map.of());
    assertThat(d.compute()).isEqualTo("https://compute.googleapis.com");
    assertThat(d.dns()).isEqualTo("https://dns.googleapis.com");

    Endpoints env =
        Endpoints.resolve(
            null,
            null,
            null,
            null,
            Map.of(
                Endpoints.COMPUTE_ENV,
                "https://compute-psc.p.googleapis.com/compute/v1/",
                Endpoints.DNS_ENV,
                "https://dns-psc.p.googleapis.com/"));
    assertThat(env.compute()).isEqualTo("https://compute-psc.p.googleapis.com");
    assertThat(env.dns()).isEqualTo("https://dns-psc.p.googleapis.com");
    Endpoints flags =
        Endpoints.resolve(null, null, "http://127.0.0.1:9/", "http://127.0.0.1:9/dns/v1", Map.of());
    assertThat(flags.dns()).isEqualTo("http://127.0.0.1:9");
    assertThatThrownBy(() -> Endpoints.resolve(null, null, "https://x/dns/v1/", null, Map.of()))
        .hasMessageContaining("--compute-endpoint")
        .hasMessageContaining("or https://HOST/compute/v1/");
  }
}
