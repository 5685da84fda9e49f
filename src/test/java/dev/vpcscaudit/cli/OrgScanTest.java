package dev.vpcscaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vpcscaudit.testing.Cli;
import dev.vpcscaudit.testing.FakeGcp;
import dev.vpcscaudit.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Many projects of an organization in one run, live and offline, through the real CLI. */
class OrgScanTest {

  @TempDir Path dir;
  FakeGcp fake;
  final ObjectMapper json = new ObjectMapper();

  static String perimeter(String policy, String name, String project, String config) {
    return "{\"name\": \""
        + policy
        + "/servicePerimeters/"
        + name
        + "\", \"status\": "
        + config.replace("PROJECT", project)
        + "}";
  }

  static String compliant() {
    return Fixtures.compliantConfig().replace(Fixtures.PROJECT, "PROJECT");
  }

  @BeforeEach
  void start() {
    fake = new FakeGcp();
    fake.folder("folders/1", "organizations/9000").folder("folders/2", "folders/1");
    fake.project("proj-alpha", "111", "folders/2")
        .project("proj-bravo", "222", "organizations/9000")
        .project("proj-delta", "444", "folders/1")
        .project("proj-xray", "555", "organizations/8000")
        .label("proj-alpha", "gdc", "true")
        .label("proj-delta", "gdc", "true");
    fake.policy("organizations/9000", "accessPolicies/100", null)
        .perimeters(
            "accessPolicies/100",
            "[" + perimeter("accessPolicies/100", "gdc", "111", compliant()) + "]")
        .policy("organizations/9000", "accessPolicies/200", "folders/1")
        .perimeters(
            "accessPolicies/200",
            "["
                + perimeter(
                    "accessPolicies/200",
                    "scoped",
                    "444",
                    "{\"resources\": [\"projects/PROJECT\"]}")
                + "]")
        .policy("organizations/9000", "accessPolicies/300", "projects/999")
        .perimeters("accessPolicies/300", "[]");
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  Map<String, String> env() throws Exception {
    return fake.adcEnv(dir);
  }

  /** The perimeters of policies 100 and 200 as one export, the shape gcloud prints. */
  static Path export(FakeGcp fake, Path dir) throws Exception {
    String a = fake.perimetersJson("accessPolicies/100");
    String b = fake.perimetersJson("accessPolicies/200");
    return Files.writeString(
        dir.resolve("all.json"), a.substring(0, a.length() - 1) + "," + b.substring(1));
  }

  @Test
  void theJsonReportStreamedToAFileIsTheOneOnStandardOutput() throws Exception {
    Cli.Result printed =
        Cli.run(env(), "audit", "--organization", "9000", "--all-projects", "--format", "json");
    Path file = dir.resolve("org.json");
    Cli.Result written =
        Cli.run(
            env(),
            "audit",
            "--organization",
            "9000",
            "--all-projects",
            "--format",
            "json",
            "--output",
            file.toString());

    assertThat(written.code()).as(written.err()).isEqualTo(printed.code());
    assertThat(written.out()).isEmpty();
    assertThat(Files.readString(file)).isEqualTo(printed.out()).endsWith("}\n");
    assertThat(dir.toFile().list())
        .as("no temporary file left")
        .noneMatch(f -> f.startsWith(".org.json"));
  }

  @Test
  void allProjectsOfTheOrganizationFromOneRead() throws Exception {
    Cli.Result r =
        Cli.run(env(), "audit", "--organization", "9000", "--all-projects", "--format", "json");

    assertThat(r.code()).as(r.err()).isEqualTo(1);
    JsonNode report = json.readTree(r.out());
    assertThat(report.path("projects").findValuesAsText("number"))
        .containsExactly("111", "222", "444");
    assertThat(report.path("projects").get(0).path("compliant").asBoolean()).isTrue();
    assertThat(report.path("projects").get(1).path("findings").get(0).path("ruleId").asText())
        .isEqualTo("project-not-in-perimeter");
    assertThat(report.path("projects").get(2).path("perimeters").get(0).path("name").asText())
        .isEqualTo("accessPolicies/200/servicePerimeters/scoped");
    assertThat(report.path("summary").path("projects").asInt()).isEqualTo(3);
    assertThat(report.path("summary").path("compliant").asInt()).isEqualTo(1);
    assertThat(report.path("compliant").asBoolean()).isFalse();
    // Each candidate policy's perimeters are read once; the project-scoped policy of a project
    // that is not audited is not read.
    assertThat(fake.apiRequests())
        .extracting(FakeGcp.Request::path)
        .containsExactlyInAnyOrder(
            "/v3/projects:search",
            "/v3/folders:search",
            "/v1/accessPolicies",
            "/v1/accessPolicies/100/servicePerimeters",
            "/v1/accessPolicies/200/servicePerimeters",
            "/v1/accessPolicies/100/accessLevels",
            "/v1/accessPolicies/200/accessLevels");
  }

  @Test
  void aQuerySelectsByLabel() throws Exception {
    Cli.Result r =
        Cli.run(
            env(),
            "audit",
            "--organization",
            "9000",
            "--projects-query",
            "labels.gdc:true",
            "--format",
            "json");

    JsonNode report = json.readTree(r.out());
    assertThat(report.path("projects").findValuesAsText("number")).containsExactly("111", "444");
    assertThat(fake.apiRequests())
        .filteredOn(q -> q.path().equals("/v3/projects:search"))
        .singleElement()
        .satisfies(q -> assertThat(q.query()).contains("query=labels.gdc"));
  }

  @Test
  void anUnreadableProjectIsReportedAndTheRunExitsThree() throws Exception {
    Path list =
        Files.writeString(
            dir.resolve("projects.txt"), "# GDC fleet hosts\nproj-alpha\nnope-project\n444\n");

    Cli.Result r =
        Cli.run(
            env(),
            "audit",
            "--organization",
            "9000",
            "--projects-file",
            list.toString(),
            "--format",
            "json");

    assertThat(r.code()).as(r.err()).isEqualTo(3);
    JsonNode report = json.readTree(r.out());
    assertThat(report.path("projects")).hasSize(3);
    assertThat(report.path("projects").get(2).path("error").asText())
        .contains("not among the active projects of organizations/9000");
    assertThat(report.path("summary").path("unreadable").asInt()).isEqualTo(1);
    assertThat(report.path("compliant").asBoolean()).isFalse();
  }

  @Test
  void aTerminalShowsABarOfProjectsRead() throws Exception {
    java.io.StringWriter out = new java.io.StringWriter();
    java.io.StringWriter err = new java.io.StringWriter();
    int code =
        Main.run(
            java.io.InputStream.nullInputStream(),
            new java.io.PrintWriter(out),
            new java.io.PrintWriter(err),
            env(),
            /* terminal= */ true,
            "audit",
            "--organization",
            "9000",
            "--all-projects",
            "--format",
            "json",
            "-o",
            dir.resolve("report.json").toString());

    assertThat(code).as(err.toString()).isEqualTo(1);
    assertThat(err.toString())
        .contains("3 projects; reading the perimeters of 2 policies\n")
        .contains("\rvpcsc-audit: [##############################] 3/3 projects read\n")
        .endsWith(
            "json report of 3 projects to " + dir.resolve("report.json") + " (not compliant)\n");
    // Not a terminal (a log file, a CI job): no carriage returns.
    Cli.Result piped = Cli.run(env(), "audit", "--organization", "9000", "--all-projects");
    assertThat(piped.err()).doesNotContain("\r").doesNotContain("projects read");
  }

  @Test
  void textStartsWithTheSummaryTable() throws Exception {
    Cli.Result r = Cli.run(env(), "audit", "--organization", "9000", "--all-projects");

    assertThat(r.out())
        .startsWith("VPC Service Controls audit of 3 projects in organizations/9000")
        .contains(
            "projects/111 (proj-alpha)  compliant", "projects/222 (proj-bravo)  NOT compliant")
        .contains("Not compliant: 1 of 3 projects compliant, 0 unreadable");
  }

  @Test
  void liveAndOfflineGiveTheSameFindings() throws Exception {
    Cli.Result live =
        Cli.run(env(), "audit", "--organization", "9000", "--all-projects", "--format", "json");
    // The same perimeters as an export, and the same projects by number.
    Path export = export(fake, dir);
    Path list = Files.writeString(dir.resolve("numbers.txt"), "111\n222\n444\n");
    Cli.Result offline =
        Cli.run(
            "audit",
            "--from-file",
            export.toString(),
            "--projects-file",
            list.toString(),
            "--format",
            "json");

    JsonNode x = json.readTree(live.out()).path("projects");
    JsonNode y = json.readTree(offline.out()).path("projects");
    assertThat(y).hasSize(x.size());
    for (int i = 0; i < x.size(); i++) {
      assertThat(y.get(i).path("findings")).isEqualTo(x.get(i).path("findings"));
    }
    assertThat(offline.code()).isEqualTo(live.code());
  }

  @Test
  void liveAndAnAssetInventoryExportGiveTheSameFindings() throws Exception {
    Cli.Result live =
        Cli.run(env(), "audit", "--organization", "9000", "--all-projects", "--format", "json");
    StringBuilder lines = new StringBuilder();
    for (String policy : new String[] {"accessPolicies/100", "accessPolicies/200"}) {
      for (JsonNode p : json.readTree(fake.perimetersJson(policy))) {
        var asset = json.createObjectNode();
        asset.put("asset_type", "accesscontextmanager.googleapis.com/ServicePerimeter");
        asset.put("name", "//accesscontextmanager.googleapis.com/" + p.path("name").asText());
        asset.set("service_perimeter", dev.vpcscaudit.codec.AssetExportTest.snake(p));
        lines.append(asset).append('\n');
      }
    }
    Path assets = Files.writeString(dir.resolve("assets.json"), lines.toString());
    Path list = Files.writeString(dir.resolve("numbers.txt"), "111\n222\n444\n");
    Cli.Result offline =
        Cli.run(
            "audit",
            "--from-file",
            assets.toString(),
            "--projects-file",
            list.toString(),
            "--format",
            "json");

    JsonNode x = json.readTree(live.out()).path("projects");
    JsonNode y = json.readTree(offline.out()).path("projects");
    for (int i = 0; i < x.size(); i++) {
      assertThat(y.get(i).path("findings")).isEqualTo(x.get(i).path("findings"));
    }
  }

  @Test
  void offlineAllProjectsAreThoseThePerimetersList() {
    Cli.Result r =
        Cli.run(
            "audit",
            "--from-file",
            Fixtures.repoRoot().resolve("samples/gdc-perimeters.json").toString(),
            "--all-projects",
            "--format",
            "markdown");

    assertThat(r.out())
        .startsWith("## VPC Service Controls audit of 3 projects")
        .contains("`projects/123456789012`", "`projects/300200100055`", "`projects/481516234200`");
  }

  @Test
  void requestsGrowWithPagesNotWithProjects() throws Exception {
    for (int i = 0; i < 1200; i++) {
      fake.project("bulk-" + i + "-proj", String.valueOf(700000 + i), "folders/2");
    }
    StringBuilder perimeters = new StringBuilder("[");
    for (int i = 0; i < 250; i++) {
      perimeters
          .append(i == 0 ? "" : ",")
          .append(
              perimeter("accessPolicies/100", "bulk" + i, String.valueOf(700000 + i), compliant()));
    }
    fake.perimeters("accessPolicies/100", perimeters.append("]").toString());

    Cli.Result r =
        Cli.run(env(), "audit", "--organization", "9000", "--all-projects", "--format", "json");

    assertThat(json.readTree(r.out()).path("projects")).hasSize(1203);
    // 3 pages of projects (500 each), 1 of folders, 1 of policies, 3 of perimeters (100 each),
    // one of access levels for each of the 2 policies.
    assertThat(fake.apiRequests()).hasSize(3 + 1 + 1 + 3 + 1 + 2);
  }

  @Test
  void manySelectorsNeedAnOrganizationAndExcludeProject() throws Exception {
    Cli.Result noOrg = Cli.run(env(), "audit", "--all-projects");
    assertThat(noOrg.code()).isEqualTo(2);
    assertThat(noOrg.err()).contains("needs --organization ORG_NUMBER");
    Cli.Result both =
        Cli.run(
            env(), "audit", "--project", "proj-alpha", "--organization", "9000", "--all-projects");
    assertThat(both.code()).isEqualTo(2);
    assertThat(both.err()).contains("give one or the other");
  }
}
