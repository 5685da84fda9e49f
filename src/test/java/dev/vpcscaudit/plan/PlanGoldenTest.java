package dev.vpcscaudit.plan;

import static dev.vpcscaudit.testing.Fixtures.PROJECT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vpcscaudit.audit.Stage;
import dev.vpcscaudit.model.ProjectRef;
import dev.vpcscaudit.model.ServicePerimeter;
import dev.vpcscaudit.testing.Fixtures;
import dev.vpcscaudit.testing.GcloudStub;
import dev.vpcscaudit.testing.Golden;
import dev.vpcscaudit.testing.HclModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Both renderers, both stages, compared exactly with golden files; hostile input executes nothing.
 */
class PlanGoldenTest {

  @TempDir Path dir;

  /** Titles, descriptions and an etag an attacker could choose; names are validated by the API. */
  static final String HOSTILE_TITLE =
      "it's \"quoted\" $(touch pwned-title) `touch pwned-tick`; rm -rf ~ \\ end";

  static final String HOSTILE_DESCRIPTION =
      "line one\nline two ${var.x} %{ if true }x%{ endif } \r\n# not a comment\n$(touch pwned-desc) Zürich ✓ 東京";
  static final String HOSTILE_ETAG = "'; touch pwned-etag; echo '$(id)`id`\n";

  static List<ServicePerimeter> sample() throws Exception {
    return Fixtures.perimeters(
        Files.readString(Fixtures.repoRoot().resolve("samples/gdc-perimeters.json")));
  }

  static List<ServicePerimeter> hostile() {
    String json =
        "[{\"name\": \"accessPolicies/111/servicePerimeters/gdc\", \"title\": "
            + jsonString(HOSTILE_TITLE)
            + ", \"description\": "
            + jsonString(HOSTILE_DESCRIPTION)
            + ", \"etag\": "
            + jsonString(HOSTILE_ETAG)
            + ", \"status\": {\"resources\": [\"projects/"
            + PROJECT
            + "\"], \"restrictedServices\": [\"logging.googleapis.com\"],"
            + " \"ingressPolicies\": [{\"title\": "
            + jsonString("${title} %{x} \"q\" \\ '$(touch pwned-ingress)'")
            + ", \"ingressFrom\": {\"identities\": ["
            + jsonString("user:o'brien@example.com")
            + "]}}]}}]";
    return Fixtures.perimeters(json);
  }

  static String jsonString(String s) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(s);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static FixPlan plan(List<ServicePerimeter> perimeters, Stage stage) {
    return Planner.plan(
        new ProjectRef("gdc-prod", PROJECT),
        perimeters,
        Fixtures.gdc(),
        stage,
        null,
        "vpcsc-audit audit --project gdc-prod");
  }

  @Test
  void sampleGoldens() throws Exception {
    for (Stage stage : Stage.values()) {
      String script = GcloudRenderer.render(plan(sample(), stage));
      GcloudStub.assertSyntax(script, dir);
      Golden.assertMatches(script, "plan/sample-" + stage.label() + ".sh");
      String hcl = TerraformRenderer.render(plan(sample(), stage));
      if (stage == Stage.DRY_RUN) {
        // The dry-run Terraform for the sample is the example users read.
        Golden.assertFileMatches(
            hcl, TerraformExamplesTest.EXAMPLES.resolve("adopt-existing/gdc_prod.tf"));
      } else {
        Golden.assertMatches(hcl, "plan/sample-" + stage.label() + ".tf");
      }
    }
  }

  @Test
  void nothingToFixGoldens() throws Exception {
    List<ServicePerimeter> ok =
        Fixtures.perimeters("[" + Fixtures.perimeter("gdc", Fixtures.compliantConfig()) + "]");
    FixPlan plan = plan(ok, Stage.DRY_RUN);
    assertThat(plan.isEmpty()).isTrue();
    String script = GcloudRenderer.render(plan);
    Golden.assertMatches(script, "plan/nothing.sh");
    Golden.assertMatches(TerraformRenderer.render(plan), "plan/nothing.tf");
    assertThat(GcloudStub.run(script, dir).invocations()).isEmpty();
    assertThat(HclModel.parse(TerraformRenderer.render(plan)).resources()).isEmpty();
  }

  @Test
  void hostileScriptsExecuteNothingAndPassValuesExactly() throws Exception {
    for (Stage stage : Stage.values()) {
      String script = GcloudRenderer.render(plan(hostile(), stage));
      Golden.assertMatches(script, "plan/hostile-" + stage.label() + ".sh");

      GcloudStub.Run run = GcloudStub.run(script, dir, hostile());

      assertThat(run.exitCode()).as(run.stderr()).isZero();
      try (Stream<Path> files = Files.list(dir)) {
        assertThat(files.map(p -> p.getFileName().toString()))
            .noneMatch(n -> n.startsWith("pwned"));
      }
      assertThat(Path.of(System.getProperty("user.home")).resolve("pwned-title")).doesNotExist();
      // The etag read right before the write reaches gcloud as one exact word (as $(...) reads
      // it: trailing newlines cut).
      assertThat(run.invocations().get(0)).contains("--etag=" + HOSTILE_ETAG.stripTrailing());
      assertThat(run.invocations())
          .allSatisfy(
              argv ->
                  assertThat(argv).allMatch(a -> !a.contains("pwned") || a.startsWith("--etag=")));
    }
  }

