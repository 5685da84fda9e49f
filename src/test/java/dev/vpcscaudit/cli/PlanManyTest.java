package dev.vpcscaudit.cli;

import static dev.vpcscaudit.cli.OrgScanTest.perimeter;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vpcscaudit.testing.Cli;
import dev.vpcscaudit.testing.FakeGcp;
import dev.vpcscaudit.testing.Processes;
import dev.vpcscaudit.testing.RealGcloud;
import dev.vpcscaudit.testing.TerraformFmt;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code plan} over many projects: one plan, each perimeter touched once, applied by the real
 * gcloud to the loopback fake, after which no project of the selection has a dry-run finding.
 */
class PlanManyTest {

  @TempDir Path dir;
  FakeGcp fake;
  final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void start() {
    fake = new FakeGcp();
    fake.folder("folders/1", "organizations/9000");
    fake.project("proj-alpha", "111", "organizations/9000")
        .project("proj-bravo", "222", "organizations/9000")
        .project("proj-delta", "444", "folders/1")
        .project("proj-echo", "555", "organizations/9000");
    // 111 and 222 share a perimeter that restricts nothing; 444 is in a folder-scoped policy's
    // perimeter that has only some of the services; 555 is in no perimeter.
    String shared =
        "{\"name\": \"accessPolicies/100/servicePerimeters/shared\", \"status\": {\"resources\":"
            + " [\"projects/111\", \"projects/222\"]}}";
    fake.policy("organizations/9000", "accessPolicies/100", null)
        .perimeters("accessPolicies/100", "[" + shared + "]")
        .policy("organizations/9000", "accessPolicies/200", "folders/1")
        .perimeters(
            "accessPolicies/200",
            "["
                + perimeter(
                    "accessPolicies/200",
                    "scoped",
                    "444",
                    "{\"resources\": [\"projects/PROJECT\"], \"restrictedServices\":"
                        + " [\"logging.googleapis.com\", \"storage.googleapis.com\"]}")
                + "]");
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  Map<String, String> env() throws Exception {
    return fake.adcEnv(dir);
  }

  @org.junit.jupiter.params.ParameterizedTest(name = "etags per {0}")
  @org.junit.jupiter.params.provider.EnumSource(FakeGcp.EtagScope.class)
  void onePlanTouchesEachPerimeterOnceAndTheRealGcloudAppliesIt(FakeGcp.EtagScope scope)
      throws Exception {
    fake.etagScope(scope);
    Path fix = dir.resolve("fix.sh");
    Cli.Result plan =
        Cli.run(
            env(),
            "plan",
            "--organization",
            "9000",
            "--all-projects",
            "--as",
            "gcloud",
            "--output",
            fix.toString());

    assertThat(plan.code()).as(plan.err()).isZero();
    String script = Files.readString(fix);
    assertThat(script)
        .contains("# Projects: 4 (projects/111 (proj-alpha), projects/222 (proj-bravo),")
        .contains("projects/555 is in no regular perimeter")
        .contains(
            "plan this project alone: vpcsc-audit plan --project proj-echo --organization 9000"
                + " --target-perimeter NAME --as gcloud")
        .contains("vpcsc-audit audit --organization 9000 --all-projects");
    assertThat(count(script, "perimeters dry-run update shared \\")).isEqualTo(1);
    assertThat(count(script, "perimeters dry-run update scoped \\")).isEqualTo(1);
    assertThat(count(script, "perimeters update ")).isZero();
    assertThat(plan.err()).contains("gcloud plan for 4 projects", "2 perimeter(s) to change");

    Processes.Result run = RealGcloud.runScript(script, fake, dir);

    assertThat(run.code()).as("%s%n%s", run.err(), script).isZero();
    Cli.Result after =
        Cli.run(env(), "audit", "--organization", "9000", "--all-projects", "--format", "json");
    JsonNode projects = json.readTree(after.out()).path("projects");
    assertThat(projects.findValuesAsText("number")).containsExactly("111", "222", "444", "555");
    for (JsonNode p : projects) {
      String number = p.path("project").path("number").asText();
      for (JsonNode f : p.path("findings")) {
        if (!number.equals("555")) {
          assertThat(f.path("mode").asText())
              .as("projects/%s: %s", number, f.path("message").asText())
              .isEqualTo("enforced");
        }
      }
    }
  }

  @Test
  void terraformDeclaresEachPerimeterOnceInCanonicalForm() throws Exception {
    Cli.Result plan =
        Cli.run(
            env(),
            "plan",
            "--organization",
            "9000",
            "--projects-query",
            "parent:organizations/9000",
            "--as",
            "terraform",
            "--stage",
            "enforce");

    assertThat(plan.code()).as(plan.err()).isZero();
    TerraformFmt.assertCanonical(plan.out(), "plan over many projects");
    // The query's projects are those whose parent is the organization: 444 (in a folder) is not.
    assertThat(count(plan.out(), "resource \"google_access_context_manager_service_perimeter\""))
        .isEqualTo(1);
    assertThat(plan.out())
        .contains("# Projects: 3")
        .contains("--projects-query parent:organizations/9000");
  }

  @Test
  void offlineFromAnExportGivesTheSameChanges() throws Exception {
    Cli.Result live =
        Cli.run(env(), "plan", "--organization", "9000", "--all-projects", "--as", "gcloud");
    Path export = OrgScanTest.export(fake, dir);
    Path numbers = Files.writeString(dir.resolve("numbers.txt"), "111\n222\n444\n555\n");

    Cli.Result offline =
        Cli.run(
            "plan",
            "--from-file",
            export.toString(),
            "--projects-file",
            numbers.toString(),
            "--as",
            "gcloud");

    assertThat(offline.code()).as(offline.err()).isZero();
    assertThat(commands(offline.out())).isEqualTo(commands(live.out()));
    assertThat(offline.out())
        .contains(
            "plan this project alone: vpcsc-audit plan --project 555 --from-file "
                + export
                + " --target-perimeter NAME --as gcloud")
        .contains("export the perimeters of policies 100, 200 again into one file")
        .contains("vpcsc-audit audit --from-file perimeters-after.json --projects-file");
  }

  @Test
  void anUnreadableProjectIsNamedInThePlanAndTheRunExitsThree() throws Exception {
    Path list = Files.writeString(dir.resolve("projects.txt"), "proj-alpha\nnope-project\n");

    Cli.Result r =
        Cli.run(
            env(),
            "plan",
            "--organization",
            "9000",
            "--projects-file",
            list.toString(),
            "--as",
            "gcloud",
            "-o",
            dir.resolve("fix.sh").toString());

    assertThat(r.code()).as(r.err()).isEqualTo(3);
    assertThat(Files.readString(dir.resolve("fix.sh")))
        .contains("1 project could not be read and is not planned: nope-project:")
        .contains("perimeters dry-run update shared \\");
    assertThat(r.err()).contains("1 could not be read");
  }

  @Test
  void aTargetPerimeterIsForOneProject() throws Exception {
    Cli.Result r =
        Cli.run(
            env(),
            "plan",
            "--organization",
            "9000",
            "--all-projects",
            "--as",
            "gcloud",
            "--target-perimeter",
            "shared");

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--target-perimeter is for one project");
    assertThat(fake.apiRequests()).isEmpty();
  }

  /** The gcloud commands of a script, without its header comments. */
  private static String commands(String script) {
    // The commands, not the comments or the stop message's "plan again" line (which names the
    // source, live or the export).
    return script
        .lines()
        .filter(l -> !l.startsWith("#") && !l.contains("to go on from here"))
        .reduce("", (x, y) -> x + y + "\n");
  }

  private static int count(String text, String what) {
    Matcher m = Pattern.compile(Pattern.quote(what)).matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }
}
