package dev.vpcscaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpcscaudit.testing.Cli;
import dev.vpcscaudit.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanCommandTest {

  static final String SAMPLE = AuditCommandTest.SAMPLE;

  @TempDir Path dir;

  @Test
  void writesAGcloudScriptForTheSample() {
    Cli.Result r =
        Cli.run("plan", "--project", "123456789012", "--from-file", SAMPLE, "--as", "gcloud");

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .startsWith("#!/usr/bin/env bash\n")
        .contains(
            "set -euo pipefail", "perimeters dry-run update gdc_prod", "--policy=587139914682")
        // The old export can only show the old findings: verify against a fresh one.
        .contains(
            "#   gcloud access-context-manager perimeters list --policy=587139914682"
                + " --format=json > perimeters-after.json && vpcsc-audit audit --project"
                + " 123456789012 --from-file perimeters-after.json");
  }

  @Test
  void writesTerraformToAFile() throws Exception {
    Path out = dir.resolve("fix.tf");
    Cli.Result r =
        Cli.run(
            "plan",
            "--project",
            "123456789012",
            "--from-file",
            SAMPLE,
            "--as",
            "terraform",
            "--stage",
            "enforce",
            "-o",
            out.toString());

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err())
        .isEqualTo("wrote terraform plan to " + out + " (1 perimeter(s) to change)\n");
    assertThat(Files.readString(out)).contains("import {", "use_explicit_dry_run_spec = true");
  }

  @Test
  void projectInNoRegularPerimeterNeedsATarget() throws Exception {
    Path file =
        Files.writeString(
            dir.resolve("p.json"),
            "[" + Fixtures.perimeter("other", "{\"resources\": [\"projects/5\"]}") + "]");

    Cli.Result none =
        Cli.run(
            "plan", "--project", "123456789012", "--from-file", file.toString(), "--as", "gcloud");
    assertThat(none.code()).isEqualTo(2);
    assertThat(none.out()).isEmpty();
    assertThat(none.err())
        .isEqualTo(
            "error: projects/123456789012 is in no regular perimeter: name the one to add it to with --target-perimeter NAME"
                + " (candidates: accessPolicies/111/servicePerimeters/other)\n");

    Cli.Result named =
        Cli.run(
            "plan",
            "--project",
            "123456789012",
            "--from-file",
            file.toString(),
            "--as",
            "gcloud",
            "--target-perimeter",
            "other");
    assertThat(named.code()).as(named.err()).isZero();
    assertThat(named.out()).contains("--add-resources=projects/123456789012");

    Cli.Result unknown =
        Cli.run(
            "plan",
            "--project",
            "123456789012",
            "--from-file",
            file.toString(),
            "--as",
            "gcloud",
            "--target-perimeter",
            "nope");
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err())
        .startsWith("error: --target-perimeter nope: no such perimeter in the input");
  }

  @Test
  void targetWhenTheProjectIsAlreadyInAPerimeterIsRefused() {
    Cli.Result r =
        Cli.run(
            "plan",
            "--project",
            "123456789012",
            "--from-file",
            SAMPLE,
            "--as",
            "gcloud",
            "--target-perimeter",
            "analytics");

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err())
        .contains(
            "the project is already in accessPolicies/587139914682/servicePerimeters/gdc_prod");
  }

  @Test
  void terraformRefusesFieldsItCannotReproduce() throws Exception {
    Path file =
        Files.writeString(
            dir.resolve("p.json"),
            "[{\"name\": \"accessPolicies/1/servicePerimeters/p\", \"status\": {\"resources\": [\"projects/123456789012\"],"
                + " \"ingressPolicies\": [{\"ingressFrom\": {\"sources\": [{\"vpcNetwork\": {\"name\": \"n\"}}]}}]}}]");

    Cli.Result tf =
        Cli.run(
            "plan",
            "--project",
            "123456789012",
            "--from-file",
            file.toString(),
            "--as",
            "terraform");
    assertThat(tf.code()).isEqualTo(2);
    assertThat(tf.err())
        .isEqualTo(
            "error: accessPolicies/1/servicePerimeters/p: the read holds status.ingressPolicies[0].ingressFrom.sources[0].vpcNetwork,"
                + " which vpcsc-audit cannot reproduce in Terraform; refusing to write a resource that would delete it (use --as"
                + " gcloud, which only adds)\n");

    Cli.Result gcloud =
        Cli.run(
            "plan", "--project", "123456789012", "--from-file", file.toString(), "--as", "gcloud");
    assertThat(gcloud.code()).as(gcloud.err()).isZero();
  }

  @Test
  void usageErrors() {
    Cli.Result noAs = Cli.run("plan", "--project", "1", "--from-file", SAMPLE);
    assertThat(noAs.code()).isEqualTo(2);
    assertThat(noAs.err())
        .isEqualTo(
            "error: Missing required option: '--as=FORMAT' (see 'vpcsc-audit plan --help')\n");

    Cli.Result badStage =
        Cli.run(
            "plan", "--project", "1", "--from-file", SAMPLE, "--as", "gcloud", "--stage", "now");
    assertThat(badStage.code()).isEqualTo(2);
    assertThat(badStage.err())
        .contains("Invalid value for option '--stage': expected dry-run or enforce, got 'now'");
  }

  @Test
  void auditTextPointsToPlan() {
    Cli.Result r = Cli.run("audit", "--project", "123456789012", "--from-file", SAMPLE);
    assertThat(r.out())
        .contains(
            "To fix: vpcsc-audit plan --project 123456789012 --from-file "
                + SAMPLE
                + " --as gcloud   # or --as terraform; stages every fix in dry-run first\n")
        .endsWith(
            "        11 findings are already staged in the dry-run spec of"
                + " accessPolicies/587139914682/servicePerimeters/gdc_prod: enforce it: gcloud"
                + " access-context-manager perimeters dry-run enforce gdc_prod"
                + " --policy=587139914682 (enforces everything staged in that spec; review it"
                + " first with 'perimeters dry-run describe'), or plan with --stage enforce\n");
  }
}
