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

/**
 * The rules about what opens a perimeter, end to end: live against the loopback fake (the access
 * levels read beside the perimeters), offline from a gcloud export with {@code
 * --access-levels-file}, and offline from a Cloud Asset Inventory export that carries the levels
 * itself: the same findings every way.
 */
class OpeningsCliTest {

  @TempDir Path dir;
  FakeGcp fake;
  final ObjectMapper json = new ObjectMapper();

  static final String POLICY = "accessPolicies/111";

  @BeforeEach
  void start() {
    fake = new FakeGcp();
    fake.project("gdc-prod", Fixtures.PROJECT, "organizations/9000")
        .policy("organizations/9000", POLICY, null);
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  String levelsJson() throws Exception {
    return json.writeValueAsString(
        json.readTree(
            "["
                + "{\"name\": \"accessPolicies/111/accessLevels/anywhere\", \"basic\":"
                + " {\"conditions\": [{\"ipSubnetworks\": [\"0.0.0.0/0\"]}]}},"
                + "{\"name\": \"accessPolicies/111/accessLevels/ten\", \"basic\": {\"conditions\":"
                + " [{\"ipSubnetworks\": [\"10.0.0.0/8\"]}]}},"
                + "{\"name\": \"accessPolicies/111/accessLevels/cel\", \"custom\": {\"expr\":"
                + " {\"expression\": \"true\"}}}]"));
  }

  JsonNode findings(Cli.Result r) throws Exception {
    return json.readTree(r.out()).path("findings");
  }

  @Test
  void liveAndBothOfflineFormsGiveTheSameFindingsForAWideOpenPerimeter() throws Exception {
    String perimeters = dev.vpcscaudit.audit.OpeningsTest.openPerimeter();
    fake.perimeters(POLICY, perimeters).levels(POLICY, levelsJson());

    Cli.Result live =
        Cli.run(fake.adcEnv(dir), "audit", "--project", "gdc-prod", "--format", "json");
    Path export = Files.writeString(dir.resolve("perimeters.json"), fake.perimetersJson(POLICY));
    Path levels = Files.writeString(dir.resolve("levels.json"), levelsJson());
    Cli.Result file =
        Cli.run(
            "audit",
            "--project",
            Fixtures.PROJECT,
            "--from-file",
            export.toString(),
            "--access-levels-file",
            levels.toString(),
            "--format",
            "json");
    StringBuilder cai = new StringBuilder();
    for (JsonNode p : json.readTree(fake.perimetersJson(POLICY))) {
      cai.append("{\"name\": \"//accesscontextmanager.googleapis.com/x\", \"asset_type\":")
          .append(
              " \"accesscontextmanager.googleapis.com/ServicePerimeter\", \"service_perimeter\": ")
          .append(p)
          .append("}\n");
    }
    for (JsonNode l : json.readTree(levelsJson())) {
      cai.append("{\"name\": \"//accesscontextmanager.googleapis.com/y\", \"asset_type\":")
          .append(" \"accesscontextmanager.googleapis.com/AccessLevel\", \"access_level\": ")
          .append(l)
          .append("}\n");
    }
    Path assets = Files.writeString(dir.resolve("assets.json"), cai.toString());
    Cli.Result fromAssets =
        Cli.run(
            "audit",
            "--project",
            Fixtures.PROJECT,
            "--from-file",
            assets.toString(),
            "--format",
            "json");

    assertThat(live.code()).as(live.err()).isEqualTo(1);
    assertThat(findings(live)).isEqualTo(findings(file)).isEqualTo(findings(fromAssets));
    assertThat(json.readTree(live.out()).path("coverage").path("access-levels").asBoolean())
        .isTrue();
    assertThat(findings(live).findValuesAsText("ruleId"))
        .contains(
            "ingress-open-to-any-identity",
            "ingress-from-any-network",
            "egress-to-any-resource",
            "access-level-unknown",
            "access-level-too-broad");
    Cli.Result text = Cli.run(fake.adcEnv(dir), "audit", "--project", "gdc-prod");
    assertThat(text.out())
        .contains("Access levels: checked", "ingress-open-to-any-identity")
        .contains("status.ingressPolicies[0] admits ANY_IDENTITY from any source");
  }

  @Test
  void aCleanPerimeterWithLevelsStillExitsZeroWithEveryCheck() throws Exception {
    fake.perimeters(
            POLICY,
            "["
                + Fixtures.perimeter("gdc", Fixtures.compliantConfig())
                    .replace(
                        "\"status\": {",
                        "\"status\": {\"accessLevels\": [\"accessPolicies/111/accessLevels/office\"], ")
                + "]")
        .levels(
            POLICY,
            "[{\"name\": \"accessPolicies/111/accessLevels/office\", \"basic\": {\"conditions\":"
                + " [{\"ipSubnetworks\": [\"203.0.113.0/24\"]}]}}]");
    fake.supportedServices(
        Files.readString(Fixtures.repoRoot().resolve("samples/supported-services.json")));
    Map<String, String> env = fake.adcEnv(dir);

    Cli.Result r = Cli.run(env, "audit", "--project", "gdc-prod", "--fail-on", "warning");
    Cli.Result withServices =
        Cli.run(env, "audit", "--project", "gdc-prod", "--check-services", "--format", "json");

    assertThat(r.code()).as(r.out() + r.err()).isZero();
    assertThat(r.out())
        .contains("Compliant with profile gdc-bare-metal")
        .contains("for the checks that ran: restricted-services, vpc-accessible-services,")
        .contains("access-levels");
    assertThat(withServices.code()).as(withServices.out() + withServices.err()).isZero();
    JsonNode coverage = json.readTree(withServices.out()).path("coverage");
    assertThat(coverage.path("supported-services").asBoolean()).isTrue();
    assertThat(coverage.path("access-levels").asBoolean()).isTrue();
  }

  @Test
  void accessLevelsFileIsForOfflineRunsAndIsValidated() throws Exception {
    Path bad = Files.writeString(dir.resolve("levels.json"), "[{\"name\": \"nope\"}]");
    Cli.Result live =
        Cli.run(
            fake.adcEnv(dir),
            "audit",
            "--project",
            "gdc-prod",
            "--access-levels-file",
            bad.toString());
    assertThat(live.code()).isEqualTo(2);
    assertThat(live.err()).contains("--access-levels-file is for --from-file");

    Path export =
        Files.writeString(
            dir.resolve("p.json"),
            "[" + Fixtures.perimeter("gdc", Fixtures.compliantConfig()) + "]");
    Cli.Result offline =
        Cli.run(
            "audit",
            "--project",
            Fixtures.PROJECT,
            "--from-file",
            export.toString(),
            "--access-levels-file",
            bad.toString());
    assertThat(offline.code()).isEqualTo(2);
    assertThat(offline.err())
        .contains("--access-levels-file " + bad + ": [0].name: 'nope' is not an access level name");
  }
}
