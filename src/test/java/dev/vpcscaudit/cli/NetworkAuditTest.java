package dev.vpcscaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vpcscaudit.testing.Cli;
import dev.vpcscaudit.testing.FakeGcp;
import dev.vpcscaudit.testing.Fixtures;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code audit --network}: the Google Cloud half of the path to the restricted VIP, read from the
 * loopback fake of Compute Engine and Cloud DNS through the real CLI. A network set up as the guide
 * requires is clean; breaking one part yields exactly that part's finding.
 */
@org.junit.jupiter.api.parallel.Execution(org.junit.jupiter.api.parallel.ExecutionMode.CONCURRENT)
class NetworkAuditTest {

  static final String NET = "projects/net-host/global/networks/gdc-net";
  static final String NET_URL = FakeGcp.COMPUTE + NET;

  /** The number of the network's project, which the perimeter holds beside the cluster's. */
  static final String NET_HOST_NUMBER = "222233334444";

  /** {@code status} with the network's project among its resources too. */
  static String withNetHost(String status) {
    return status.replace(
        "\"projects/" + Fixtures.PROJECT + "\"",
        "\"projects/" + Fixtures.PROJECT + "\", \"projects/" + NET_HOST_NUMBER + "\"");
  }

  static final String ATTACHMENTS =
      FakeGcp.COMPUTE + "projects/net-host/regions/us-central1/interconnectAttachments/";
  static final String IGW =
      FakeGcp.COMPUTE + "projects/net-host/global/gateways/default-internet-gateway";

  @TempDir Path dir;
  FakeGcp fake;
  final ObjectMapper json = new ObjectMapper();

  @AfterEach
  void stop() {
    if (fake != null) {
      fake.close();
    }
  }

  /** A compliant perimeter and a network as the guide requires, minus what {@code broken} names. */
  FakeGcp network(Set<String> broken) {
    return network(broken, Fixtures.compliantConfig(), FakeGcp.EtagScope.PERIMETER);
  }

  /** As {@link #network(Set)}, with the perimeter's status and the fake's etag scope given. */
  FakeGcp network(Set<String> broken, String status, FakeGcp.EtagScope scope) {
    return networkWith(broken, "[" + Fixtures.perimeter("gdc", withNetHost(status)) + "]", scope);
  }

