package dev.vpcscaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vpcscaudit.testing.Cli;
import dev.vpcscaudit.testing.FakeGcp;
import dev.vpcscaudit.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code audit --violations DURATION}: the VPC Service Controls denials read live from the
 * project's audit logs through Cloud Logging's entries.list (the loopback fake, which applies the
 * query as Logging would), every page, as the same findings a saved read gives.
 */
class LiveViolationsTest {

  static final String ORG = "organizations/9000";
  static final String SAMPLE =
      Fixtures.repoRoot().resolve("samples/gdc-perimeters.json").toString();
  static final Path LOGS =
      Fixtures.repoRoot().resolve("src/test/resources/violations/gdc-prod.json");
  static final String PERIMETER = "accessPolicies/587139914682/servicePerimeters/gdc_prod";
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  FakeGcp fake;

  @BeforeEach
  void start() throws Exception {
    fake = sampleFake();
  }

  /** A fake that serves the sample's perimeters, with gdc-prod (the sample's project). */
  static FakeGcp sampleFake() throws Exception {
    FakeGcp fake = new FakeGcp();
    fake.project("gdc-prod", "123456789012", ORG)
        .policy(ORG, "accessPolicies/587139914682", null)
        .perimeters("accessPolicies/587139914682", Files.readString(Path.of(SAMPLE)));
    return fake;
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  Map<String, String> env() {
    return fake.adcEnv(dir);
  }

  /**
   * The saved read of the test resources, moved in time so that its newest entry is an hour old
   * (the order and spacing of the entries kept), plus {@code extra}.
   */
  static ArrayNode recent(JsonNode... extra) throws Exception {
    ArrayNode entries = (ArrayNode) JSON.readTree(LOGS.toFile());
    Instant newest = Instant.MIN;
    for (JsonNode e : entries) {
      Instant t = OffsetDateTime.parse(e.path("timestamp").asText()).toInstant();
      newest = t.isAfter(newest) ? t : newest;
    }
    Duration shift = Duration.between(newest, Instant.now().minus(Duration.ofHours(1)));
    for (JsonNode e : entries) {
      Instant t = OffsetDateTime.parse(e.path("timestamp").asText()).toInstant();
      ((ObjectNode) e).put("timestamp", t.plus(shift).truncatedTo(ChronoUnit.SECONDS).toString());
    }
    for (JsonNode e : extra) {
      entries.add(e);
    }
    return entries;
  }

  /** A dry-run denial of gkehub by {@code caller} at {@code when}. */
  static JsonNode dryRunDenial(Instant when, String caller, String uniqueId) throws Exception {
    ObjectNode e = (ObjectNode) JSON.readTree(LOGS.toFile()).get(0).deepCopy();
    e.put("timestamp", when.truncatedTo(ChronoUnit.SECONDS).toString());
    ((ObjectNode) e.at("/protoPayload/authenticationInfo")).put("principalEmail", caller);
    ((ObjectNode) e.at("/protoPayload/metadata")).put("vpcServiceControlsUniqueId", uniqueId);
    return e;
  }

  static JsonNode finding(JsonNode report, String rule) {
    return dev.vpcscaudit.testing.Reports.findings(report, rule).stream().findFirst().orElse(null);
  }

  Cli.Result audit(String... more) {
    List<String> args =
        new ArrayList<>(
            List.of("audit", "--project", "gdc-prod", "--violations", "7d", "--fail-on", "never"));
    args.addAll(List.of(more));
    return Cli.run(env(), args.toArray(String[]::new));
  }

  @Test
  void noEntriesSaysHowFarBackItReadAndThatTheLogsWereReadable() throws Exception {
    Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    Cli.Result r = audit();
    Instant after = Instant.now();
    Cli.Result md = audit("--format", "markdown");

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(md.out()).contains("Audit logs: no VPC Service Controls denials in the audit logs");
    assertThat(r.out())
        .containsPattern(
            "Audit logs: no VPC Service Controls denials in the audit logs of projects/gdc-prod,"
                + " the last 7d \\(\\S+Z to \\S+Z\\): the logs were readable \\(denials that an"
                + " exclusion filter of the project's _Default sink drops are never stored, and"
                + " look the same as none\\)")
        .doesNotContain("dry-run-violations:");
    // One request, the query the docs give, over the window, newest first, the largest page.
    assertThat(fake.logQueries()).hasSize(2); // one a run
    JsonNode q = fake.logQueries().get(0);
    assertThat(q.path("resourceNames").toString()).isEqualTo("[\"projects/gdc-prod\"]");
    assertThat(q.path("orderBy").asText()).isEqualTo("timestamp desc");
    assertThat(q.path("pageSize").asInt()).isEqualTo(1000);
    assertThat(q.has("pageToken")).isFalse();
    String filter = q.path("filter").asText();
    assertThat(filter).startsWith(FakeGcp.VPCSC_LOG_FILTER + " AND timestamp>=\"");
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile(".* AND timestamp>=\"(\\S+)\" AND timestamp<=\"(\\S+)\"")
            .matcher(filter);
    assertThat(m.matches()).isTrue();
    Instant to = Instant.parse(m.group(2));
    assertThat(to).isBetween(before, after);
    assertThat(Duration.between(Instant.parse(m.group(1)), to)).isEqualTo(Duration.ofDays(7));
    assertThat(r.out()).contains("the last 7d (" + m.group(1) + " to " + m.group(2) + ")");
  }

  @Test
  void dryRunAndEnforcedDenialsOfOnePerimeterWithTheWindowsBoundary() throws Exception {
    Instant now = Instant.now();
    fake.logEntries(
        "gdc-prod",
        recent(
                dryRunDenial(now.minus(Duration.ofDays(7)).plusSeconds(300), "inside@x", "in-1"),
                dryRunDenial(now.minus(Duration.ofDays(7)).minusSeconds(300), "outside@x", "out-1"))
            .toString());

    Cli.Result r = audit("--format", "json");

    assertThat(r.code()).as(r.err()).isZero();
    JsonNode report = JSON.readTree(r.out());
    assertThat(dev.vpcscaudit.report.ReportSchemaTest.schema().validate(report)).isEmpty();
    assertThat(report.at("/coverage/violations").asBoolean()).isTrue();
    assertThat(report.path("auditLogs").asText())
        .startsWith("6 denials read from the audit logs of projects/gdc-prod, the last 7d (")
        .endsWith("(5 dry-run, 1 enforced)");
    JsonNode dryRun = finding(report, "dry-run-violations");
    assertThat(dryRun.path("perimeter").asText()).isEqualTo(PERIMETER);
    assertThat(dryRun.path("mode").asText()).isEqualTo("dry-run");
    // The four of the saved read and the one just inside the window; not the one just outside.
    assertThat(dryRun.path("message").asText())
        .startsWith("the dry-run config would have denied 5 requests between")
        .contains("by inside@x")
        .contains("(the audit logs of projects/gdc-prod, the last 7d (")
        .doesNotContain("outside@x");
    JsonNode enforced = finding(report, "enforced-violations");
    assertThat(enforced.path("severity").asText()).isEqualTo("info");
    assertThat(enforced.path("perimeter").asText()).isEqualTo(PERIMETER);
    // Server-side filtering: the activity-log entry of the saved read never reached the tool.
    Cli.Result text = audit();
    assertThat(text.out()).contains("Audit logs: 6 denials read from the audit logs of projects/");
    assertThat(text.out()).doesNotContain("other log entries skipped");
  }

  @Test
  void everyPageIsReadOneRequestAPageEmptyPagesIncluded() throws Exception {
    fake.logEntries("gdc-prod", recent().toString()).pageSize(2).emptyLogPages(1);
    // A 429 first: retried (entries.list has a per-minute quota), not a failed read.
    fake.fail("/v2/entries:list", 429, FakeGcp.error(429, "RESOURCE_EXHAUSTED", "Quota exceeded"));

    Cli.Result paged = audit("--format", "json");

    assertThat(paged.code()).as(paged.err()).isZero();
    // The refused request, 1 empty page with a token, then 5 entries in pages of 2: 3 pages.
    assertThat(fake.apiRequests().stream().filter(q -> q.path().equals("/v2/entries:list")).count())
        .isEqualTo(5);
    List<JsonNode> queries = fake.logQueries();
    assertThat(queries).hasSize(4);
    assertThat(queries.get(0).has("pageToken")).isFalse();
    for (int i = 1; i < queries.size(); i++) {
      assertThat(queries.get(i).path("pageToken").asText()).isNotEmpty();
      assertThat(queries.get(i).path("filter")).isEqualTo(queries.get(0).path("filter"));
    }
    JsonNode report = JSON.readTree(paged.out());
    assertThat(finding(report, "dry-run-violations").path("message").asText())
        .startsWith("the dry-run config would have denied 4 requests");
    assertThat(finding(report, "enforced-violations").path("message").asText())
        .startsWith("the enforced config denied 1 request");
  }

  @Test
  void theRealGcloudsSavedReadGivesTheSameFindingsAsTheLiveRead() throws Exception {
    fake.logEntries("gdc-prod", recent().toString());
    // The read the dry-run plan's next step prints, run by the real gcloud against the fake.
    List<String> read = PlanNextStepTest.commands("gcloud logging read ");
    assertThat(read).singleElement().asString().contains("--project=gdc-prod");
    var gcloud =
        dev.vpcscaudit.testing.RealGcloud.run(
            List.of("bash", "-c", read.get(0)),
            fake,
            dir,
            Map.of("CLOUDSDK_API_ENDPOINT_OVERRIDES_LOGGING", fake.url() + "/"));
    assertThat(gcloud.code()).as(gcloud.err()).isZero();
    Path saved = dir.resolve("violations.json");
    assertThat(JSON.readTree(saved.toFile())).hasSize(5);

    Cli.Result live = audit("--format", "json");
    Cli.Result offline =
        Cli.run(
            "audit",
            "--project",
            "123456789012",
            "--from-file",
            SAMPLE,
            "--violations-file",
            saved.toString(),
            "--format",
            "json",
            "--fail-on",
            "never");

    assertThat(live.code()).as(live.err()).isZero();
    assertThat(offline.code()).as(offline.err()).isZero();
    assertThat(withoutSource(JSON.readTree(live.out())))
        .isEqualTo(withoutSource(JSON.readTree(offline.out())))
        .hasSize(2);
  }

  /** The log findings, their message's "(source)" left out: where the entries came from. */
  static List<String> withoutSource(JsonNode report) {
    List<String> out = new ArrayList<>();
    for (JsonNode f : report.path("findings")) {
      String rule = f.path("ruleId").asText();
      if (rule.endsWith("-violations")) {
        out.add(
            rule
                + " "
                + f.path("mode").asText()
                + " "
                + f.path("perimeter").asText()
                + " "
                + f.path("message")
                    .asText()
                    .replaceFirst(" \\((the audit logs|--violations-file).*?\\)\\)?: ", ": "));
      }
    }
    return out;
  }

  @Test
  void unreadableLogsAreExitThreeNeverNoViolations() throws Exception {
    fake.fail(
        "/v2/entries:list",
        403,
        FakeGcp.error(
            403, "PERMISSION_DENIED", "Permission 'logging.logEntries.list' denied on resource"));

    Cli.Result r = audit();

    assertThat(r.code()).isEqualTo(3);
    assertThat(r.out()).isEmpty();
    assertThat(r.err().lines())
        .singleElement()
        .asString()
        .contains("cannot read the VPC Service Controls audit logs of projects/gdc-prod")
        .contains("roles/logging.viewer");
  }

  /** The JSON audit of every project of organization 9000 with {@code --violations window}. */
  Cli.Result orgAudit(String window, int parallelism) {
    return Cli.run(
        env(),
        "audit",
        "--organization",
        "9000",
        "--all-projects",
        "--violations",
        window,
        "--parallelism",
        String.valueOf(parallelism),
        "--format",
        "json");
  }

  @Test
  void anOrganizationRunReadsEachProjectsLogsAndAnUnreadableOneIsNoVerdict() throws Exception {
    // gdc-dev's logs cannot be read; gdc-prod's can.
    fake.project("gdc-dev", "222", ORG).denyLogs("gdc-dev");
    fake.logEntries("gdc-prod", recent().toString());

    Cli.Result r = orgAudit("24h", 1);

    assertThat(r.code()).as(r.err()).isEqualTo(3);
    assertThat(fake.logQueries()).hasSize(2);
    JsonNode report = JSON.readTree(r.out());
    assertThat(report.at("/summary/unreadable").asInt()).isEqualTo(1);
    List<String> errors = new ArrayList<>();
    JsonNode prod = null;
    for (JsonNode p : report.path("projects")) {
      if (p.has("error")) {
        errors.add(p.path("error").asText());
      } else {
        prod = p;
      }
    }
    assertThat(errors)
        .singleElement()
        .asString()
        .contains("cannot read the VPC Service Controls audit logs of projects/gdc-dev");
    assertThat(prod).isNotNull();
    assertThat(finding(prod, "dry-run-violations")).isNotNull();
    assertThat(r.err()).contains("1 of 2 projects could not be read");
  }

  @Test
  void anOrganizationRunReadsTheProjectsLogsParallelismAtATime() throws Exception {
    for (int i = 1; i <= 5; i++) {
      fake.project("gdc-site-" + i, String.valueOf(900 + i), ORG);
    }
    fake.latency(250);

    Cli.Result r = orgAudit("1d", 2);

    assertThat(r.code()).as(r.err()).isEqualTo(1);
    List<FakeGcp.Request> reads =
        fake.apiRequests().stream().filter(q -> q.path().equals("/v2/entries:list")).toList();
    assertThat(reads).hasSize(6); // one page for each of the six projects
    // Each read is in flight from its arrival for the fake's latency: never more than two at once.
    int most = 0;
    for (FakeGcp.Request a : reads) {
      long at = a.startMillis();
      int inFlight =
          (int)
              reads.stream()
                  .filter(b -> b.startMillis() <= at && at < b.startMillis() + 250)
                  .count();
      most = Math.max(most, inFlight);
    }
    assertThat(most).isLessThanOrEqualTo(2);
  }

  @Test
  void badWindowsAndOfflineRunsAreUsageErrors() throws Exception {
    for (String bad : List.of("7", "7x", "0d", "-1d", "3651d", "1.5h")) {
      Cli.Result r = Cli.run(env(), "audit", "--project", "gdc-prod", "--violations", bad);
      assertThat(r.code()).as(bad).isEqualTo(2);
      assertThat(r.err().lines()).as(bad).singleElement().asString().contains("--violations");
    }
    Cli.Result offline =
        Cli.run("audit", "--project", "123456789012", "--from-file", SAMPLE, "--violations", "7d");
    assertThat(offline.code()).isEqualTo(2);
    assertThat(offline.err()).contains("cannot be combined with --violations");
    Cli.Result both =
        Cli.run(
            env(),
            "audit",
            "--project",
            "gdc-prod",
            "--violations",
            "7d",
            "--violations-file",
            LOGS.toString());
    assertThat(both.code()).isEqualTo(2);
    assertThat(fake.requests()).isEmpty();
  }
}
