package dev.vpcscaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vpcscaudit.report.ReportSchemaTest;
import dev.vpcscaudit.testing.Cli;
import dev.vpcscaudit.testing.Fixtures;
import dev.vpcscaudit.testing.SarifValidator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --baseline}: three nightly runs, the second fixing one finding and adding another; each
 * finding is new or unchanged and the fixed one is listed as absent, in JSON (valid against the
 * schema), SARIF (baselineState, valid for Microsoft's validator), text and Markdown; {@code
 * --fail-on new} fails only on what is new.
 */
class BaselineTest {

  @TempDir Path dir;
  final ObjectMapper json = new ObjectMapper();

  static final String LOGGING = "logging.googleapis.com";
  static final String STORAGE = "storage.googleapis.com";

  /** A perimeter holding the project that lacks {@code missing} of the required services. */
  Path export(String name, List<String> missing) throws Exception {
    List<String> services = new ArrayList<>(Fixtures.gdc().requiredServices());
    services.removeAll(missing);
    return Files.writeString(
        dir.resolve(name),
        "["
            + Fixtures.perimeter(
                "gdc", Fixtures.config(Fixtures.jsonList(services), Fixtures.VPC_RESTRICTED))
            + "]");
  }

  Cli.Result audit(Path export, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of("audit", "--project", Fixtures.PROJECT, "--from-file", export.toString()));
    args.addAll(List.of(more));
    return Cli.run(args.toArray(String[]::new));
  }

  @Test
  void threeRunsGiveNewUnchangedAndFixedInEveryFormat() throws Exception {
    // Night 1: logging unrestricted. Night 2: logging fixed, storage broken.
    Cli.Result first = audit(export("night1.json", List.of(LOGGING)), "--format", "json");
    Path previous = Files.writeString(dir.resolve("previous.json"), first.out());
    Path night2 = export("night2.json", List.of(STORAGE));

    Cli.Result second = audit(night2, "--format", "json", "--baseline", previous.toString());
    JsonNode report = json.readTree(second.out());
    assertThat(ReportSchemaTest.schema().validate(report)).isEmpty();
    JsonNode finding = report.path("findings").get(0);
    assertThat(finding.path("service").asText()).isEqualTo(STORAGE);
    assertThat(finding.path("baselineState").asText()).isEqualTo("new");
    JsonNode baseline = report.path("baseline");
    assertThat(baseline.path("new").asInt()).isEqualTo(1);
    assertThat(baseline.path("unchanged").asInt()).isZero();
    assertThat(baseline.path("absent").asInt()).isEqualTo(1);
    assertThat(baseline.path("absentFindings").get(0).path("service").asText()).isEqualTo(LOGGING);

    // Night 3: nothing changed since night 2.
    Path previous2 = Files.writeString(dir.resolve("previous2.json"), second.out());
    Cli.Result third = audit(night2, "--format", "json", "--baseline", previous2.toString());
    JsonNode again = json.readTree(third.out());
    assertThat(again.path("findings").get(0).path("baselineState").asText()).isEqualTo("unchanged");
    assertThat(again.path("baseline").path("absent").asInt()).isZero();

    Cli.Result text = audit(night2, "--baseline", previous.toString());
    assertThat(text.out()).contains("Baseline: 1 new, 0 unchanged, 1 fixed since " + previous);
    Cli.Result markdown = audit(night2, "--format", "markdown", "--baseline", previous.toString());
    assertThat(markdown.out()).contains("Baseline: 1 new, 0 unchanged, 1 fixed since");

    Path sarifDir = Files.createDirectories(dir.resolve("sarif"));
    Cli.Result sarif =
        audit(
            night2,
            "--format",
            "sarif",
            "--baseline",
            previous.toString(),
            "-o",
            sarifDir.resolve("baseline.sarif").toString());
    assertThat(sarif.code()).as(sarif.err()).isEqualTo(1);
    JsonNode results =
        json.readTree(sarifDir.resolve("baseline.sarif").toFile())
            .path("runs")
            .get(0)
            .path("results");
    assertThat(results.findValuesAsText("baselineState"))
        .containsExactlyInAnyOrder("new", "absent");
    SarifValidator.assertValid(sarifDir);
  }

  @Test
  void acceptedExceptionsThroughTheCommandLine() throws Exception {
    Path night = export("night.json", List.of(LOGGING));
    String entry =
        "accept:\n"
            + "  - rule: required-service-unrestricted\n"
            + "    service: logging.googleapis.com\n"
            + "    reason: SIEM migration, ticket SEC-42\n"
            + "    expires: ";
    Path live = Files.writeString(dir.resolve("accept.yaml"), entry + "2999-12-31\n");
    Cli.Result accepted = audit(night, "--accept", live.toString());
    assertThat(accepted.code()).as(accepted.out() + accepted.err()).isZero();
    assertThat(accepted.out())
        .contains(
            "Accepted (not counted) until 2999-12-31: required-service-unrestricted",
            "migration, ticket SEC-42",
            "  accepted required-service-unrestricted",
            "Compliant with profile");

    Path expired = Files.writeString(dir.resolve("expired.yaml"), entry + "2020-01-01\n");
    Cli.Result late = audit(night, "--accept", expired.toString(), "--format", "json");
    assertThat(late.code()).isEqualTo(1);
    assertThat(late.out()).contains("\"ruleId\": \"acceptance-expired\"", "expired on 2020-01-01");

    Path bad = Files.writeString(dir.resolve("bad.yaml"), "accept:\n  - rule: nope\n");
    Cli.Result refused = audit(night, "--accept", bad.toString());
    assertThat(refused.code()).isEqualTo(2);
    assertThat(refused.err()).startsWith("error: --accept " + bad + ": accept[0]");
  }

  @Test
  void failOnNewFailsOnlyOnNewFindings() throws Exception {
    Path night1 = export("night1.json", List.of(LOGGING));
    Path previous =
        Files.writeString(dir.resolve("previous.json"), audit(night1, "--format", "json").out());

    Cli.Result same = audit(night1, "--baseline", previous.toString(), "--fail-on", "new");
    assertThat(same.code()).as("a known finding does not fail the build").isZero();
    Cli.Result worse =
        audit(
            export("night2.json", List.of(LOGGING, STORAGE)),
            "--baseline",
            previous.toString(),
            "--fail-on",
            "new");
    assertThat(worse.code()).as("a new finding does").isEqualTo(1);

    Cli.Result noBaseline = audit(night1, "--fail-on", "new");
    assertThat(noBaseline.code()).isEqualTo(2);
    assertThat(noBaseline.err()).contains("--fail-on new compares with an earlier report");

    Path bad = Files.writeString(dir.resolve("bad.json"), "[]");
    Cli.Result badBaseline = audit(night1, "--baseline", bad.toString());
    assertThat(badBaseline.code()).isEqualTo(2);
    assertThat(badBaseline.err()).contains("--baseline " + bad + ": not a vpcsc-audit JSON report");
  }
}