  /** As {@link #network(Set, String, FakeGcp.EtagScope)}, with the policy's perimeters given. */
  FakeGcp networkWith(Set<String> broken, String perimeters, FakeGcp.EtagScope scope) {
    fake = new FakeGcp().etagScope(scope);
    fake.project("gdc-prod", Fixtures.PROJECT, "organizations/9000")
        .policy("organizations/9000", Fixtures.POLICY, null)
        .perimeters(Fixtures.POLICY, perimeters);
    fake.project("net-host", NET_HOST_NUMBER, "organizations/9000");
    fake.network("net-host", "gdc-net");
    String bgp =
        broken.contains("restricted-vip-not-advertised")
            ? "{\"advertiseMode\": \"DEFAULT\", \"asn\": 64512}"
            : "{\"advertiseMode\": \"CUSTOM\", \"advertisedGroups\": [\"ALL_SUBNETS\"],"
                + " \"advertisedIpRanges\": [{\"range\": \"199.36.153.4/30\"}], \"asn\": 64512}";
    fake.router(
        "net-host",
        "us-central1",
        "{\"name\": \"onprem-router\", \"network\": \""
            + NET_URL
            + "\", \"bgp\": "
            + bgp
            + ", \"interfaces\": [{\"name\": \"if-1\", \"linkedInterconnectAttachment\": \""
            + ATTACHMENTS
            + "att-1\"}, {\"name\": \"if-2\", \"linkedInterconnectAttachment\": \""
            + ATTACHMENTS
            + "att-2\"}, {\"name\": \"if-ra\"}],"
            + " \"bgpPeers\": [{\"name\": \"ic-peer-1\", \"interfaceName\": \"if-1\"},"
            + " {\"name\": \"ic-peer-2\", \"interfaceName\": \"if-2\"},"
            // A router-appliance peer does not reach on-premises over Interconnect or VPN: it
            // never needs the VIP, whatever it advertises.
            + " {\"name\": \"appliance\", \"interfaceName\": \"if-ra\", \"advertiseMode\":"
            + " \"CUSTOM\"}]}");
    // A router of another network, which must not matter.
    fake.router(
        "net-host",
        "europe-west1",
        "{\"name\": \"other\", \"network\": \""
            + FakeGcp.COMPUTE
            + "projects/net-host/global/networks/other\", \"bgpPeers\": [{\"name\": \"p\"}]}");
    if (!broken.contains("restricted-vip-route-missing")) {
      fake.route("net-host", route("restricted-vip", "199.36.153.4/30", 1000, IGW, null));
    }
    // A tagged route is for tagged VMs only: it neither routes nor shadows on-premises traffic.
    fake.route(
        "net-host",
        route("tagged", "199.36.153.4/32", 0, IGW.replace("default-internet", "x"), "[\"vm\"]"));
    if (broken.contains("restricted-vip-route-shadowed")) {
      fake.route(
          "net-host",
          "{\"name\": \"to-onprem\", \"network\": \""
              + NET_URL
              + "\", \"destRange\": \"199.36.153.6/31\", \"priority\": 100,"
              + " \"nextHopVpnTunnel\": \""
              + FakeGcp.COMPUTE
              + "projects/net-host/regions/us-central1/vpnTunnels/t1\"}");
    }
    if (!broken.contains("googleapis-zone-missing")) {
      String wildcard =
          broken.contains("googleapis-zone-not-restricted")
              ? "private.googleapis.com."
              : "restricted.googleapis.com.";
      fake.zone(
          "net-host",
          zone("googleapis", "googleapis.com."),
          "["
              + a("restricted.googleapis.com.")
              + ", "
              + cname("*.googleapis.com.", wildcard)
              + "]");
    }
    fake.zone(
        "net-host",
        zone("gcr-io", "gcr.io."),
        "[" + a("gcr.io.") + ", " + cname("*.gcr.io.", "gcr.io.") + "]");
    if (!broken.contains("registry-zone-missing")) {
      fake.zone(
          "net-host",
          zone("pkg-dev", "pkg.dev."),
          "[" + a("pkg.dev.") + ", " + cname("*.pkg.dev.", "pkg.dev.") + "]");
    }
    fake.dnsPolicy(
        "net-host",
        "{\"name\": \"inbound\", \"enableInboundForwarding\": "
            + !broken.contains("dns-inbound-forwarding-disabled")
            + ", \"networks\": [{\"networkUrl\": \""
            + NET_URL
            + "\"}]}");
    return fake;
  }

  static String route(String name, String range, int priority, String gateway, String tags) {
    return "{\"name\": \""
        + name
        + "\", \"network\": \""
        + NET_URL
        + "\", \"destRange\": \""
        + range
        + "\", \"priority\": "
        + priority
        + ", \"nextHopGateway\": \""
        + gateway
        + "\""
        + (tags == null ? "" : ", \"tags\": " + tags)
        + "}";
  }

  static String zone(String name, String dnsName) {
    return "{\"name\": \""
        + name
        + "\", \"dnsName\": \""
        + dnsName
        + "\", \"visibility\": \"private\", \"privateVisibilityConfig\": {\"networks\":"
        + " [{\"networkUrl\": \""
        + NET_URL
        + "\"}]}}";
  }

  /** {@code zoneJson} made a peering zone to {@code network}. */
  static String peering(String zoneJson, String network) {
    return zoneJson.substring(0, zoneJson.length() - 1)
        + ", \"peeringConfig\": {\"targetNetwork\": {\"networkUrl\": \""
        + FakeGcp.COMPUTE
        + network
        + "\"}}}";
  }

  static String a(String name) {
    return "{\"name\": \""
        + name
        + "\", \"type\": \"A\", \"ttl\": 300, \"rrdatas\": [\"199.36.153.4\", \"199.36.153.5\","
        + " \"199.36.153.6\", \"199.36.153.7\"]}";
  }

  static String cname(String name, String target) {
    return "{\"name\": \""
        + name
        + "\", \"type\": \"CNAME\", \"ttl\": 300, \"rrdatas\": [\""
        + target
        + "\"]}";
  }

