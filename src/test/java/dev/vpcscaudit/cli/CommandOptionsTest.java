package dev.vpcscaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpcscaudit.testing.Cli;
import dev.vpcscaudit.testing.Fixtures;
import org.junit.jupiter.api.Test;

/** Each command accepts only the options it uses; the others are usage errors, not ignored. */
class CommandOptionsTest {

  static final String SAMPLE =
      Fixtures.repoRoot().resolve("samples/gdc-perimeters.json").toString();

  @Test
  void exportTakesNoProfile() {
    Cli.Result r =
        Cli.run("export", "--project", "123456789012", "--from-file", SAMPLE, "--profile", "nope");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err())
        .isEqualTo(
            "error: Unknown options: '--profile', 'nope' (see 'vpcsc-audit export --help')\n");
  }

  @Test
  void planAndExportTakeNoServicesCheck() {
    for (String command : new String[] {"plan", "export"}) {
      Cli.Result r =
          Cli.run(
              command,
              "--project",
              "123456789012",
              "--from-file",
              SAMPLE,
              "--as",
              "gcloud",
              "--services-file",
              "samples/supported-services.json");
      assertThat(r.code()).as(command).isEqualTo(2);
      assertThat(r.err()).as(command).contains("'--services-file'");
    }
  }

  @Test
  void profilesOffersNoApiOptions() {
    Cli.Result r = Cli.run("profiles", "list", "--help");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("--stacktrace").doesNotContain("--verbose", "--timeout");
  }

  @Test
  void auditHasEveryOptionItUses() {
    Cli.Result r = Cli.run("audit", "--help");
    assertThat(r.out())
        .contains("--profile", "--check-services", "--services-file", "--verbose", "--timeout");
  }
}
