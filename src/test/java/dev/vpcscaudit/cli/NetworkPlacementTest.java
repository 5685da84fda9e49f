package dev.vpcscaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vpcscaudit.testing.Cli;
import dev.vpcscaudit.testing.FakeGcp;
import dev.vpcscaudit.testing.Fixtures;
import dev.vpcscaudit.testing.Processes;
import dev.vpcscaudit.testing.RealGcloud;
import dev.vpcscaudit.testing.TerraformFmt;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The network inside the perimeter: {@code network-outside-perimeter} and {@code
 * shared-vpc-host-outside-perimeter}, live against the loopback fake (a network set up as the guide
 * requires, see {@link NetworkAuditTest}), in both modes; the plans that close them run by the real
 * gcloud in both etag scopes, after which the audit is clean.
 */
class NetworkPlacementTest {

  static final String NETWORK =
      "//compute.googleapis.com/projects/net-host/global/networks/gdc-net";
  static final String NET_PROJECT = "projects/" + NetworkAuditTest.NET_HOST_NUMBER;
  static final String HOST_NUMBER = "333344445555";
  static final String HOST = "projects/" + HOST_NUMBER;
  static final String GDC = Fixtures.POLICY + "/servicePerimeters/gdc";
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  final NetworkAuditTest net = new NetworkAuditTest();

  @BeforeEach
  void start() {
    net.dir = dir;
  }

  @AfterEach
  void stop() {
    net.stop();
  }

  /** A compliant config holding the project and {@code more}, with ingress rules or none. */
  static String config(List<String> more, String ingress) {
    List<String> resources = new ArrayList<>(List.of("projects/" + Fixtures.PROJECT));
    resources.addAll(more);
    return "{\"resources\": "
        + Fixtures.jsonList(resources)
        + ", \"restrictedServices\": "
        + Fixtures.allRequired()
        + ", \"vpcAccessibleServices\": "
        + Fixtures.VPC_RESTRICTED
        + (ingress == null ? "" : ", \"ingressPolicies\": " + ingress)
        + "}";
  }

  FakeGcp with(FakeGcp.EtagScope scope, String... perimeters) {
    return net.networkWith(Set.of(), "[" + String.join(", ", perimeters) + "]", scope);
  }

  FakeGcp with(String... perimeters) {
    return with(FakeGcp.EtagScope.PERIMETER, perimeters);
  }

  static List<JsonNode> findings(Cli.Result r, String rule) throws Exception {
    return dev.vpcscaudit.testing.Reports.findings(JSON.readTree(r.out()), rule);
  }

  /** The live gcloud plan at {@code stage} with {@code --network}, and {@code more}. */
  Cli.Result plan(String stage, String... more) throws Exception {
    List<String> args =
        new ArrayList<>(
            List.of(
                "plan",
                "--project",
                "gdc-prod",
                "--network",
                NetworkAuditTest.NET,
                "--as",
                "gcloud",
                "--stage",
                stage));
    args.addAll(List.of(more));
    return Cli.run(net.env(), args.toArray(String[]::new));
  }

  /** Plans with the real gcloud at {@code stage}, applies it, and returns the script. */
  String planAndApply(String stage) throws Exception {
    Path fix = dir.resolve("fix-" + stage + ".sh");
    Cli.Result plan = plan(stage, "-o", fix.toString());
    assertThat(plan.code()).as(plan.err()).isZero();
    String script = Files.readString(fix);
    Processes.Result ran = RealGcloud.runScript(script, net.fake, dir);
    assertThat(ran.code()).as(script + ran.err()).isZero();
    return script;
  }

  @Test
  void aTerraformPatchCarriesTheNetworksFixesInANewFile() throws Exception {
    net.networkWith(
        Set.of("restricted-vip-route-missing"),
        "[" + Fixtures.perimeter("gdc", config(List.of(NET_PROJECT), null)) + "]",
        FakeGcp.EtagScope.PERIMETER);
    Path tree = Files.createDirectories(dir.resolve("tf"));
    Files.copy(
        Fixtures.repoRoot().resolve("src/test/resources/tfpatch/resource/main.tf"),
        tree.resolve("main.tf"));

    Cli.Result r =
        Cli.run(
            net.env(),
            "plan",
            "--project",
            "gdc-prod",
            "--network",
            NetworkAuditTest.NET,
            "--as",
            "terraform",
            "--terraform-dir",
            tree.toString());

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("the network: 1 change(s) in the new file vpcsc-audit-network.tf")
        .contains("+++ b/vpcsc-audit-network.tf")
        .contains("+resource \"google_compute_route\"");
  }

