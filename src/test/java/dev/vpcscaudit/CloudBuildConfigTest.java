package dev.vpcscaudit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vpcscaudit.testing.Fixtures;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * cloudbuild.yaml (the nightly job) and cloudbuild-release.yaml (the image, once per release tag)
 * against Cloud Build's build config schema (cloud.google.com/build/docs/build-config-file-schema):
 * top-level and step fields, substitutions declared and used, the image built by the release and
 * only run by the nightly job, and the nightly job's default release kept equal to this version.
 */
class CloudBuildConfigTest {

  static final Set<String> TOP_LEVEL =
      Set.of(
          "steps",
          "timeout",
          "queueTtl",
          "logsBucket",
          "options",
          "substitutions",
          "tags",
          "serviceAccount",
          "secrets",
          "availableSecrets",
          "artifacts",
          "images");
  static final Set<String> STEP =
      Set.of(
          "name",
          "args",
          "env",
          "dir",
          "id",
          "waitFor",
          "entrypoint",
          "secretEnv",
          "volumes",
          "timeout",
          "script",
          "automapSubstitutions",
          "allowFailure",
          "allowExitCodes");
  static final Set<String> OPTIONS =
      Set.of(
          "env",
          "secretEnv",
          "volumes",
          "sourceProvenanceHash",
          "machineType",
          "diskSizeGb",
          "substitutionOption",
          "dynamicSubstitutions",
          "automapSubstitutions",
          "logStreamingOption",
          "logging",
          "defaultLogsBucketBehavior",
          "pool",
          "requestedVerifyOption");

  /** Substitutions Cloud Build provides itself. */
  static final Set<String> BUILT_IN =
      Set.of(
          "PROJECT_ID",
          "PROJECT_NUMBER",
          "BUILD_ID",
          "LOCATION",
          "TRIGGER_NAME",
          "COMMIT_SHA",
          "REVISION_ID",
          "SHORT_SHA",
          "REPO_NAME",
          "REPO_FULL_NAME",
          "BRANCH_NAME",
          "TAG_NAME",
          "REF_NAME",
          "TRIGGER_BUILD_CONFIG_PATH",
          "SERVICE_ACCOUNT_EMAIL",
          "SERVICE_ACCOUNT");

  static final Pattern REFERENCE =
      Pattern.compile("(?<!\\$)\\$(\\{([A-Z_][A-Z0-9_]*)}|([A-Z_][A-Z0-9_]*))");

  static JsonNode config(String file) {
    return dev.vpcscaudit.testing.CloudBuildFile.read(file).config();
  }

  @ParameterizedTest
  @ValueSource(strings = {"cloudbuild.yaml", "cloudbuild-release.yaml"})
  void fieldsAreCloudBuildsOwn(String file) throws Exception {
    JsonNode c = config(file);
    c.fieldNames().forEachRemaining(f -> assertThat(TOP_LEVEL).as("top-level field").contains(f));
    c.path("options")
        .fieldNames()
        .forEachRemaining(f -> assertThat(OPTIONS).as("option").contains(f));
    Set<String> ids = new HashSet<>();
    for (JsonNode step : c.path("steps")) {
      step.fieldNames().forEachRemaining(f -> assertThat(STEP).as("step field").contains(f));
      assertThat(step.path("name").asText()).isNotBlank();
      assertThat(ids.add(step.path("id").asText())).as("unique step id").isTrue();
      assertThat(step.path("args").isArray() || step.has("script")).isTrue();
    }
    assertThat(c.path("options").path("logging").asText())
        .as("a user-managed service account needs a logging choice")
        .isIn("CLOUD_LOGGING_ONLY", "NONE", "GCS_ONLY");
  }

  @ParameterizedTest
  @ValueSource(strings = {"cloudbuild.yaml", "cloudbuild-release.yaml"})
  void everySubstitutionUsedIsDeclaredAndEveryDeclaredOneIsUsed(String file) throws Exception {
    JsonNode c = config(file);
    Set<String> declared = new HashSet<>();
    c.path("substitutions").fieldNames().forEachRemaining(declared::add);
    for (String d : declared) {
      assertThat(d).matches("_[A-Z0-9_]+");
    }
    Set<String> used = new HashSet<>();
    List<String> texts = new ArrayList<>();
    collect(c, texts);
    for (String t : texts) {
      Matcher m = REFERENCE.matcher(t);
      while (m.find()) {
        used.add(m.group(2) != null ? m.group(2) : m.group(3));
      }
    }
    for (String u : used) {
      assertThat(declared.contains(u) || BUILT_IN.contains(u)).as("substitution %s", u).isTrue();
    }
    assertThat(used).containsAll(declared);
  }

  @Test
  void theReleaseBuildPushesTheImageItBuiltTaggedWithTheReleaseTag() throws Exception {
    JsonNode c = config("cloudbuild-release.yaml");
    List<String> built = new ArrayList<>();
    for (JsonNode step : c.path("steps")) {
      List<String> args = new ArrayList<>();
      step.path("args").forEach(a -> args.add(a.asText()));
      int tag = args.indexOf("--tag");
      if (step.path("name").asText().endsWith("/docker") && tag >= 0) {
        built.add(args.get(tag + 1));
      }
    }
    assertThat(built).hasSize(1);
    assertThat(c.path("images")).hasSize(1);
    assertThat(c.path("images").get(0).asText()).isEqualTo(built.get(0));
    assertThat(c.at("/substitutions/_IMAGE").asText()).endsWith("/vpcsc-audit:${TAG_NAME}");
  }

  @Test
  void theNightlyJobRunsTheReleasedImageOfThisVersionAndBuildsNothing() throws Exception {
    JsonNode c = config("cloudbuild.yaml");
    List<String> order = new ArrayList<>();
    for (JsonNode step : c.path("steps")) {
      order.add(step.path("id").asText());
      assertThat(step.path("name").asText()).doesNotEndWith("/docker");
    }
    assertThat(c.has("images")).isFalse();
    assertThat(order).containsExactly("prepare", "audit", "upload", "gate");
    assertThat(c.at("/steps/1/name").asText()).isEqualTo("${_IMAGE}");
    assertThat(c.at("/substitutions/_IMAGE").asText()).endsWith("/vpcsc-audit:${_VERSION}");
    String version = dev.vpcscaudit.ToolVersion.get(); // pom.xml's, compiled in
    assertThat(c.at("/substitutions/_VERSION").asText())
        .as("the nightly job's default release is this version (bump both together)")
        .isEqualTo("v" + version);
    assertThat(Files.readString(Fixtures.repoRoot().resolve("docs/scheduled-job.md")))
        .contains("VERSION=v" + version + " ");
  }

  private static void collect(JsonNode node, List<String> out) {
    if (node.isTextual()) {
      out.add(node.textValue());
    }
    node.forEach(child -> collect(child, out));
    node.fieldNames().forEachRemaining(f -> {});
  }
}
