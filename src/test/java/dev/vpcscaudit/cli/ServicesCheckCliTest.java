package dev.vpcscaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpcscaudit.testing.Cli;
import dev.vpcscaudit.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --services-file / --check-services through the real CLI. */
class ServicesCheckCliTest {

  static final String SAMPLE = AuditCommandTest.SAMPLE;
  static final String SERVICES =
      Fixtures.repoRoot().resolve("samples/supported-services.json").toString();

  @TempDir Path dir;

  @Test
  void offlineCheckAgainstAServicesFile() throws Exception {
    Path ok =
        Files.writeString(
            dir.resolve("ok.json"),
            "[" + Fixtures.perimeter("gdc", Fixtures.compliantConfig()) + "]");

    Cli.Result r =
        Cli.run(
            "audit",
            "--project",
            Fixtures.PROJECT,
            "--from-file",
            ok.toString(),
            "--services-file",
            SERVICES,
            "--format",
            "json");

    // Preview support is information: the audit stays compliant.
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("\"servicesChecked\": true", "\"compliant\": true")
        .contains("\"ruleId\": \"service-support-preview\"", "\"service\": \"iam.googleapis.com\"");

    Cli.Result text =
        Cli.run(
            "audit",
            "--project",
            Fixtures.PROJECT,
            "--from-file",
            ok.toString(),
            "--services-file",
            SERVICES);
    assertThat(text.out())
        .contains(
            "Supported services: checked",
            "SUPPORTED SERVICES",
            "info    service-support-preview: 2 services");
  }

  @Test
  void aServiceMissingFromTheListIsAnError() throws Exception {
    Path services =
        Files.writeString(
            dir.resolve("s.json"),
            "[{\"name\": \"storage.googleapis.com\", \"availableOnRestrictedVip\": true}]");

    Cli.Result r =
        Cli.run(
            "audit",
            "--project",
            Fixtures.PROJECT,
            "--from-file",
            SAMPLE,
            "--services-file",
            services.toString(),
            "--format",
            "json");

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out())
        .contains(
            "\"ruleId\": \"service-not-supported\"", "\"service\": \"logging.googleapis.com\"");
  }

  @Test
  void checkServicesOfflineNeedsAFile() {
    Cli.Result r =
        Cli.run("audit", "--project", Fixtures.PROJECT, "--from-file", SAMPLE, "--check-services");

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err())
        .startsWith(
            "error: --check-services reads the supported-services API, and --from-file makes no API call");
  }

  @Test
  void malformedServicesFileIsBadInput() throws Exception {
    Path bad = Files.writeString(dir.resolve("bad.json"), "[{\"title\": \"no name\"}]");

    Cli.Result r =
        Cli.run(
            "audit",
            "--project",
            Fixtures.PROJECT,
            "--from-file",
            SAMPLE,
            "--services-file",
            bad.toString());

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err())
        .isEqualTo("error: --services-file " + bad + ": [0]: missing required field 'name'\n");
  }
}
