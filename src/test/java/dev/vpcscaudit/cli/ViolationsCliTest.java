package dev.vpcscaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vpcscaudit.testing.Cli;
import dev.vpcscaudit.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code audit --violations-file}: a saved read of the project's VPC Service Controls audit logs
 * gives its denials as findings in every report format.
 */
class ViolationsCliTest {

  static final String SAMPLE =
      Fixtures.repoRoot().resolve("samples/gdc-perimeters.json").toString();
  static final String LOGS =
      Fixtures.repoRoot().resolve("src/test/resources/violations/gdc-prod.json").toString();

  @TempDir Path dir;

  /** {@code audit} of the sample's project with {@code --violations-file logs}, and more. */
  static Cli.Result audit(String logs, String... more) {
    java.util.List<String> args =
        new java.util.ArrayList<>(
            java.util.List.of(
                "audit",
                "--project",
                "123456789012",
                "--from-file",
                SAMPLE,
                "--violations-file",
                logs));
    args.addAll(java.util.List.of(more));
    return Cli.run(args.toArray(String[]::new));
  }

  @Test
  void theDenialsAreFindingsOfThePerimeterInEveryFormat() throws Exception {
    Cli.Result r =
        audit(
            LOGS,
            "--format",
            "json,text,sarif,junit,markdown",
            "--output-dir",
            dir.toString(),
            "--fail-on",
            "never");

    assertThat(r.code()).as(r.err()).isZero();
    JsonNode report = new ObjectMapper().readTree(dir.resolve("vpcsc-audit.json").toFile());
    assertThat(report.at("/coverage/violations").asBoolean()).isTrue();
    JsonNode dryRun = null;
    JsonNode enforced = null;
    for (JsonNode f : report.path("findings")) {
      if (f.path("ruleId").asText().equals("dry-run-violations")) {
        dryRun = f;
      } else if (f.path("ruleId").asText().equals("enforced-violations")) {
        enforced = f;
      }
    }
    assertThat(dryRun).isNotNull();
    assertThat(dryRun.path("severity").asText()).isEqualTo("warning");
    assertThat(dryRun.path("mode").asText()).isEqualTo("dry-run");
    assertThat(dryRun.path("perimeter").asText())
        .isEqualTo("accessPolicies/587139914682/servicePerimeters/gdc_prod");
    assertThat(dryRun.path("message").asText())
        .startsWith("the dry-run config would have denied 4 requests between")
        .contains(
            "3 x gkehub.googleapis.com google.cloud.gkehub.v1.GkeHub.GetMembership by"
                + " gke-connect@gdc-prod.iam.gserviceaccount.com (from"
                + " //compute.googleapis.com/projects/gdc-prod/global/networks/__unknown__,"
                + " NO_MATCHING_ACCESS_LEVEL), last 2026-12-01T08:00:00Z, unique ID UoJ-hub-3");
    assertThat(enforced.path("severity").asText()).isEqualTo("info");
    assertThat(enforced.path("message").asText()).contains("by someone@example.com");

    String text = Files.readString(dir.resolve("vpcsc-audit.txt"));
    assertThat(text)
        .contains(
            "Audit logs: 5 denials read from --violations-file "
                + LOGS
                + " (4 dry-run, 1 enforced; 1 other log entries skipped)")
        .contains("dry-run-violations");
    assertThat(Files.readString(dir.resolve("vpcsc-audit.sarif"))).contains("dry-run-violations");
    Path sarif = Files.createDirectories(dir.resolve("sarif"));
    Files.copy(dir.resolve("vpcsc-audit.sarif"), sarif.resolve("vpcsc-audit.sarif"));
    dev.vpcscaudit.testing.SarifValidator.assertValid(sarif);
    assertThat(Files.readString(dir.resolve("vpcsc-audit.junit.xml")))
        .contains("dry-run-violations");
    assertThat(Files.readString(dir.resolve("vpcsc-audit.md"))).contains("dry-run-violations");
  }

  @Test
  void aFileOfOneProjectIsNotGivenToManyAndBadInputIsOneLine() throws Exception {
    Cli.Result many =
        Cli.run("audit", "--from-file", SAMPLE, "--all-projects", "--violations-file", LOGS);
    assertThat(many.code()).isEqualTo(2);
    assertThat(many.err())
        .startsWith(
            "error: --violations-file is a saved read of one project's logs: give it with"
                + " --project");

    Path bad = Files.writeString(dir.resolve("bad.json"), "{}");
    Cli.Result r = audit(bad.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().lines()).singleElement().asString().contains("--violations-file " + bad);
  }
}
