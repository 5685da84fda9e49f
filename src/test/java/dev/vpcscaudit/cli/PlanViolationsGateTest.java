package dev.vpcscaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpcscaudit.testing.Cli;
import dev.vpcscaudit.testing.FakeGcp;
import dev.vpcscaudit.testing.Fixtures;
import dev.vpcscaudit.testing.Processes;
import dev.vpcscaudit.testing.RealGcloud;
import dev.vpcscaudit.testing.TerraformFmt;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code plan --stage enforce --violations 7d}: the enforce changes of a perimeter whose dry-run
 * config denied requests in the window are written commented out below the denials, unless {@code
 * --accept-violations}; with no denial they are written live. The real gcloud runs both forms
 * against the loopback fake.
 */
class PlanViolationsGateTest {

  static final String ORG = "organizations/9000";
  static final String SAMPLE =
      Fixtures.repoRoot().resolve("samples/gdc-perimeters.json").toString();
  static final String PERIMETER = "accessPolicies/587139914682/servicePerimeters/gdc_prod";

  @TempDir Path dir;
  FakeGcp fake;

  @BeforeEach
  void start() throws Exception {
    fake = LiveViolationsTest.sampleFake();
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  Cli.Result plan(String... more) {
    List<String> args =
        new ArrayList<>(List.of("plan", "--project", "gdc-prod", "--stage", "enforce"));
    args.addAll(List.of(more));
    return Cli.run(fake.adcEnv(dir), args.toArray(String[]::new));
  }

  /** The offline enforce plan of the sample as Terraform, with {@code more}. */
  static Cli.Result offlineTerraform(String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "plan",
                "--project",
                "123456789012",
                "--from-file",
                SAMPLE,
                "--stage",
                "enforce",
                "--as",
                "terraform"));
    args.addAll(List.of(more));
    return Cli.run(args.toArray(String[]::new));
  }

  /** The commented-out gcloud commands of a script, uncommented. */
  static List<String> heldCommands(String script) {
    return script
        .lines()
        .filter(l -> l.startsWith("# gcloud access-context-manager perimeters "))
        .map(l -> l.substring(2))
        .toList();
  }

  /** Runs {@code script} with the real gcloud against the fake. */
  Processes.Result gcloud(String script) {
    return RealGcloud.runScript(script, fake, dir);
  }

  /** After the changes, a new enforce plan has nothing to change. */
  void nothingLeftToEnforce() {
    Cli.Result again = plan("--as", "gcloud");
    assertThat(again.code()).as(again.err()).isZero();
    assertThat(again.out()).contains("This script changes nothing.");
  }

  @Test
  void denialsHoldTheEnforceCommandsBackAndTheRealGcloudRunsThemAsWritten() throws Exception {
    fake.logEntries("gdc-prod", LiveViolationsTest.recent().toString());

    Path file = dir.resolve("enforce.sh");
    Cli.Result r = plan("--as", "gcloud", "--violations", "7d", "--output", file.toString());

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).contains("(1 perimeter(s) to change, 1 held back by dry-run denials");
    String script = Files.readString(file);
    assertThat(script)
        .contains(
            "# Audit logs: 5 denials read from the audit logs of projects/gdc-prod, the last 7d (")
        .contains("# HELD BACK: the changes to " + PERIMETER + " are written commented out")
        .contains("# --- HELD BACK: " + PERIMETER)
        .contains("# Its dry-run config denied 4 requests in the audit logs of projects/gdc-prod")
        .contains("#   3 x gkehub.googleapis.com google.cloud.gkehub.v1.GkeHub.GetMembership by");
    assertThat(script).doesNotContain("# What it changes:");
    // Nothing runs: no guard, no write.
    assertThat(script.lines().filter(l -> l.startsWith("write ") || l.startsWith("check ")))
        .isEmpty();
    Processes.Result ran = gcloud(script);
    assertThat(ran.code()).as(ran.err()).isZero();
    assertThat(fake.writes()).isEmpty();

    // The held commands, run as written by the real gcloud, make the enforce plan empty.
    List<String> held = heldCommands(script);
    assertThat(held).isNotEmpty();
    Processes.Result applied = gcloud("set -euo pipefail\n" + String.join("\n", held) + "\n");
    assertThat(applied.code()).as(applied.err()).isZero();
    assertThat(fake.writes()).isNotEmpty();
    nothingLeftToEnforce();
  }

  @Test
  void noDenialInTheWindowWritesTheEnforceCommandsLive() throws Exception {
    Cli.Result r = plan("--as", "gcloud", "--violations", "7d");

    assertThat(r.code()).as(r.err()).isZero();
    String script = r.out();
    assertThat(script)
        .contains("# Audit logs: no VPC Service Controls denials in the audit logs of")
        .contains(
            "# No perimeter this plan changes had a dry-run denial in these logs: its enforce"
                + " changes are written live.")
        .doesNotContain("HELD BACK");
    assertThat(script.lines().filter(l -> l.startsWith("write 0 "))).isNotEmpty();
    Processes.Result ran = gcloud(script);
    assertThat(ran.code()).as(ran.err()).isZero();
    nothingLeftToEnforce();
  }

  @Test
  void acceptedDenialsAreWrittenLiveAndSaidSo() throws Exception {
    fake.logEntries("gdc-prod", LiveViolationsTest.recent().toString());

    Cli.Result r = plan("--as", "gcloud", "--violations", "7d", "--accept-violations");

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("# --accept-violations: the enforce changes are written live although")
        .doesNotContain("--- HELD BACK");
    Processes.Result ran = gcloud(r.out());
    assertThat(ran.code()).as(ran.err()).isZero();
    nothingLeftToEnforce();

    Cli.Result alone = plan("--as", "gcloud", "--accept-violations");
    assertThat(alone.code()).isEqualTo(2);
    assertThat(alone.err()).contains("--accept-violations accepts the denials of a read");
  }

  @Test
  void terraformHoldsTheBlocksBackAsCommentsThatTerraformFmtAccepts() throws Exception {
    Path saved =
        Files.writeString(dir.resolve("violations.json"), LiveViolationsTest.recent().toString());
    Cli.Result r = offlineTerraform("--violations-file", saved.toString());

    assertThat(r.code()).as(r.err()).isZero();
    String hcl = r.out();
    assertThat(hcl)
        .contains("# HELD BACK:\n# Its dry-run config denied 4 requests in --violations-file ")
        .contains("# resource \"google_access_context_manager_service_perimeter\"")
        .doesNotContain("\nresource \"google_access_context_manager_service_perimeter\"")
        .doesNotContain("\nimport {");
    TerraformFmt.assertCanonical(hcl, "held-back Terraform plan");

    // Uncommented, the held blocks are the plan written without the read.
    Cli.Result plain = offlineTerraform();
    String uncommented =
        String.join(
            "\n",
            hcl.lines()
                .dropWhile(l -> !l.startsWith("# import {"))
                .takeWhile(l -> l.startsWith("#"))
                .map(l -> l.equals("#") ? "" : l.substring(2))
                .toList());
    assertThat(plain.out()).contains(uncommented);
  }

  @Test
  void theDryRunPlansNextStepShowsWhatEachPerimetersSpecDenied() throws Exception {
    fake.logEntries("gdc-prod", LiveViolationsTest.recent().toString());

    Cli.Result r =
        Cli.run(
            fake.adcEnv(dir),
            "plan",
            "--project",
            "gdc-prod",
            "--as",
            "gcloud",
            "--violations",
            "7d");

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("# What the dry-run configs denied in the audit logs of projects/gdc-prod")
        .contains("#   " + PERIMETER + ": denied\n#     3 x gkehub.googleapis.com")
        .contains("# gcloud access-context-manager perimeters dry-run enforce gdc_prod")
        .doesNotContain("HELD BACK");
    assertThat(r.out().lines().filter(l -> l.startsWith("write 0 "))).isNotEmpty();
  }
}
