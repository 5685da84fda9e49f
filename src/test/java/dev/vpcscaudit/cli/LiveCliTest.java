package dev.vpcscaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vpcscaudit.testing.Cli;
import dev.vpcscaudit.testing.FakeGcp;
import dev.vpcscaudit.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole CLI in-process (Main.run with the environment passed in), authenticating with
 * Application Default Credentials from GOOGLE_APPLICATION_CREDENTIALS (an authorized_user file
 * whose token_uri is the local fake) and reading the fake APIs through gcloud's endpoint-override
 * variables.
 */
class LiveCliTest {

  static final String ORG = "organizations/9000";
  static final String SAMPLE =
      Fixtures.repoRoot().resolve("samples/gdc-perimeters.json").toString();
  static final String LEVELS = Fixtures.repoRoot().resolve("samples/access-levels.json").toString();

  @TempDir Path dir;
  FakeGcp fake;

  @BeforeEach
  void start() throws Exception {
    fake = new FakeGcp();
    fake.project("gdc-prod", "123456789012", "folders/2")
        .folder("folders/2", "folders/1")
        .folder("folders/1", ORG)
        .policy(ORG, "accessPolicies/587139914682", null)
        .perimeters("accessPolicies/587139914682", Files.readString(Path.of(SAMPLE)))
        .levels("accessPolicies/587139914682", Files.readString(Path.of(LEVELS)));
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  Map<String, String> env() throws Exception {
    Map<String, String> env = fake.adcEnv(dir);
    env.put("HOME", dir.toString());
    env.put("CLOUDSDK_CONFIG", dir.resolve("gcloud").toString());
    env.put("CLOUDSDK_API_ENDPOINT_OVERRIDES_IAMCREDENTIALS", fake.url() + "/");
    return env;
  }

  @Test
  void verboseSendTimesShowTheTokenThenThreeDependentRoundTrips() throws Exception {
    fake.latency(150);

    Cli.Result run = Cli.run(env(), "audit", "--project", "gdc-prod", "--verbose");

    assertThat(run.code()).as(run.err()).isEqualTo(1);
    // "[+SENT ms] METHOD URL -> STATUS (TOOK ms)": requests sent within one latency of the first
    // of a wave ran side by side with it; each later wave waited for an answer.
    java.util.regex.Pattern line =
        java.util.regex.Pattern.compile(
            "vpcsc-audit: \\[\\+([0-9]+) ms\\] (GET|POST) (\\S+) -> 200.*");
    List<Long> sent = new java.util.ArrayList<>();
    List<String> urls = new java.util.ArrayList<>();
    for (String l : run.err().lines().toList()) {
      java.util.regex.Matcher m = line.matcher(l);
      if (m.matches()) {
        sent.add(Long.parseLong(m.group(1)));
        urls.add(m.group(3).replaceFirst("^http://[^/]+", "").replaceFirst("\\?.*", ""));
      }
    }
    assertThat(urls)
        .containsExactlyInAnyOrder(
            "/token",
            "/v1/projects/gdc-prod:getAncestry",
            "/v3/projects/gdc-prod",
            "/v1/accessPolicies",
            "/v1/accessPolicies/587139914682/servicePerimeters",
            "/v1/accessPolicies/587139914682/accessLevels");
    List<Long> starts = sent.stream().sorted().toList();
    List<List<Long>> waves = new java.util.ArrayList<>();
    for (long t : starts) {
      if (waves.isEmpty() || t - waves.get(waves.size() - 1).get(0) >= 100) {
        waves.add(new java.util.ArrayList<>());
      }
      waves.get(waves.size() - 1).add(t);
    }
    // The token, then the project beside its ancestry, the policies, the perimeters beside the
    // access levels.
    assertThat(waves).as("waves of send times").hasSize(4);
    assertThat(waves.get(1)).as("the project and its ancestry side by side").hasSize(2);
  }

  @Test
  void adcTokenIsFetchedAndSentOnEveryCall() throws Exception {
    Cli.Result run =
        Cli.run(env(), "audit", "--project", "gdc-prod", "--format", "json", "--verbose");

    assertThat(run.code()).as(run.err()).isEqualTo(1);
    assertThat(fake.tokensIssued()).isEqualTo(1);
    assertThat(fake.requests()).filteredOn(r -> r.path().equals("/token")).hasSize(1);
    assertThat(fake.apiRequests())
        .hasSize(5)
        .allSatisfy(r -> assertThat(r.authorization()).isEqualTo("Bearer fake-token-1"));
    // --verbose: one line per request and the total; never a token.
    assertThat(run.err().lines().filter(l -> l.contains("GET ") && l.contains(" -> 200 (")))
        .hasSize(4);
    assertThat(run.err().lines().filter(l -> l.contains(":getAncestry -> 200 ("))).hasSize(1);
    // The token exchange goes through the same transport, so --verbose shows it too.
    assertThat(run.err().lines().filter(l -> l.matches(".*POST http.*/token -> 200 \\(.*")))
        .hasSize(1);
    assertThat(run.err())
        .contains("vpcsc-audit: 5 API requests (and 1 token)")
        .doesNotContain("fake-token", "test-secret", "test-refresh");
    JsonNode report = new ObjectMapper().readTree(run.out());
    assertThat(report.path("source").asText()).isEqualTo("api");
    assertThat(report.path("project").path("id").asText()).isEqualTo("gdc-prod");
  }

  @Test
  void liveAndFileAuditsGiveIdenticalFindings() throws Exception {
    Cli.Result live = Cli.run(env(), "audit", "--project", "gdc-prod", "--format", "json");
    Cli.Result file =
        Cli.run(
            "audit",
            "--project",
            "123456789012",
            "--from-file",
            SAMPLE,
            "--access-levels-file",
            LEVELS,
            "--format",
            "json");

    ObjectMapper json = new ObjectMapper();
    JsonNode a = json.readTree(live.out());
    JsonNode b = json.readTree(file.out());
    assertThat(a.get("coverage")).isEqualTo(b.get("coverage"));
    assertThat(a.path("coverage").path("access-levels").asBoolean()).isTrue();
    assertThat(a.get("findings")).isEqualTo(b.get("findings"));
    assertThat(a.get("perimeters")).isEqualTo(b.get("perimeters"));
    assertThat(a.get("summary")).isEqualTo(b.get("summary"));
    assertThat(live.code()).isEqualTo(file.code());
  }

  @Test
  void exportKeepsWhatTheLiveReadReturnedForALaterOfflineAudit() throws Exception {
    Path exported = dir.resolve("exported.json");
    Cli.Result export =
        Cli.run(env(), "export", "--project", "gdc-prod", "--output", exported.toString());
    assertThat(export.code()).as(export.err()).isZero();

    Cli.Result fromExport =
        Cli.run(
            "audit",
            "--project",
            "123456789012",
            "--from-file",
            exported.toString(),
            "--format",
            "json");
    Cli.Result fromSample =
        Cli.run("audit", "--project", "123456789012", "--from-file", SAMPLE, "--format", "json");

    assertThat(fromExport.out()).isEqualTo(fromSample.out());
  }

  @Test
  void checkServicesReadsTheSupportedServicesListInTheSameRun() throws Exception {
    fake.supportedServices(
        Files.readString(Fixtures.repoRoot().resolve("samples/supported-services.json")));

    Cli.Result run =
        Cli.run(
            env(),
            "audit",
            "--project",
            "gdc-prod",
            "--check-services",
            "--format",
            "json",
            "--verbose");

    assertThat(run.code()).as(run.err()).isEqualTo(1);
    assertThat(run.out())
        .contains("\"servicesChecked\": true", "\"ruleId\": \"service-support-preview\"");
    assertThat(fake.apiRequests())
        .hasSize(6)
        .filteredOn(r -> r.path().equals("/v1/services"))
        .hasSize(1);
    assertThat(run.err()).contains("vpcsc-audit: 6 API requests");
  }

  @Test
  void billingProjectIsSentAsQuotaProject() throws Exception {
    Cli.Result run =
        Cli.run(
            env(),
            "audit",
            "--project",
            "gdc-prod",
            "--billing-project",
            "my-quota-proj",
            "--fail-on",
            "never");

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(fake.apiRequests())
        .isNotEmpty()
        .allSatisfy(r -> assertThat(r.userProject()).isEqualTo("my-quota-proj"));
  }

  @Test
  void impersonationCallsIamCredentialsAndUsesTheServiceAccountsToken() throws Exception {
    String sa = "auditor@ops-proj.iam.gserviceaccount.com";
    Cli.Result run =
        Cli.run(
            env(),
            "audit",
            "--project",
            "gdc-prod",
            "--impersonate-service-account",
            sa,
            "--fail-on",
            "never");

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(fake.requests())
        .filteredOn(r -> r.path().endsWith(":generateAccessToken"))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.method()).isEqualTo("POST");
              assertThat(r.path())
                  .isEqualTo("/v1/projects/-/serviceAccounts/" + sa + ":generateAccessToken");
              assertThat(r.authorization()).isEqualTo("Bearer fake-token-1");
            });
    assertThat(fake.apiRequests())
        .allSatisfy(r -> assertThat(r.authorization()).isEqualTo("Bearer impersonated-" + sa));
  }

  @Test
  void missingCredentialsExitThreeWithOneLine() throws Exception {
    Map<String, String> env = env();
    env.put("GOOGLE_APPLICATION_CREDENTIALS", dir.resolve("absent.json").toString());

    Cli.Result run = Cli.run(env, "audit", "--project", "gdc-prod");

    assertThat(run.code()).isEqualTo(3);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().lines()).hasSize(1);
    assertThat(run.err())
        .startsWith("error: no Application Default Credentials: GOOGLE_APPLICATION_CREDENTIALS=")
        .contains("absent.json: no such file")
        .contains("`gcloud auth application-default login`");
    assertThat(fake.apiRequests()).isEmpty();
  }

  @Test
  void gcloudsAdcFileIsFoundThroughCloudsdkConfig() throws Exception {
    Map<String, String> env = env();
    Path adc = Path.of(env.remove("GOOGLE_APPLICATION_CREDENTIALS"));
    Files.createDirectories(Path.of(env.get("CLOUDSDK_CONFIG")));
    Files.copy(adc, Path.of(env.get("CLOUDSDK_CONFIG"), "application_default_credentials.json"));

    Cli.Result run = Cli.run(env, "audit", "--project", "gdc-prod", "--format", "json");

    assertThat(run.code()).as(run.err()).isEqualTo(1);
    assertThat(fake.tokensIssued()).isEqualTo(1);
  }

  @Test
  void noCredentialsAnywhereSaysHowToLogIn() throws Exception {
    Map<String, String> env = env();
    env.remove("GOOGLE_APPLICATION_CREDENTIALS");

    Cli.Result run = Cli.run(env, "audit", "--project", "gdc-prod");

    assertThat(run.code()).isEqualTo(3);
    assertThat(run.err())
        .startsWith(
            "error: no Application Default Credentials: run `gcloud auth application-default"
                + " login`")
        .contains(env.get("CLOUDSDK_CONFIG"));
    assertThat(run.err().lines()).hasSize(1);
    assertThat(fake.requests()).isEmpty();
  }

  @Test
  void forbiddenAncestryExitsThreeAndNeverCompliant() throws Exception {
    fake.fail(
        "/v1/projects/gdc-prod:getAncestry",
        403,
        FakeGcp.error(403, "PERMISSION_DENIED", "denied"));

    Cli.Result run = Cli.run(env(), "audit", "--project", "gdc-prod", "--fail-on", "never");

    assertThat(run.code()).isEqualTo(3);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .isEqualTo(
            "error: cannot read the ancestry of project gdc-prod: permission denied (HTTP 403, needs"
                + " resourcemanager.projects.get): grant roles/browser on projects/gdc-prod, or skip"
                + " the walk with --organization ORG_NUMBER (and --policy POLICY_NUMBER)\n");
  }

  /** The same refusal in Japanese: what could not be read, the permission and the grant. */
  @Test
  void aCloudErrorIsSaidInTheRunsLanguage() throws Exception {
    fake.fail(
        "/v1/projects/gdc-prod:getAncestry",
        403,
        FakeGcp.error(403, "PERMISSION_DENIED", "denied"));
    Map<String, String> env = new java.util.HashMap<>(env());
    env.put("LANG", "ja_JP.UTF-8");

    Cli.Result run = Cli.run(env, "audit", "--project", "gdc-prod");

    assertThat(run.code()).isEqualTo(3);
    assertThat(run.err())
        .isEqualTo(
            "エラー: プロジェクト gdc-prod の祖先を読むことができません: 権限がありません（HTTP 403、"
                + "resourcemanager.projects.get が必要）: projects/gdc-prod に roles/browser を付与するか、"
                + "--organization ORG_NUMBER（と --policy POLICY_NUMBER）でたどるのを省いてください\n");
  }

  @Test
  void httpEndpointOnANonLoopbackHostIsRefused() throws Exception {
    Map<String, String> env = env();
    env.put("CLOUDSDK_API_ENDPOINT_OVERRIDES_ACCESSCONTEXTMANAGER", "http://acm.example.com/");

    Cli.Result run = Cli.run(env, "audit", "--project", "gdc-prod");

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err())
        .isEqualTo(
            "error: CLOUDSDK_API_ENDPOINT_OVERRIDES_ACCESSCONTEXTMANAGER 'http://acm.example.com/': http:// is allowed only for a"
                + " loopback host; use https://\n");
  }

  @Test
  void fourFormatsFromOneRead() throws Exception {
    Path out = dir.resolve("reports");

    Cli.Result run =
        Cli.run(
            env(),
            "audit",
            "--project",
            "gdc-prod",
            "--format",
            "json,sarif",
            "--format",
            "junit,markdown",
            "--output-dir",
            out.toString());

    assertThat(run.code()).as(run.err()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .isEqualTo("wrote json, sarif, junit, markdown reports to " + out + " (not compliant)\n");
    assertThat(
            fake.apiRequests().stream()
                .filter(r -> r.path().endsWith("/servicePerimeters"))
                .count())
        .as("one perimeter listing per policy")
        .isEqualTo(1);
    ObjectMapper json = new ObjectMapper();
    JsonNode report = json.readTree(out.resolve("vpcsc-audit.json").toFile());
    JsonNode sarif = json.readTree(out.resolve("vpcsc-audit.sarif").toFile());
    String junit = Files.readString(out.resolve("vpcsc-audit.junit.xml"));
    String markdown = Files.readString(out.resolve("vpcsc-audit.md"));
    int findings = report.path("findings").size();
    assertThat(findings).isPositive();
    assertThat(sarif.path("runs").get(0).path("results")).hasSize(findings);
    long actionable =
        report.path("summary").path("error").asLong()
            + report.path("summary").path("warning").asLong();
    assertThat(junit).contains("failures=\"" + actionable + "\"");
    for (JsonNode f : report.path("findings")) {
      assertThat(markdown).contains("`" + f.path("ruleId").asText() + "`");
    }
    assertThat(markdown).contains("**Not compliant**");
  }

  @Test
  void severalFormatsNeedAFolder() throws Exception {
    Cli.Result run = Cli.run(env(), "audit", "--project", "gdc-prod", "--format", "json,sarif");
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("several formats are written as files: add --output-dir DIR");
    assertThat(fake.requests()).isEmpty();
  }
}
