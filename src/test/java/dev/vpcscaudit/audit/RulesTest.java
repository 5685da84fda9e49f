package dev.vpcscaudit.audit;

import static dev.vpcscaudit.testing.Fixtures.PROJECT;
import static dev.vpcscaudit.testing.Fixtures.compliantConfig;
import static dev.vpcscaudit.testing.Fixtures.config;
import static dev.vpcscaudit.testing.Fixtures.gdc;
import static dev.vpcscaudit.testing.Fixtures.perimeter;
import static dev.vpcscaudit.testing.Fixtures.perimeters;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vpcscaudit.model.DnsAnswer;
import dev.vpcscaudit.model.ProjectRef;
import dev.vpcscaudit.model.SupportedService;
import dev.vpcscaudit.network.NetworkRef;
import dev.vpcscaudit.network.NetworkState;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every rule of the catalogue: its metadata is complete, some scenario makes it fire, and each
 * finding it yields carries, at each stage, a typed fix action or a manual step with its reason.
 */
public class RulesTest {

  private static final String LOGGING = "logging.googleapis.com";

  /** Scenarios that, between them, make every rule fire. */
  public static List<AuditResult> scenarios() {
    ProjectRef project = new ProjectRef(null, PROJECT);
    List<AuditResult> out = new ArrayList<>();
    // Not in any perimeter; then in one whose status lacks services and VPC settings.
    out.add(AuditEngine.audit(project, perimeters("[]"), gdc(), "file"));
    out.add(
        AuditEngine.audit(
            project,
            perimeters("[" + perimeter("gdc", config("[]", null), "{\"resources\": []}") + "]"),
            gdc(),
            "file"));
    out.add(
        AuditEngine.audit(
            project,
            perimeters(
                "["
                    + perimeter(
                        "gdc",
                        config(
                            "[\"" + LOGGING + "\"]",
                            "{\"enableRestriction\": true, \"allowedServices\": []}"))
                    + "]"),
            gdc(),
            "file"));
    // The network inside the perimeter: the network's project and the Shared VPC host outside.
    out.add(
        AuditEngine.audit(
            new AuditInput(
                    project,
                    perimeters("[" + perimeter("gdc", compliantConfig()) + "]"),
                    gdc(),
                    null)
                .withPlacement(
                    new dev.vpcscaudit.network.Placement(
                        "//compute.googleapis.com/projects/net-host/global/networks/gdc-net",
                        "projects/222233334444",
                        true,
                        "projects/333344445555")),
            "file",
            null,
            null));
    // A companion service of a required one, unrestricted.
    dev.vpcscaudit.profile.Profile g = gdc();
    dev.vpcscaudit.profile.Profile withCompanion =
        new dev.vpcscaudit.profile.Profile(
            g.name(),
            g.title(),
            g.description(),
            g.sourceDocument(),
            g.sourceSection(),
            g.requiredServices(),
            g.vpcAccessibleServicesRequired(),
            g.restrictedVipRequired(),
            g.restrictedVipHostnames(),
            g.notes(),
            g.origin(),
            g.maxIpv4Prefix(),
            g.maxIpv6Prefix(),
            g.allowIngressIdentities(),
            java.util.Map.of(
                "gkeonprem.googleapis.com",
                List.of(
                    new dev.vpcscaudit.profile.Profile.Companion(
                        "serviceusage.googleapis.com", "https://docs.example.test/page"))));
    out.add(
        AuditEngine.audit(
            project,
            perimeters("[" + perimeter("gdc", compliantConfig()) + "]"),
            withCompanion,
            "file"));
    // Openings: an ingress rule open to anybody from anywhere, one from a level that admits every
    // address, an egress rule to any resource, a level too broad, a missing level.
    out.add(OpeningsTest.audit(OpeningsTest.openPerimeter(), OpeningsTest.levels()));
    // An accepted exception that has expired while its finding is still there.
    out.add(AcceptTest.withExpiredAcceptance());
    // Denials read from the audit logs: dry-run and enforced.
    out.add(
        AuditEngine.audit(project, perimeters("[]"), gdc(), "file")
            .withViolations(
                new Violations("logs", List.of(denial(true, "1"), denial(false, "2")), 0)));
    // Supported services: missing, off the VIP, deprecated, preview.
    List<SupportedService> services = new ArrayList<>();
    for (String s : gdc().requiredServices()) {
      switch (s) {
        case LOGGING -> {}
        case "storage.googleapis.com" ->
            services.add(new SupportedService(s, "", false, false, "GA"));
        case "iam.googleapis.com" ->
            services.add(new SupportedService(s, "", true, true, "PREVIEW"));
        case "compute.googleapis.com" ->
            services.add(new SupportedService(s, "", true, false, "DEPRECATED"));
        default -> services.add(new SupportedService(s, "", true, false, "GA"));
      }
    }
    List<DnsAnswer> dns =
        List.of(
            new DnsAnswer("restricted.googleapis.com", true, List.of("199.36.153.4"), List.of()),
            new DnsAnswer(LOGGING, false, List.of(), List.of()),
            new DnsAnswer("storage.googleapis.com", true, List.of("142.250.1.1"), List.of()));
    out.add(
        AuditEngine.audit(
            project,
            perimeters("[" + perimeter("gdc", compliantConfig()) + "]"),
            gdc(),
            "file",
            services,
            dns));
    // The network: first with nothing in it (no router, route, zone or policy), then with a
    // default route shadowed by a VPN route and a googleapis.com zone on the private VIP.
    NetworkRef net = NetworkRef.parse("projects/net-host/global/networks/gdc-net");
    String self = net.resourceName();
    out.add(
        network(project, new NetworkState(net, self, List.of(), List.of(), List.of(), List.of())));
    NetworkState.Zone googleapis =
        new NetworkState.Zone(
            "net-host",
            "googleapis",
            "googleapis.com.",
            "private",
            List.of(self),
            List.of(
                new NetworkState.RecordSet(
                    "restricted.googleapis.com.", "A", List.of("199.36.153.8")),
                new NetworkState.RecordSet(
                    "*.googleapis.com.", "CNAME", List.of("private.googleapis.com."))));
    out.add(
        network(
            project,
            new NetworkState(
                net,
                self,
                List.of(),
                List.of(
                    new NetworkState.Route(
                        "net-host",
                        "default",
                        self,
                        "0.0.0.0/0",
                        1000,
                        List.of(),
                        NetworkState.Route.INTERNET_GATEWAY),
                    new NetworkState.Route(
                        "net-host",
                        "vpn",
                        self,
                        "199.36.153.4/30",
                        100,
                        List.of(),
                        "VpnTunnel t1")),
                List.of(googleapis),
                List.of())));
    return out;
  }