  @Test
  void theNetworkItselfInThePerimeterPasses() throws Exception {
    with(Fixtures.perimeter("gdc", config(List.of(NETWORK), null)));

    Cli.Result r = net.audit();

    assertThat(r.code()).as(r.out()).isZero();
    assertThat(findings(r, "network-outside-perimeter")).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(FakeGcp.EtagScope.class)
  void outsideEveryPerimeterIsAnErrorThatTheStagedPlansClose(FakeGcp.EtagScope scope)
      throws Exception {
    with(scope, Fixtures.perimeter("gdc", config(List.of(), null)));

    Cli.Result r = net.audit();

    assertThat(r.code()).isEqualTo(1);
    List<JsonNode> found = findings(r, "network-outside-perimeter");
    assertThat(found).singleElement();
    assertThat(found.get(0).path("severity").asText()).isEqualTo("error");
    assertThat(found.get(0).path("message").asText())
        .isEqualTo(
            "network "
                + NETWORK
                + " (project "
                + NET_PROJECT
                + ") is in no regular perimeter's enforced config and no ingress rule of "
                + GDC
                + " admits it: VPC Service Controls refuses the requests that come through it to"
                + " projects/"
                + Fixtures.PROJECT
                + " as coming from outside the perimeter");

    // Staged first: the dry-run view gets the network's project.
    String staged = planAndApply("dry-run");
    assertThat(staged).contains("dry-run update gdc").contains("--add-resources=" + NET_PROJECT);
    Cli.Result afterDryRun = net.audit("--fail-on", "never");
    assertThat(findings(afterDryRun, "network-outside-perimeter"))
        .extracting(f -> f.path("mode").asText())
        .containsExactly("enforced");

    // Then enforced: the audit is clean.
    planAndApply("enforce");
    Cli.Result after = net.audit();
    assertThat(after.code()).as(after.out()).isZero();
    assertThat(JSON.readTree(after.out()).path("findings")).isEmpty();
  }

  @Test
  void aPerimeterThatListsNetworksGetsTheNetwork() throws Exception {
    String other = "//compute.googleapis.com/projects/other/global/networks/lab";
    with(Fixtures.perimeter("gdc", config(List.of(other), null)));

    String script = planAndApply("enforce");

    assertThat(script).contains("--add-resources=" + NETWORK);
    assertThat(net.audit().code()).isZero();
  }

  @Test
  void inAnotherRegularPerimeterIsAnErrorThatNamesItAndIsLeftToAPerson() throws Exception {
    with(
        Fixtures.perimeter("gdc", config(List.of(), null)),
        "{\"name\": \""
            + Fixtures.POLICY
            + "/servicePerimeters/lab\", \"status\": {\"resources\": [\""
            + NET_PROJECT
            + "\"]}}");

    Cli.Result r = net.audit();

    assertThat(r.code()).isEqualTo(1);
    JsonNode f = findings(r, "network-outside-perimeter").get(0);
    assertThat(f.path("message").asText())
        .contains("is in regular perimeter " + Fixtures.POLICY + "/servicePerimeters/lab, not in")
        .contains("are refused");
    assertThat(f.at("/remedy/enforce/kind").asText()).isEqualTo("manual");
    assertThat(f.at("/remedy/enforce/step").asText())
        .contains("admit it into " + GDC + " with an ingress rule")
        .contains("or move it out of " + Fixtures.POLICY + "/servicePerimeters/lab");
    // The plan lists it and never moves the project out of the other perimeter.
    Cli.Result plan = plan("enforce");
    assertThat(plan.code()).as(plan.err()).isZero();
    assertThat(plan.out()).contains("network-outside-perimeter").doesNotContain(NET_PROJECT + " ");
    assertThat(plan.out()).doesNotContain("--add-resources=" + NET_PROJECT);
  }

  static String ingress(String identityType, String operations) {
    return "[{\"title\": \"from the cluster\", \"ingressFrom\": {\"identityType\": \""
        + identityType
        + "\", \"sources\": [{\"resource\": \""
        + NETWORK
        + "\"}]}, \"ingressTo\": {\"operations\": "
        + operations
        + ", \"resources\": [\"*\"]}}]";
  }

  @Test
  void aFullIngressRuleAdmitsTheNetwork() throws Exception {
    with(
        Fixtures.perimeter(
            "gdc", config(List.of(), ingress("ANY_IDENTITY", "[{\"serviceName\": \"*\"}]"))));

    Cli.Result r = net.audit("--fail-on", "warning");

    assertThat(r.code()).as(r.out()).isZero();
    assertThat(findings(r, "network-outside-perimeter")).isEmpty();
  }

  @Test
  void aPartialIngressRuleIsAWarningThatNamesWhatItLeavesOut() throws Exception {
    String ops =
        "[{\"serviceName\": \"gkehub.googleapis.com\", \"methodSelectors\": [{\"method\": \"*\"}]},"
            + " {\"serviceName\": \"logging.googleapis.com\", \"methodSelectors\": [{\"method\":"
            + " \"google.logging.v2.LoggingServiceV2.WriteLogEntries\"}]}]";
    with(Fixtures.perimeter("gdc", config(List.of(), ingress("ANY_SERVICE_ACCOUNT", ops))));

    Cli.Result r = net.audit("--fail-on", "never");

    JsonNode f = findings(r, "network-outside-perimeter").get(0);
    assertThat(f.path("severity").asText()).isEqualTo("warning");
    assertThat(f.path("message").asText())
        .contains(GDC + " status.ingressPolicies[0] ('from the cluster') admits it only for part")
        .contains("it leaves out identities other than ANY_SERVICE_ACCOUNT")
        .contains(
            "the services artifactregistry.googleapis.com, cloudresourcemanager.googleapis.com")
        .doesNotContain("the services gkehub.googleapis.com")
        .contains("the methods not listed of logging.googleapis.com");
    assertThat(f.at("/remedy/enforce/kind").asText()).isEqualTo("manual");
  }

  @Test
  void theDryRunViewIsJudgedOnItsOwn() throws Exception {
    with(Fixtures.perimeter("gdc", config(List.of(NET_PROJECT), null), config(List.of(), null)));

    Cli.Result r = net.audit("--fail-on", "never");

    List<JsonNode> found = findings(r, "network-outside-perimeter");
    assertThat(found).singleElement();
    assertThat(found.get(0).path("mode").asText()).isEqualTo("dry-run");
    assertThat(found.get(0).path("severity").asText()).isEqualTo("warning");
    assertThat(found.get(0).path("message").asText()).contains("dry-run view");
  }

  @ParameterizedTest
  @EnumSource(FakeGcp.EtagScope.class)
  void theSharedVpcHostMustBeInThePerimeterAndThePlanAddsIt(FakeGcp.EtagScope scope)
      throws Exception {
    with(scope, Fixtures.perimeter("gdc", config(List.of(NET_PROJECT), null)))
        .project("vpc-host", HOST_NUMBER, "organizations/9000")
        .xpnHost("gdc-prod", "vpc-host");

    Cli.Result r = net.audit();

    assertThat(r.code()).isEqualTo(1);
    JsonNode f = findings(r, "shared-vpc-host-outside-perimeter").get(0);
    assertThat(f.path("message").asText())
        .startsWith("Shared VPC host project " + HOST + " is in no regular perimeter's");

    String script = planAndApply("enforce");
    assertThat(script).contains("--add-resources=" + HOST);
    Cli.Result after = net.audit();
    assertThat(after.code()).as(after.out()).isZero();
  }

  @Test
  void noSharedVpcHostPassesAndAnUnreadableOneIsExitThree() throws Exception {
    with(Fixtures.perimeter("gdc", config(List.of(NET_PROJECT), null)));
    Cli.Result none = net.audit();
    assertThat(none.code()).as(none.out()).isZero();
    assertThat(JSON.readTree(none.out()).at("/coverage/shared-vpc").asBoolean()).isTrue();

    net.fake.fail(
        "/compute/v1/projects/gdc-prod/getXpnHost",
        403,
        FakeGcp.error(403, "PERMISSION_DENIED", "Required 'compute.projects.get' permission"));
    Cli.Result denied = net.audit();
    assertThat(denied.code()).isEqualTo(3);
    assertThat(denied.out()).isEmpty();
    assertThat(denied.err())
        .contains("cannot read the Shared VPC host of project gdc-prod")
        .contains("roles/compute.networkViewer");
  }

  @Test
  void offlineTheHostIsGivenAndTheTerraformPlanAddsIt() throws Exception {
    String sample = Fixtures.repoRoot().resolve("samples/gdc-perimeters.json").toString();
    Cli.Result r =
        Cli.run(
            "audit",
            "--project",
            "123456789012",
            "--from-file",
            sample,
            "--shared-vpc-host",
            HOST_NUMBER,
            "--format",
            "json",
            "--fail-on",
            "never");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(findings(r, "shared-vpc-host-outside-perimeter"))
        .extracting(f -> f.path("mode").asText())
        .contains("enforced");

    Cli.Result tf =
        Cli.run(
            "plan",
            "--project",
            "123456789012",
            "--from-file",
            sample,
            "--shared-vpc-host",
            "projects/" + HOST_NUMBER,
            "--as",
            "terraform",
            "--stage",
            "enforce");
    assertThat(tf.code()).as(tf.err()).isZero();
    assertThat(tf.out()).contains("\"" + HOST + "\"").contains("--shared-vpc-host=" + HOST_NUMBER);
    TerraformFmt.assertCanonical(tf.out(), "plan with the Shared VPC host");
    // Lossless: the declared perimeter keeps everything it had, and holds the host when enforced.
    List<dev.vpcscaudit.model.ServicePerimeter> input =
        Fixtures.perimeters(Files.readString(Path.of(sample)));
    dev.vpcscaudit.model.ServicePerimeter declared =
        dev.vpcscaudit.testing.HclModel.parse(tf.out()).resources().values().iterator().next();
    List<dev.vpcscaudit.model.ServicePerimeter> after = new ArrayList<>();
    input.forEach(p -> after.add(p.name().equals(declared.name()) ? declared : p));
    dev.vpcscaudit.plan.PlanClosureTest.assertLossless(input, after);
    assertThat(declared.enforcedConfig().resources()).contains(HOST);

    Cli.Result bad =
        Cli.run(
            "audit", "--project", "123456789012", "--from-file", sample, "--shared-vpc-host", "x");
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err().lines()).singleElement().asString().contains("--shared-vpc-host 'x'");
  }
}
