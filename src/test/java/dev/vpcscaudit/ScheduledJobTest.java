package dev.vpcscaudit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpcscaudit.testing.CloudBuildFile;
import dev.vpcscaudit.testing.Fixtures;
import dev.vpcscaudit.testing.LoopbackApis;
import dev.vpcscaudit.testing.LoopbackApis.Reply;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The nightly job as documented (docs/scheduled-job.md) and shipped (cloudbuild.yaml,
 * cloudbuild-release.yaml), with the REAL gcloud against {@link LoopbackApis}: every command of the
 * setup is accepted by gcloud (it ends in the loopback API's refusal, never in a usage error), and
 * the build steps that call gcloud do what their comments say when the bucket refuses, is empty, or
 * holds the previous report.
 */
class ScheduledJobTest {

  static final String BUCKET = "tools-vpcsc-audit";
  static final String LATEST = "vpcsc-audit%2Flatest%2Fvpcsc-audit.json";

  @TempDir Path dir;

  static String doc() throws Exception {
    return Files.readString(Fixtures.repoRoot().resolve("docs/scheduled-job.md"));
  }

  /** Every ```sh block of the page, in order: one shell session, as the page says to run them. */
  static String shellBlocks(String markdown) {
    StringBuilder all = new StringBuilder();
    Matcher m = Pattern.compile("(?s)```sh\\n(.*?)```").matcher(markdown);
    while (m.find()) {
      all.append(m.group(1));
    }
    return all.toString();
  }

  @Test
  void theRealGcloudAcceptsEveryCommandOfTheSetup() throws Exception {
    String script = shellBlocks(doc());
    List<String> expected = LoopbackApis.gcloudCommands(script);
    assertThat(expected).as("the page's gcloud commands").hasSizeGreaterThan(25);

    try (LoopbackApis apis = new LoopbackApis()) {
      LoopbackApis.Run run = apis.run(script, dir);

      assertThat(run.gcloud()).as(run.result().err()).hasSameSizeAs(expected);
      for (int i = 0; i < expected.size(); i++) {
        LoopbackApis.Invocation call = run.gcloud().get(i);
        assertThat(call.args()).as("invocation %d", i + 1).startsWith(expected.get(i));
        assertThat(call.code())
            .as("gcloud %s: a usage error is exit 2\n%s", call.args(), call.err())
            .isEqualTo(1);
        assertThat(call.err())
            .as("gcloud %s reached the API (its flags were accepted)", call.args())
            .contains(LoopbackApis.REFUSAL)
            .doesNotContain("unrecognized arguments");
      }
      assertThat(apis.requests()).hasSizeGreaterThanOrEqualTo(expected.size());
      // The alert policy the page writes is JSON, with the values of the shell filled in.
      String policy = Files.readString(dir.resolve("vpcsc-audit-alert.json"));
      com.fasterxml.jackson.databind.JsonNode alert =
          new com.fasterxml.jackson.databind.ObjectMapper().readTree(policy);
      assertThat(alert.at("/conditions/0/conditionMatchedLog/filter").asText())
          .contains("resource.labels.build_trigger_id=\"fake-")
          .contains("resource.labels.job_id=\"vpcsc-audit-nightly\"");
      assertThat(alert.at("/notificationChannels/0").asText()).startsWith("fake-");
    }
  }

  Map<String, String> nightly() {
    return Map.of(
        "_ORGANIZATION", "9000", "_REPORT_BUCKET", BUCKET, "PROJECT_ID", "tools", "BUILD_ID", "b1");
  }

  LoopbackApis.Run prepare(LoopbackApis apis, Map<String, String> values) throws Exception {
    CloudBuildFile build = CloudBuildFile.read("cloudbuild.yaml");
    Path ws = Files.createDirectories(dir.resolve("workspace"));
    String script = build.script("prepare", build.substitutions(values), ws);
    return apis.run(script, dir);
  }

  @Test
  void prepareStopsTheBuildWhenThePreviousReportCannotBeRead() throws Exception {
    try (LoopbackApis apis = new LoopbackApis()) {
      LoopbackApis.Run run = prepare(apis, nightly());

      assertThat(run.result().code()).isEqualTo(3);
      assertThat(run.result().err())
          .contains(LoopbackApis.REFUSAL)
          .contains("error: cannot read the previous report in gs://" + BUCKET);
      assertThat(run.gcloud()).hasSize(1);
      assertThat(run.gcloud().get(0).args())
          .isEqualTo(
              "storage cp gs://"
                  + BUCKET
                  + "/vpcsc-audit/latest/vpcsc-audit.json "
                  + dir.resolve("workspace/previous.json"));
    }
  }

  @Test
  void prepareRunsWithoutABaselineOnTheFirstNight() throws Exception {
    try (LoopbackApis apis = new LoopbackApis()) {
      // The bucket exists and holds no report yet: the object is not found, the listing is empty.
      apis.answer(
          request ->
              request.contains("/o/" + LATEST)
                  ? new Reply(404, "{\"error\": {\"code\": 404, \"message\": \"No such object\"}}")
                  : request.contains("/b/" + BUCKET + "/o?")
                      ? new Reply(200, "{\"kind\": \"storage#objects\"}")
                      : null);
      LoopbackApis.Run run = prepare(apis, nightly());

      assertThat(run.result().code()).as(run.result().err()).isZero();
      assertThat(run.result().out()).contains("baseline: none yet (first run)");
      Path ws = dir.resolve("workspace");
      assertThat(Files.readString(ws.resolve("baseline.args"))).isEmpty();
      assertThat(ws.resolve("reports")).isDirectory();
      assertThat(Files.getPosixFilePermissions(ws.resolve("reports")))
          .hasSize(9); // 0777: the image's user (uid 10001) writes there
    }
  }

  @Test
  void prepareHandsThePreviousReportToTheAuditAsItsBaseline() throws Exception {
    String previous = "{\"schemaVersion\": \"1\"}\n";
    try (LoopbackApis apis = new LoopbackApis()) {
      String metadata =
          "{\"kind\": \"storage#object\", \"bucket\": \""
              + BUCKET
              + "\", \"name\": \"vpcsc-audit/latest/vpcsc-audit.json\", \"generation\": \"1\","
              + " \"metageneration\": \"1\", \"size\": \""
              + previous.length()
              + "\", \"contentType\": \"application/json\", \"md5Hash\": \""
              + java.util.Base64.getEncoder()
                  .encodeToString(
                      java.security.MessageDigest.getInstance("MD5")
                          .digest(previous.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
              + "\", \"mediaLink\": \""
              + apis.url()
              + "/download/storage/v1/b/"
              + BUCKET
              + "/o/"
              + LATEST
              + "?generation=1&alt=media\"}";
      apis.answer(
          request ->
              request.contains("/o/" + LATEST) && request.contains("alt=media")
                  ? new Reply(200, previous)
                  : request.contains("/o/" + LATEST) ? new Reply(200, metadata) : null);
      LoopbackApis.Run run = prepare(apis, nightly());

      assertThat(run.result().code()).as(run.result().err()).isZero();
      Path ws = dir.resolve("workspace");
      assertThat(Files.readString(ws.resolve("baseline.args")))
          .isEqualTo("--baseline=" + ws.resolve("previous.json") + "\n");
      assertThat(Files.readString(ws.resolve("previous.json"))).isEqualTo(previous);
    }
  }

  @Test
  void prepareNamesAMissingOrganizationBeforeAnyCall() throws Exception {
    try (LoopbackApis apis = new LoopbackApis()) {
      LoopbackApis.Run run =
          prepare(apis, Map.of("PROJECT_ID", "tools", "BUILD_ID", "b1", "_ORGANIZATION", ""));

      assertThat(run.result().code()).isEqualTo(2);
      assertThat(run.result().err())
          .isEqualTo("error: set the substitution _ORGANIZATION to the organization's number\n");
      assertThat(run.gcloud()).isEmpty();
    }
  }

  @Test
  void uploadKeepsEachRunAndFailsTheBuildWhenTheBucketRefuses() throws Exception {
    CloudBuildFile build = CloudBuildFile.read("cloudbuild.yaml");
    Path ws = Files.createDirectories(dir.resolve("workspace"));
    Files.createDirectories(ws.resolve("reports"));
    Files.writeString(ws.resolve("reports/vpcsc-audit.json"), "{}\n");
    try (LoopbackApis apis = new LoopbackApis()) {
      LoopbackApis.Run run =
          apis.run(build.script("upload", build.substitutions(nightly()), ws), dir);

      assertThat(run.result().code()).isNotZero();
      assertThat(run.gcloud()).hasSize(1);
      LoopbackApis.Invocation copy = run.gcloud().get(0);
      assertThat(copy.args())
          .startsWith("storage cp --no-clobber " + ws.resolve("reports/vpcsc-audit.json"))
          .matches(".* gs://" + BUCKET + "/vpcsc-audit/runs/\\d{4}-\\d\\d-\\d\\d/b1/$");
      assertThat(copy.err()).contains(LoopbackApis.REFUSAL);
    }
    // Every command of the step, each on its own (without -e the script goes on after a refusal):
    // the real gcloud accepts the flags of the latest/ copy too.
    try (LoopbackApis apis = new LoopbackApis()) {
      String script = build.script("upload", build.substitutions(nightly()), ws);
      LoopbackApis.Run run =
          apis.run(script.replace("set -euo pipefail", "set -uo pipefail"), dir.resolve("all"));

      assertThat(run.gcloud()).hasSize(2);
      assertThat(run.gcloud().get(1).args())
          .isEqualTo(
              "storage cp "
                  + ws.resolve("reports/vpcsc-audit.json")
                  + " gs://"
                  + BUCKET
                  + "/vpcsc-audit/latest/");
      assertThat(run.gcloud())
          .allSatisfy(call -> assertThat(call.err()).contains(LoopbackApis.REFUSAL));
    }
  }

  List<String> releaseCheck(LoopbackApis apis, String tag) throws Exception {
    CloudBuildFile build = CloudBuildFile.read("cloudbuild-release.yaml");
    Files.copy(Fixtures.repoRoot().resolve("pom.xml"), dir.resolve("pom.xml"));
    String script =
        build.script(
            "check-tag",
            build.substitutions(Map.of("PROJECT_ID", "tools", "TAG_NAME", tag)),
            dir.resolve("workspace"));
    LoopbackApis.Run run = apis.run(script, dir);
    List<String> out = new ArrayList<>();
    out.add(String.valueOf(run.result().code()));
    out.add(run.result().err());
    return out;
  }

  /** The release tag of this version (pom.xml's, compiled into ToolVersion). */
  static String pomTag() {
    return "v" + dev.vpcscaudit.ToolVersion.get();
  }

  @Test
  void aReleaseTagMustNamePomsVersion() throws Exception {
    try (LoopbackApis apis = new LoopbackApis()) {
      assertThat(releaseCheck(apis, pomTag())).containsExactly("0", "");
      Files.delete(dir.resolve("pom.xml"));
      assertThat(releaseCheck(apis, "v9.9.9"))
          .containsExactly(
              "2",
              "error: tag 'v9.9.9' does not name pom.xml's version "
                  + pomTag().substring(1)
                  + " (expected "
                  + pomTag()
                  + ")\n");
    }
  }
}