  Map<String, String> env() throws Exception {
    Map<String, String> env = new java.util.HashMap<>(fake.adcEnv(dir));
    env.put("CLOUDSDK_API_ENDPOINT_OVERRIDES_COMPUTE", fake.url() + "/compute/v1/");
    env.put("CLOUDSDK_API_ENDPOINT_OVERRIDES_DNS", fake.url() + "/dns/v1/");
    return env;
  }

  Cli.Result audit(String... extra) throws Exception {
    List<String> args =
        new ArrayList<>(
            List.of(
                "audit",
                "--project",
                "gdc-prod",
                "--network",
                NET,
                "--format",
                "json",
                "--verbose"));
    args.addAll(List.of(extra));
    return Cli.run(env(), args.toArray(String[]::new));
  }

  @Test
  void aNetworkSetUpAsTheGuideRequiresIsClean() throws Exception {
    network(Set.of());

    Cli.Result r = audit();

    assertThat(r.code()).as(r.err()).isZero();
    JsonNode report = json.readTree(r.out());
    assertThat(report.path("findings")).as(r.out()).isEmpty();
    assertThat(report.path("network").asText()).isEqualTo(NET);
    assertThat(report.path("compliant").asBoolean()).isTrue();
    assertThat(report.at("/coverage/shared-vpc").asBoolean()).isTrue();
    // 6 reads beside the perimeter walk (the project's Shared VPC host among them), then the
    // records of the 3 zones: pages, not records.
    assertThat(fake.apiRequests())
        .filteredOn(q -> q.path().startsWith("/compute/") || q.path().startsWith("/dns/"))
        .extracting(FakeGcp.Request::path)
        .containsExactlyInAnyOrder(
            "/compute/v1/projects/gdc-prod/getXpnHost",
            "/compute/v1/" + NET,
            "/compute/v1/projects/net-host/aggregated/routers",
            "/compute/v1/projects/net-host/global/routes",
            "/dns/v1/projects/net-host/managedZones",
            "/dns/v1/projects/net-host/policies",
            "/dns/v1/projects/net-host/managedZones/googleapis/rrsets",
            "/dns/v1/projects/net-host/managedZones/gcr-io/rrsets",
            "/dns/v1/projects/net-host/managedZones/pkg-dev/rrsets");
    assertThat(fake.apiRequests())
        .allMatch(q -> q.method().equals("GET") || q.path().endsWith(":getAncestry"));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "restricted-vip-not-advertised",
        "restricted-vip-route-missing",
        "restricted-vip-route-shadowed",
        "googleapis-zone-missing",
        "googleapis-zone-not-restricted",
        "registry-zone-missing",
        "dns-inbound-forwarding-disabled"
      })
  void breakingOnePartYieldsExactlyThatFinding(String rule) throws Exception {
    network(Set.of(rule));

    Cli.Result r = audit("--fail-on", "warning");

    assertThat(r.code()).as(r.err()).isEqualTo(1);
    JsonNode findings = json.readTree(r.out()).path("findings");
    assertThat(findings.findValuesAsText("ruleId")).as(r.out()).containsOnly(rule);
    assertThat(findings.get(0).path("resource").asText()).startsWith("projects/net-host/");
  }

  @Test
  void findingsNameTheResourceAndTheCommandThatFixesIt() throws Exception {
    network(Set.of("restricted-vip-not-advertised", "restricted-vip-route-shadowed"));

    Cli.Result r = Cli.run(env(), "audit", "--project", "gdc-prod", "--network", NET);

    assertThat(r.out())
        .contains("Network: " + NET + " checked")
        .contains("NETWORK (the path to restricted VIP 199.36.153.4/30)")
        .contains(
            "BGP peers ic-peer-1 (Interconnect attachment att-1), ic-peer-2 (Interconnect"
                + " attachment att-2)")
        .doesNotContain("appliance")
        .contains("projects/net-host/regions/us-central1/routers/onprem-router do not advertise")
        .contains("route projects/net-host/global/routes/to-onprem (199.36.153.6/31, priority 100")
        .contains("takes 199.36.153.6, 199.36.153.7 away from the default internet gateway")
        .contains(
            "gcloud compute routers update onprem-router --project=net-host --region=us-central1"
                + " --advertisement-mode=CUSTOM --set-advertisement-groups=ALL_SUBNETS"
                + " --set-advertisement-ranges=199.36.153.4/30")
        .contains(
            "remove or narrow route projects/net-host/global/routes/to-onprem: more specific than"
                + " 199.36.153.4/30, it wins whatever the priority");
    Cli.Result j =
        Cli.run(env(), "audit", "--project", "gdc-prod", "--network", NET, "--format", "json");
    JsonNode advertised = json.readTree(j.out()).path("findings").get(0);
    assertThat(advertised.path("ruleId").asText()).isEqualTo("restricted-vip-not-advertised");
    assertThat(advertised.path("resource").asText())
        .isEqualTo("projects/net-host/regions/us-central1/routers/onprem-router");
    Cli.Result md =
        Cli.run(env(), "audit", "--project", "gdc-prod", "--network", NET, "--format", "markdown");
    assertThat(md.out()).contains("### Network (restricted VIP path)", "| Resource |");
  }

  /**
   * Network fixes mixed into a perimeter plan (the enforced config misses a service), under either
   * etag scope: one script writes the perimeter and the network, and the re-audit is clean.
   */
  @ParameterizedTest(name = "etags per {0}")
  @org.junit.jupiter.params.provider.EnumSource(FakeGcp.EtagScope.class)
  void networkAndPerimeterFixesInOneScriptApplyUnderEitherEtagScope(FakeGcp.EtagScope scope)
      throws Exception {
    List<String> services = new java.util.ArrayList<>(Fixtures.gdc().requiredServices());
    services.remove("logging.googleapis.com");
    network(
        Set.of("restricted-vip-route-missing", "googleapis-zone-missing"),
        Fixtures.config(Fixtures.jsonList(services), Fixtures.VPC_RESTRICTED),
        scope);
    String script = planApplyAndReaudit("--stage", "enforce");

    assertThat(script)
        .contains("write 0 gdc ")
        .contains("--add-restricted-services=logging.googleapis.com")
        .contains("# --- the network (no dry-run mode");
    assertThat(fake.writes())
        .anyMatch(w -> w.startsWith(Fixtures.POLICY + "/servicePerimeters/gdc "));
  }

  @Test
  void theRealGcloudAppliesTheNetworkPlanAndTheReauditIsClean() throws Exception {
    network(
        Set.of(
            "restricted-vip-not-advertised",
            "restricted-vip-route-missing",
            "googleapis-zone-missing",
            "registry-zone-missing",
            "dns-inbound-forwarding-disabled"));
    String script = planApplyAndReaudit();

    assertThat(script)
        .contains("# --- the network (no dry-run mode")
        .contains("--network=projects/net-host/global/networks/gdc-net");
    assertThat(fake.writes()).isNotEmpty();
  }

  /**
   * Writes the gcloud plan with --network, runs it with the real gcloud against the fake, and
   * asserts that the re-audit is clean; returns the script.
   */
  String planApplyAndReaudit(String... more) throws Exception {
    Path fix = dir.resolve("fix.sh");
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "plan",
                "--project",
                "gdc-prod",
                "--network",
                NET,
                "--as",
                "gcloud",
                "-o",
                fix.toString()));
    args.addAll(List.of(more));
    Cli.Result plan = Cli.run(env(), args.toArray(String[]::new));
    assertThat(plan.code()).as(plan.err()).isZero();
    String script = java.nio.file.Files.readString(fix);
    dev.vpcscaudit.testing.Processes.Result run =
        dev.vpcscaudit.testing.RealGcloud.run(
            List.of("bash", fix.toString()),
            fake,
            dir,
            Map.of(
                "CLOUDSDK_API_ENDPOINT_OVERRIDES_COMPUTE", fake.url() + "/compute/v1/",
                "CLOUDSDK_API_ENDPOINT_OVERRIDES_DNS", fake.url() + "/dns/v1/"));
    assertThat(run.code()).as("%s%n%s", run.err(), script).isZero();
    Cli.Result after = audit();
    assertThat(after.code()).as(after.out()).isZero();
    assertThat(json.readTree(after.out()).path("findings")).as(after.out()).isEmpty();
    return script;
  }

  @Test
  void theRealGcloudAppliesPeerRouteRecordAndPolicyCreationsToo() throws Exception {
    fake = new FakeGcp();
    fake.project("gdc-prod", Fixtures.PROJECT, "organizations/9000")
        .policy("organizations/9000", Fixtures.POLICY, null)
        .perimeters(
            Fixtures.POLICY,
            "[" + Fixtures.perimeter("gdc", withNetHost(Fixtures.compliantConfig())) + "]");
    fake.project("net-host", NET_HOST_NUMBER, "organizations/9000");
    fake.network("net-host", "gdc-net");
    // The router advertises the VIP, but one peer has its own custom advertisement without it.
    fake.router(
        "net-host",
        "us-east4",
        "{\"name\": \"vpn-router\", \"network\": \""
            + NET_URL
            + "\", \"bgp\": {\"advertiseMode\": \"CUSTOM\", \"advertisedGroups\":"
            + " [\"ALL_SUBNETS\"], \"advertisedIpRanges\": [{\"range\": \"199.36.153.4/30\"}],"
            + " \"asn\": 64513}, \"interfaces\": [{\"name\": \"if-1\", \"linkedVpnTunnel\": \""
            + FakeGcp.COMPUTE
            + "projects/net-host/regions/us-east4/vpnTunnels/t1\"}],"
            + " \"bgpPeers\": [{\"name\": \"vpn-peer\", \"interfaceName\":"
            + " \"if-1\", \"advertiseMode\": \"CUSTOM\", \"advertisedGroups\": [\"ALL_SUBNETS\"]}]}");
    // A same-length VPN route with a better priority shadows the gateway route.
    fake.route("net-host", route("default", "0.0.0.0/0", 1000, IGW, null));
    fake.route(
        "net-host",
        "{\"name\": \"vip-over-vpn\", \"network\": \""
            + NET_URL
            + "\", \"destRange\": \"199.36.153.4/30\", \"priority\": 500,"
            + " \"nextHopVpnTunnel\": \""
            + FakeGcp.COMPUTE
            + "projects/net-host/regions/us-east4/vpnTunnels/t1\"}");
    // The zones exist but lack records; no DNS server policy at all.
    fake.zone("net-host", zone("googleapis", "googleapis.com."), "[]");
    fake.zone("net-host", zone("gcr-io", "gcr.io."), "[" + a("gcr.io.") + "]");
    fake.zone(
        "net-host",
        zone("pkg-dev", "pkg.dev."),
        "[" + a("pkg.dev.") + ", " + cname("*.pkg.dev.", "pkg.dev.") + "]");
    Cli.Result before = audit("--fail-on", "warning");
    assertThat(json.readTree(before.out()).path("findings").findValuesAsText("ruleId"))
        .containsExactlyInAnyOrder(
            "restricted-vip-not-advertised",
            "restricted-vip-route-shadowed",
            "googleapis-zone-not-restricted",
            "googleapis-zone-not-restricted",
            "registry-zone-missing",
            "dns-inbound-forwarding-disabled");
    String script = planApplyAndReaudit();

    assertThat(script)
        .contains("gcloud compute routers update-bgp-peer vpn-router")
        .contains("--priority=499")
        .contains("gcloud dns policies create vpcsc-inbound");
  }

  @Test
  void terraformDeclaresTheNetworksNewResourcesAndListsWhatItCannotAdopt() throws Exception {
    network(
        Set.of(
            "restricted-vip-not-advertised",
            "restricted-vip-route-missing",
            "googleapis-zone-missing",
            "dns-inbound-forwarding-disabled"));

    Cli.Result r =
        Cli.run(env(), "plan", "--project", "gdc-prod", "--network", NET, "--as", "terraform");

    assertThat(r.code()).as(r.err()).isZero();
    dev.vpcscaudit.testing.TerraformFmt.assertCanonical(r.out(), "network plan");
    assertThat(r.out())
        .contains("resource \"google_compute_route\" \"vpcsc_restricted_vip\" {")
        .contains("  dest_range       = \"199.36.153.4/30\"")
        .contains("  next_hop_gateway = \"default-internet-gateway\"")
        .contains("resource \"google_dns_managed_zone\" \"googleapis\" {")
        .contains("      network_url = \"" + NET + "\"")
        .contains("  managed_zone = google_dns_managed_zone.googleapis.name")
        .contains("  name         = \"*.googleapis.com.\"")
        .contains("  rrdatas      = [\"restricted.googleapis.com.\"]")
        .contains("#   gcloud compute routers update onprem-router --project=net-host")
        .contains(
            "#   gcloud dns policies update inbound --project=net-host --enable-inbound-forwarding")
        .doesNotContain("resource \"google_compute_router\"")
        .doesNotContain("resource \"google_dns_policy\"");
  }

  @ParameterizedTest(name = "403 on {0}")
  @org.junit.jupiter.params.provider.CsvSource(
      delimiter = '|',
      value = {
        "/compute/v1/projects/net-host/global/networks/gdc-net | read projects/net-host/global/networks/gdc-net | roles/compute.networkViewer",
        "/compute/v1/projects/net-host/aggregated/routers | list the Cloud Routers of project net-host | roles/compute.networkViewer",
        "/compute/v1/projects/net-host/global/routes | list the routes of project net-host | roles/compute.networkViewer",
        "/dns/v1/projects/net-host/managedZones/googleapis/rrsets | list the records of Cloud DNS zone googleapis | roles/dns.reader",
        "/dns/v1/projects/net-host/policies | list the DNS server policies of project net-host | roles/dns.reader"
      })
  void aNetworkThatCannotBeReadExitsThreeAndIsNeverCompliant(String path, String what, String role)
      throws Exception {
    network(Set.of());
    fake.fail(
        path,
        403,
        "{\"error\": {\"code\": 403, \"message\": \"Forbidden\", \"status\": \"PERMISSION_DENIED\"}}");

    Cli.Result r = Cli.run(env(), "audit", "--project", "gdc-prod", "--network", NET);

    assertThat(r.code()).as(r.err()).isEqualTo(3);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains(what).contains(role);
    assertThat(r.err().strip().lines()).as(r.err()).hasSize(1);
  }

  @Test
  void aPeeringZoneIsNeverTakenAsPassing() throws Exception {
    network(Set.of("googleapis-zone-missing"));
    fake.zone(
        "net-host",
        peering(zone("googleapis-peer", "googleapis.com."), "projects/hub/global/networks/hub-net"),
        "[]");

    Cli.Result r = audit();

    assertThat(r.code()).as(r.err()).isEqualTo(1);
    JsonNode findings = json.readTree(r.out()).path("findings");
    assertThat(findings.findValuesAsText("ruleId"))
        .containsExactly("googleapis-zone-not-restricted");
    assertThat(findings.get(0).path("message").asText())
        .contains("peering to projects/hub/global/networks/hub-net")
        .contains("which this audit did not read");
    Cli.Result text = Cli.run(env(), "audit", "--project", "gdc-prod", "--network", NET);
    assertThat(text.out())
        .contains(
            "vpcsc-audit audit --project PROJECT --network projects/hub/global/networks/hub-net");
  }

  @Test
  void anAggregatedListWithUnreachableRegionsIsAPartialReadAndExitsThree() throws Exception {
    network(Set.of());
    fake.fail(
        "/compute/v1/projects/net-host/aggregated/routers",
        200,
        "{\"kind\": \"compute#routerAggregatedList\", \"items\": {},"
            + " \"unreachables\": [\"regions/us-central1\"]}");

    Cli.Result r = Cli.run(env(), "audit", "--project", "gdc-prod", "--network", NET);

    assertThat(r.code()).as(r.err()).isEqualTo(3);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .contains("list the Cloud Routers of project net-host")
        .contains("could not reach regions/us-central1");
  }

  @Test
  void badNetworkNamesAndFlagConflictsAreUsageErrors() throws Exception {
    network(Set.of());

    Cli.Result bad = Cli.run(env(), "audit", "--project", "gdc-prod", "--network", "gdc-net");
    Cli.Result offline =
        Cli.run(
            "audit",
            "--project",
            Fixtures.PROJECT,
            "--from-file",
            Fixtures.repoRoot().resolve("samples/gdc-perimeters.json").toString(),
            "--network",
            NET);

    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err())
        .contains("--network 'gdc-net': expected projects/PROJECT/global/networks/NAME");
    assertThat(offline.code()).isEqualTo(2);
    assertThat(offline.err())
        .contains("--network reads the live Compute Engine and Cloud DNS APIs");
  }
}
