package dev.vpcscaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpcscaudit.testing.Cli;
import dev.vpcscaudit.testing.FakeGcp;
import dev.vpcscaudit.testing.Fixtures;
import dev.vpcscaudit.testing.Processes;
import dev.vpcscaudit.testing.RealGcloud;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's "Your organization in ten minutes", run as written against the loopback fake loaded
 * with the sample: every vpcsc-audit command with the tool itself, the export and the fix script
 * with the real gcloud, the number look-ups checked for gcloud accepting their flags. After the
 * fix, the last audit has no dry-run finding left, as the README says.
 */
class TenMinutesTest {

  @TempDir Path dir;

  static List<String> steps() throws Exception {
    String readme = Files.readString(Fixtures.repoRoot().resolve("README.md"));
    int at = readme.indexOf("### Your organization in ten minutes");
    int start = readme.indexOf("```sh\n", at) + 6;
    String block = readme.substring(start, readme.indexOf("```", start));
    List<String> out = new ArrayList<>();
    for (String line : block.lines().toList()) {
      int comment = line.indexOf("  #");
      out.add((comment < 0 ? line : line.substring(0, comment)).strip());
    }
    return out;
  }

  @Test
  void everyStepRunsAsWritten() throws Exception {
    try (FakeGcp fake = new FakeGcp()) {
      fake.project("gdc-prod", Fixtures.PROJECT, "organizations/9000")
          .policy("organizations/9000", "accessPolicies/587139914682", null)
          .perimeters(
              "accessPolicies/587139914682",
              Files.readString(Fixtures.repoRoot().resolve("samples/gdc-perimeters.json")))
          .levels(
              "accessPolicies/587139914682",
              Files.readString(Fixtures.repoRoot().resolve("samples/access-levels.json")));
      Map<String, String> env = fake.adcEnv(dir);
      Map<String, String> gcloud =
          Map.of("CLOUDSDK_API_ENDPOINT_OVERRIDES_CLOUDRESOURCEMANAGER", fake.url() + "/");
      List<String> steps = steps();
      assertThat(steps).hasSizeGreaterThanOrEqualTo(8);
      String last = null;
      for (String step : steps) {
        String command =
            step.replace("PROJECT_ID", "gdc-prod")
                .replace("PROJECT_NUMBER", Fixtures.PROJECT)
                .replace("POLICY_NUMBER", "587139914682")
                .replace("ORG_NUMBER", "9000")
                .replace("perimeters.json", dir.resolve("perimeters.json").toString())
                .replace("fix.sh", dir.resolve("fix.sh").toString());
        if (command.startsWith("vpcsc-audit ")) {
          Cli.Result r =
              Cli.run(
                  env,
                  ArgFiles.words(
                          command.substring("vpcsc-audit ".length()),
                          step,
                          ExamplesParseTest.quietRoot())
                      .toArray(String[]::new));
          assertThat(r.code()).as(step + "\n" + r.err()).isIn(0, 1);
          last = r.out();
        } else if (command.startsWith("gcloud access-context-manager perimeters list")
            || command.startsWith("bash ")) {
          Processes.Result r = RealGcloud.run(List.of("bash", "-c", command), fake, dir, gcloud);
          assertThat(r.code()).as(step + "\n" + r.err()).isZero();
        } else {
          // The look-ups of numbers: the fake does not serve them; gcloud must accept the flags
          // (a usage error is exit 2, before any request).
          Processes.Result r = RealGcloud.run(List.of("bash", "-c", command), fake, dir, gcloud);
          assertThat(r.code()).as(step + "\n" + r.err()).isNotEqualTo(2);
        }
      }
      assertThat(Files.readString(dir.resolve("fix.sh"))).contains("dry-run update gdc_prod");
      assertThat(fake.writes()).isNotEmpty();
      assertThat(last).as("the last audit, after the fix").doesNotContain("DRY-RUN (spec)");
    }
  }
}