  @Test
  void hostileTerraformParsesToTheOriginalStrings() throws Exception {
    for (Stage stage : Stage.values()) {
      String hcl = TerraformRenderer.render(plan(hostile(), stage));
      Golden.assertMatches(hcl, "plan/hostile-" + stage.label() + ".tf");
      // No template sequence survives unescaped (hcl4j does not evaluate them, Terraform would).
      assertThat(hcl.lines().filter(l -> !l.startsWith("#")))
          .noneMatch(l -> l.matches(".*(?<!\\$)\\$\\{.*") && !l.contains("$${"))
          .noneMatch(l -> l.matches(".*(?<!%)%\\{.*") && !l.contains("%%{"));
      // No line of a comment can end early: every comment line starts with '#'.
      ServicePerimeter declared = HclModel.parse(hcl).resources().values().iterator().next();
      ServicePerimeter original = hostile().get(0);
      assertThat(declared.title()).isEqualTo(HOSTILE_TITLE);
      assertThat(declared.description()).isEqualTo(HOSTILE_DESCRIPTION);
      assertThat(declared.enforcedConfig().ingressPolicies())
          .isEqualTo(original.enforcedConfig().ingressPolicies());
    }
  }

  @Test
  void stagedButNotEnforcedGoldens() throws Exception {
    List<ServicePerimeter> staged =
        Fixtures.perimeters(dev.vpcscaudit.report.ReportGoldenTest.stagedNotEnforced());
    FixPlan dryRun = plan(staged, Stage.DRY_RUN);
    assertThat(dryRun.isEmpty()).isTrue();
    assertThat(dryRun.unfixed()).hasSize(4);
    String script = GcloudRenderer.render(dryRun);
    Golden.assertMatches(script, "plan/staged-dry-run.sh");
    assertThat(script).contains("dry-run enforce gdc --policy=111");
    assertThat(GcloudStub.run(script, dir).invocations()).isEmpty();

    FixPlan enforce = plan(staged, Stage.ENFORCE);
    assertThat(enforce.unfixed()).isEmpty();
    String enforceScript = GcloudRenderer.render(enforce);
    Golden.assertMatches(enforceScript, "plan/staged-enforce.sh");
    Golden.assertMatches(TerraformRenderer.render(enforce), "plan/staged-enforce.tf");
  }

  @Test
  void theExampleProvidersConstraintCoversWhatTheGeneratedFileUses() throws Exception {
    String hcl = TerraformRenderer.render(plan(sample(), Stage.DRY_RUN));
    java.util.regex.Matcher needed =
        java.util.regex.Pattern.compile("(?<![_a-z])version += \\\">= ([0-9.]+)\\\"").matcher(hcl);
    assertThat(needed.find()).as(hcl).isTrue();
    String providers =
        Files.readString(TerraformExamplesTest.EXAMPLES.resolve("adopt-existing/providers.tf"));
    java.util.regex.Matcher declared =
        java.util.regex.Pattern.compile("(?<![_a-z])version += \\\">= ([0-9.]+)\\\"")
            .matcher(providers);
    assertThat(declared.find()).as(providers).isTrue();
    // One floor everywhere: the example asks for exactly what the generated file says it needs.
    assertThat(declared.group(1))
        .as("providers.tf allows %s, the file needs %s", declared.group(1), needed.group(1))
        .isEqualTo(needed.group(1));
  }

  @Test
  void providerVersionFollowsTheNewestAttributeUsed() {
    ProviderVersion v = new ProviderVersion();
    v.use("status.resources", "resources");
    assertThat(v.version()).isEqualTo(ProviderVersion.FLOOR);
    v.use("status.ingressPolicies[0].title", "title");
    assertThat(v.version()).isEqualTo("6.21.0");
    v.use("spec.egressPolicies[2].egressFrom.sources[1].resource", "resource");
    assertThat(v.version()).isEqualTo("6.21.0");
    v.use("status.vpcAccessibleServices.allowedServicePatterns", "allowed_service_patterns");
    assertThat(v.version()).isEqualTo("7.41.0");
    assertThat(v.describe()).contains("allowed_service_patterns", "version = \">= 7.41.0\"");
    v.use("status.ingressPolicies[0].ingressTo.roles", "roles");
    assertThat(v.version()).isEqualTo("7.41.0");
  }
}