  /** A denial by perimeter gdc, dry-run or enforced. */
  private static dev.vpcscaudit.model.Violation denial(boolean dryRun, String id) {
    return new dev.vpcscaudit.model.Violation(
        "2026-12-01T00:00:00Z",
        dryRun,
        "accessPolicies/1/servicePerimeters/gdc",
        LOGGING,
        "M",
        "x@p",
        "10.0.0.1",
        null,
        "R",
        id);
  }

  private static AuditResult network(ProjectRef project, NetworkState n) {
    return AuditEngine.audit(
        new AuditInput(
            project, perimeters("[" + perimeter("gdc", compliantConfig()) + "]"), gdc(), null),
        "api",
        null,
        null,
        n);
  }

  @Test
  void everyRuleFiresAndEveryFindingHasARemedyAtEachStage() {
    Set<String> fired = new HashSet<>();
    for (AuditResult result : scenarios()) {
      for (Finding f : result.findings()) {
        fired.add(f.rule().id());
        for (Stage stage : Stage.values()) {
          Remedy r = f.remedy(stage);
          String what = f.rule().id() + " " + f.service() + " at " + stage.label();
          if (r instanceof Remedy.Fix fix) {
            assertThat(fix.actions()).as(what).isNotEmpty();
            assertThat(fix.actions())
                .as(what)
                .allSatisfy(a -> assertThat(a.perimeter()).startsWith("accessPolicies/"));
          } else if (r instanceof Remedy.Manual m) {
            assertThat(m.reason().toString()).as(what).isNotBlank();
            assertThat(m.step().toString()).as(what).isNotBlank();
          } else if (r instanceof Remedy.NetworkFix fix) {
            assertThat(fix.commands())
                .as(what)
                .allSatisfy(c -> assertThat(c).startsWith("gcloud "));
          } else if (r instanceof Remedy.NeedsChoice c) {
            assertThat(c.message().toString()).as(what).contains("--target-perimeter");
          }
        }
      }
    }
    assertThat(fired)
        .as("every rule of the catalogue fires in some scenario")
        .containsExactlyInAnyOrderElementsOf(Rules.ALL.stream().map(Rule::id).toList());
  }

  @Test
  void perimeterFindingsAreFixedByActionsServiceAndDnsOnesByAStep() {
    for (AuditResult result : scenarios()) {
      for (Finding f : result.findings()) {
        Remedy enforce = f.remedy(Stage.ENFORCE);
        if (OpeningsTest.RULES.contains(f.rule().id())
            || f.rule() == Rules.ACCEPTANCE_EXPIRED
            || f.rule() == Rules.DRY_RUN_VIOLATIONS
            || f.rule() == Rules.ENFORCED_VIOLATIONS) {
          // Plans never remove or narrow: what opens a perimeter is closed by a person; what
          // the logs show denied is judged by one.
          assertThat(enforce).as(f.rule().id()).isInstanceOf(Remedy.Manual.class);
        } else if (f.rule().category() == Category.PERIMETER) {
          assertThat(enforce)
              .as(f.rule().id())
              .isInstanceOfAny(Remedy.Fix.class, Remedy.NeedsChoice.class);
        } else {
          assertThat(enforce)
              .as(f.rule().id())
              .isInstanceOfAny(Remedy.Manual.class, Remedy.NetworkFix.class);
        }
      }
    }
  }

  /** The rule's severity (SARIF's defaultConfiguration.level) is what its enforced findings get. */
  @Test
  void eachRulesSeverityIsTheSeverityOfItsEnforcedFindings() {
    for (AuditResult result : scenarios()) {
      for (Finding f : result.findings()) {
        if (f.mode() == Mode.ENFORCED && !f.message().toString().contains("was not evaluated")) {
          assertThat(f.severity())
              .as(f.rule().id() + ": " + f.message().toString())
              .isEqualTo(f.rule().severity());
        }
      }
    }
  }

  @Test
  void catalogueMetadataIsCompleteAndIdsAreUnique() {
    Set<String> ids = new HashSet<>();
    for (Rule rule : Rules.ALL) {
      assertThat(rule.id()).matches("[a-z]+(-[a-z]+)+");
      assertThat(ids.add(rule.id())).as(rule.id()).isTrue();
      assertThat(rule.title()).isNotBlank();
      assertThat(rule.help()).isNotBlank();
      assertThat(rule.category()).isNotNull();
    }
  }
}
