package dev.vpcscaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vpcscaudit.testing.Cli;
import dev.vpcscaudit.testing.FakeGcp;
import dev.vpcscaudit.testing.FakeGcp.EtagScope;
import dev.vpcscaudit.testing.Processes;
import dev.vpcscaudit.testing.RealGcloud;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A plan that writes three perimeters of one access policy, applied by the real gcloud to the
 * loopback fake under both etag scopes (per perimeter, and per policy as Google's engineers
 * describe them: GoogleCloudPlatform/magic-modules #12568): it applies completely, and an
 * out-of-band change stops it before it writes the changed perimeter, saying what it had done.
 */
@org.junit.jupiter.api.parallel.Execution(org.junit.jupiter.api.parallel.ExecutionMode.CONCURRENT)
class ConcurrentEditsTest {

  static final String POLICY = "accessPolicies/100";

  static final ObjectMapper JSON = new ObjectMapper();

  static String perimeter(String name, String project, boolean spec) {
    String config = "{\"resources\": [\"projects/" + project + "\"]}";
    return "{\"name\": \""
        + POLICY
        + "/servicePerimeters/"
        + name
        + "\", \"title\": \""
        + name
        + "\", \"status\": "
        + config
        + (spec ? ", \"spec\": " + config + ", \"useExplicitDryRunSpec\": true" : "")
        + "}";
  }

  /** Three projects, each in its own perimeter of one policy; bravo has an explicit spec. */
  static FakeGcp fake(EtagScope scope) {
    FakeGcp fake = new FakeGcp().etagScope(scope);
    fake.project("proj-alpha", "111", "organizations/9000")
        .project("proj-bravo", "222", "organizations/9000")
        .project("proj-charlie", "333", "organizations/9000");
    fake.policy("organizations/9000", POLICY, null)
        .perimeters(
            POLICY,
            "["
                + perimeter("alpha", "111", false)
                + ", "
                + perimeter("bravo", "222", true)
                + ", "
                + perimeter("charlie", "333", false)
                + "]");
    return fake;
  }

  static String plan(FakeGcp fake, Path dir, String stage) throws Exception {
    Cli.Result plan =
        Cli.run(
            fake.adcEnv(dir),
            "plan",
            "--organization",
            "9000",
            "--all-projects",
            "--as",
            "gcloud",
            "--stage",
            stage);
    assertThat(plan.code()).as(plan.err()).isZero();
    assertThat(plan.out()).contains(" of 3 perimeters.");
    return plan.out();
  }

  /** The findings of every project after the script ran. */
  static JsonNode audit(FakeGcp fake, Path dir) throws Exception {
    Cli.Result after =
        Cli.run(
            fake.adcEnv(dir),
            "audit",
            "--organization",
            "9000",
            "--all-projects",
            "--format",
            "json");
    return JSON.readTree(after.out()).path("projects");
  }

  @ParameterizedTest(name = "etags per {0}")
  @EnumSource(EtagScope.class)
  void aPlanOverThreePerimetersOfOnePolicyAppliesCompletely(EtagScope scope, @TempDir Path dir)
      throws Exception {
    for (String stage : new String[] {"dry-run", "enforce"}) {
      try (FakeGcp fake = fake(scope)) {
        String script = plan(fake, dir, stage);

        Processes.Result run = RealGcloud.runScript(script, fake, dir);

        assertThat(run.code()).as("%s: %s%n%s", stage, run.err(), script).isZero();
        // dry-run: 3 spec writes; enforce: 3 status writes and bravo's explicit spec.
        assertThat(fake.writes()).hasSize(stage.equals("dry-run") ? 3 : 4);
        for (JsonNode p : audit(fake, dir)) {
          for (JsonNode f : p.path("findings")) {
            String message = f.path("message").asText();
            assertThat(stage)
                .as("no finding left by the enforce stage: %s", message)
                .isEqualTo("dry-run");
            assertThat(f.path("mode").asText())
                .as("staging leaves only enforced findings: %s", message)
                .isEqualTo("enforced");
          }
        }
        for (String name : new String[] {"alpha", "bravo", "charlie"}) {
          assertThat(
                  fake.perimeter(POLICY + "/servicePerimeters/" + name)
                      .path("status")
                      .path("resources"))
              .as("lossless")
              .hasSize(1);
        }
      }
    }
  }

  @ParameterizedTest(name = "etags per {0}")
  @EnumSource(EtagScope.class)
  void aChangeBeforeTheFirstWriteStopsTheScriptHavingWrittenNothing(
      EtagScope scope, @TempDir Path dir) throws Exception {
    try (FakeGcp fake = fake(scope)) {
      String script = plan(fake, dir, "dry-run");
      fake.touch(POLICY + "/servicePerimeters/charlie");
      String before = fake.perimetersJson(POLICY);

      Processes.Result run = RealGcloud.runScript(script, fake, dir);

      assertThat(run.code()).isNotZero();
      assertThat(run.err())
          .contains(
              // Under policy-scoped etags the first perimeter checked (alpha) shows the change.
              scope == EtagScope.PERIMETER ? "perimeter charlie" : "perimeter alpha",
              "of policy 100 changed since it was read",
              "nothing was changed",
              "not changed: " + POLICY + "/servicePerimeters/alpha")
          .doesNotContain("  changed: ");
      assertThat(fake.writes()).isEmpty();
      assertThat(fake.perimetersJson(POLICY)).isEqualTo(before);
    }
  }

  @ParameterizedTest(name = "etags per {0}")
  @EnumSource(EtagScope.class)
  void aChangeBetweenTwoWritesStopsTheScriptBeforeTheChangedPerimeter(
      EtagScope scope, @TempDir Path dir) throws Exception {
    try (FakeGcp fake = fake(scope)) {
      String script = plan(fake, dir, "dry-run");
      // Someone edits charlie right after the script's first write (alpha).
      fake.afterWrite(1, f -> f.touch(POLICY + "/servicePerimeters/charlie"));

      Processes.Result run = RealGcloud.runScript(script, fake, dir);

      assertThat(run.code()).isNotZero();
      assertThat(run.err())
          .contains(
              "perimeter charlie of policy 100 was changed by someone else while this script ran:"
                  + " it was not written",
              "  changed: " + POLICY + "/servicePerimeters/alpha",
              "  changed: " + POLICY + "/servicePerimeters/bravo",
              "  not changed: " + POLICY + "/servicePerimeters/charlie",
              "audit and plan again: vpcsc-audit plan --organization 9000 --all-projects --as"
                  + " gcloud");
      assertThat(fake.writes())
          .hasSize(2)
          .allMatch(w -> !w.startsWith(POLICY + "/servicePerimeters/charlie"));
      JsonNode charlie = fake.perimeter(POLICY + "/servicePerimeters/charlie");
      assertThat(charlie.path("title").asText()).isEqualTo("charlie (edited)");
      assertThat(charlie.has("spec")).as("charlie untouched by the script").isFalse();
    }
  }
}
