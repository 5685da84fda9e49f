package dev.vpcscaudit.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.vpcscaudit.audit.AuditEngine;
import dev.vpcscaudit.audit.AuditResult;
import dev.vpcscaudit.audit.Finding;
import dev.vpcscaudit.audit.Rules;
import dev.vpcscaudit.error.CloudReadException;
import dev.vpcscaudit.model.DnsAnswer;
import dev.vpcscaudit.model.ProjectRef;
import dev.vpcscaudit.model.VipRanges;
import dev.vpcscaudit.testing.FakeDns;
import dev.vpcscaudit.testing.Fixtures;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The real dnsjava resolver against a local DNS server speaking the wire format. */
class DnsCheckTest {

  final FakeDns dns = new FakeDns();
  final List<String> names = AuditEngine.dnsNames(Fixtures.gdc());

  @AfterEach
  void stop() {
    dns.close();
  }

  DnsResolver resolver() {
    String[] hp = dns.address().split(":");
    return DnsResolver.at(
        new InetSocketAddress(hp[0], Integer.parseInt(hp[1])), Duration.ofSeconds(2));
  }

  AuditResult audit(List<DnsAnswer> answers) {
    return AuditEngine.audit(
        new ProjectRef(null, Fixtures.PROJECT),
        Fixtures.perimeters("[" + Fixtures.perimeter("gdc", Fixtures.compliantConfig()) + "]"),
        Fixtures.gdc(),
        "file",
        null,
        answers);
  }

  @Test
  void theGdcNamesIncludeTheVipTheServicesAndTheRegistries() {
    assertThat(names)
        .startsWith("restricted.googleapis.com", "artifactregistry.googleapis.com")
        .contains("gcr.io", "us.gcr.io", "pkg.dev", "us-docker.pkg.dev")
        .hasSize(1 + 14 + 4);
  }

  @Test
  void aCorrectPrivateZonePasses() {
    dns.restrictedZone(names);

    List<DnsAnswer> answers = resolver().resolve(names);

    assertThat(answers).hasSize(names.size()).allSatisfy(a -> assertThat(a.found()).isTrue());
    assertThat(answers.get(1).aliases()).containsExactly("restricted.googleapis.com");
    assertThat(answers.get(1).addresses())
        .containsExactlyInAnyOrder("199.36.153.4", "199.36.153.5", "199.36.153.6", "199.36.153.7");
    AuditResult result = audit(answers);
    assertThat(result.findings()).isEmpty();
    assertThat(result.dnsChecked()).isTrue();
    assertThat(dns.questions()).contains("logging.googleapis.com A", "logging.googleapis.com AAAA");
  }

  @Test
  void publicPrivateVipAndMissingNamesAreFindings() {
    dns.restrictedZone(names.subList(0, 11));
    dns.a("monitoring.googleapis.com", "142.250.185.10"); // the public address
    dns.cname("storage.googleapis.com", "private.googleapis.com")
        .a("private.googleapis.com", "199.36.153.8");
    dns.aaaa("gcr.io", "2600:2d00:2:1000::4"); // restricted IPv6 only: fine
    dns.a("pkg.dev", "199.36.153.4").aaaa("pkg.dev", "2001:db8::1"); // an IPv6 escape
    // opsconfigmonitoring, servicecontrol (12, 13), us.gcr.io, us-docker.pkg.dev: no records.

    AuditResult result = audit(resolver().resolve(names));

    assertThat(result.findings())
        .extracting(Finding::rule, Finding::service)
        .containsExactly(
            tuple(Rules.DNS_NO_ADDRESS, "opsconfigmonitoring.googleapis.com"),
            tuple(Rules.DNS_NO_ADDRESS, "servicecontrol.googleapis.com"),
            tuple(Rules.DNS_NO_ADDRESS, "us-docker.pkg.dev"),
            tuple(Rules.DNS_NO_ADDRESS, "us.gcr.io"),
            tuple(Rules.DNS_NOT_RESTRICTED_VIP, "monitoring.googleapis.com"),
            tuple(Rules.DNS_NOT_RESTRICTED_VIP, "pkg.dev"),
            tuple(Rules.DNS_NOT_RESTRICTED_VIP, "storage.googleapis.com"));
    assertThat(result.findings())
        .filteredOn(f -> "storage.googleapis.com".equals(f.service()))
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.message().toString())
                    .contains("via private.googleapis.com", "do not mix the two VIPs"));
    assertThat(result.findings())
        .filteredOn(f -> "pkg.dev".equals(f.service()))
        .singleElement()
        .satisfies(f -> assertThat(f.message().toString()).contains("2001:db8:0:0:0:0:0:1"));
  }

  @Test
  void anUnreachableResolverIsAFailedRead() throws Exception {
    java.net.DatagramSocket closed =
        new java.net.DatagramSocket(0, java.net.InetAddress.getLoopbackAddress());
    int port = closed.getLocalPort();
    closed.close();
    DnsResolver dead =
        DnsResolver.at(new InetSocketAddress("127.0.0.1", port), Duration.ofMillis(300));

    assertThatThrownBy(() -> dead.resolve(List.of("restricted.googleapis.com")))
        .isInstanceOf(CloudReadException.class)
        .hasMessageStartingWith(
            "cannot resolve restricted.googleapis.com (A) with resolver 127.0.0.1:" + port);
  }

  @Test
  void vipRanges() {
    assertThat(VipRanges.isRestricted("199.36.153.4")).isTrue();
    assertThat(VipRanges.isRestricted("199.36.153.7")).isTrue();
    assertThat(VipRanges.isRestricted("199.36.153.8")).isFalse();
    assertThat(VipRanges.isPrivate("199.36.153.11")).isTrue();
    assertThat(VipRanges.isRestricted("2600:2d00:2:1000::4")).isTrue();
    assertThat(VipRanges.isRestricted("2600:2d00:2:10ff:ffff::1")).isTrue();
    assertThat(VipRanges.isRestricted("2600:2d00:2:1100::1")).isFalse();
    assertThat(VipRanges.isPrivate("2600:2d00:2:2000::1")).isTrue();
  }
}
