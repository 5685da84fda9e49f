package dev.vpcscaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpcscaudit.audit.AuditEngine;
import dev.vpcscaudit.testing.Cli;
import dev.vpcscaudit.testing.FakeDns;
import dev.vpcscaudit.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --check-dns / --dns-resolver through the real CLI, against a local DNS server. */
class DnsCheckCliTest {

  final FakeDns dns = new FakeDns();

  @TempDir Path dir;

  @AfterEach
  void stop() {
    dns.close();
  }

  Path compliant() throws Exception {
    return Files.writeString(
        dir.resolve("ok.json"), "[" + Fixtures.perimeter("gdc", Fixtures.compliantConfig()) + "]");
  }

  @Test
  void aCorrectZoneKeepsTheAuditCompliant() throws Exception {
    dns.restrictedZone(AuditEngine.dnsNames(Fixtures.gdc()));

    Cli.Result r =
        Cli.run(
            "audit",
            "--project",
            Fixtures.PROJECT,
            "--from-file",
            compliant().toString(),
            "--dns-resolver",
            dns.address(),
            "--format",
            "json");

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("\"dnsChecked\": true", "\"compliant\": true");
  }

  @Test
  void aPublicAnswerFailsTheAudit() throws Exception {
    dns.restrictedZone(AuditEngine.dnsNames(Fixtures.gdc()).subList(0, 10));
    for (String n : AuditEngine.dnsNames(Fixtures.gdc()).subList(10, 19)) {
      dns.a(n, "142.250.185.10");
    }

    Cli.Result r =
        Cli.run(
            "audit",
            "--project",
            Fixtures.PROJECT,
            "--from-file",
            compliant().toString(),
            "--dns-resolver",
            dns.address());

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out())
        .contains(
            "DNS (restricted VIP 199.36.153.4/30)", "error   dns-not-restricted-vip: 9 names");
  }

  @Test
  void badResolverAndProfileWithoutVip() throws Exception {
    Cli.Result badPort =
        Cli.run(
            "audit",
            "--project",
            Fixtures.PROJECT,
            "--from-file",
            compliant().toString(),
            "--dns-resolver",
            "127.0.0.1:99999");
    assertThat(badPort.code()).isEqualTo(2);
    assertThat(badPort.err())
        .contains("--dns-resolver '127.0.0.1:99999': expected HOST or HOST:PORT");

    Path profile =
        Files.writeString(
            dir.resolve("p.yaml"),
            "formatVersion: 1\nname: plain\nrequiredServices: [logging.googleapis.com]\n");
    Cli.Result noVip =
        Cli.run(
            "audit",
            "--project",
            Fixtures.PROJECT,
            "--from-file",
            compliant().toString(),
            "--profile",
            profile.toString(),
            "--check-dns");
    assertThat(noVip.code()).isEqualTo(2);
    assertThat(noVip.err())
        .contains("--check-dns: profile plain does not require the restricted VIP");
  }
}
