package dev.vpcscaudit.audit;

import static dev.vpcscaudit.testing.Fixtures.PROJECT;
import static dev.vpcscaudit.testing.Fixtures.VPC_RESTRICTED;
import static dev.vpcscaudit.testing.Fixtures.allRequired;
import static dev.vpcscaudit.testing.Fixtures.compliantConfig;
import static dev.vpcscaudit.testing.Fixtures.config;
import static dev.vpcscaudit.testing.Fixtures.fullName;
import static dev.vpcscaudit.testing.Fixtures.gdc;
import static dev.vpcscaudit.testing.Fixtures.jsonList;
import static dev.vpcscaudit.testing.Fixtures.perimeter;
import static dev.vpcscaudit.testing.Fixtures.perimeters;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.vpcscaudit.model.ProjectRef;
import dev.vpcscaudit.profile.Profile;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditEngineTest {

  private static final String LOGGING = "logging.googleapis.com";
  private static final String STORAGE = "storage.googleapis.com";

  private static AuditResult audit(String json) {
    return audit(json, gdc());
  }

  private static AuditResult audit(String json, Profile profile) {
    return AuditEngine.audit(new ProjectRef(null, PROJECT), perimeters(json), profile, "file");
  }

  /** The required services except {@code removed}, as a JSON list. */
  private static String requiredWithout(String... removed) {
    List<String> services = new ArrayList<>(gdc().requiredServices());
    services.removeAll(List.of(removed));
    return jsonList(services);
  }

  @Test
  void compliantPerimeterHasNoFinding() {
    AuditResult result = audit("[" + perimeter("gdc", compliantConfig()) + "]");

    assertThat(result.findings()).isEmpty();
    assertThat(result.compliant()).isTrue();
    assertThat(result.perimeters())
        .extracting(PerimeterMembership::name, PerimeterMembership::modes)
        .containsExactly(tuple(fullName("gdc"), List.of(Mode.ENFORCED)));
  }

  @Test
  void projectInNoPerimeterIsAnEnforcedError() {
    String other =
        "{\"resources\": [\"projects/999\"], \"restrictedServices\": " + allRequired() + "}";
    AuditResult result = audit("[" + perimeter("other", other) + "]");

    assertThat(result.findings())
        .extracting(Finding::rule, Finding::severity, Finding::mode, Finding::perimeter)
        .containsExactly(
            tuple(Rules.PROJECT_NOT_IN_PERIMETER, Severity.ERROR, Mode.ENFORCED, null));
    assertThat(result.perimeters()).isEmpty();
    assertThat(result.compliant()).isFalse();
  }

  @Test
  void projectIdInResourcesDoesNotCount() {
    // Perimeters list projects by number; a project ID there is not membership.
    String byId =
        "{\"resources\": [\"projects/gdc-prod\"], \"restrictedServices\": " + allRequired() + "}";
    AuditResult result = audit("[" + perimeter("gdc", byId) + "]");

    assertThat(result.findings())
        .extracting(Finding::rule)
        .containsExactly(Rules.PROJECT_NOT_IN_PERIMETER);
  }

  @Test
  void bridgeMembershipAloneDoesNotProtect() {
    String bridge =
        "{\"name\": \"accessPolicies/111/servicePerimeters/bridge\","
            + " \"perimeterType\": \"PERIMETER_TYPE_BRIDGE\","
            + " \"status\": {\"resources\": [\"projects/"
            + PROJECT
            + "\", \"projects/5\"]}}";
    AuditResult result = audit("[" + bridge + "]");

    assertThat(result.findings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.rule()).isEqualTo(Rules.PROJECT_NOT_IN_PERIMETER);
              assertThat(f.severity()).isEqualTo(Severity.ERROR);
              assertThat(f.message().toString()).contains("bridge perimeter " + fullName("bridge"));
            });
    assertThat(result.perimeters())
        .extracting(PerimeterMembership::name, m -> m.type().label())
        .containsExactly(tuple(fullName("bridge"), "bridge"));
  }

  @Test
  void bridgeBesideARegularPerimeterIsListedButNotChecked() {
    String bridge =
        "{\"name\": \"accessPolicies/111/servicePerimeters/bridge\","
            + " \"perimeterType\": \"PERIMETER_TYPE_BRIDGE\","
            + " \"status\": {\"resources\": [\"projects/"
            + PROJECT
            + "\"]}}";
    AuditResult result = audit("[" + bridge + ", " + perimeter("gdc", compliantConfig()) + "]");

    assertThat(result.findings()).isEmpty();
    assertThat(result.perimeters()).hasSize(2);
  }

  @Test
  void absentPerimeterTypeMeansRegular() {
    // The fixture's perimeter has no perimeterType at all.
    AuditResult result =
        audit("[" + perimeter("gdc", config(requiredWithout(LOGGING), VPC_RESTRICTED)) + "]");

    assertThat(result.perimeters()).extracting(m -> m.type().label()).containsExactly("regular");
    assertThat(result.findings())
        .extracting(Finding::rule, Finding::service)
        .containsExactly(tuple(Rules.REQUIRED_SERVICE_UNRESTRICTED, LOGGING));
  }

  @Test
  void missingRestrictedServicesAreErrorsWhenEnforced() {
    AuditResult result =
        audit(
            "["
                + perimeter("gdc", config(requiredWithout(LOGGING, STORAGE), VPC_RESTRICTED))
                + "]");

    assertThat(result.findings())
        .extracting(
            Finding::rule, Finding::severity, Finding::mode, Finding::perimeter, Finding::service)
        .containsExactly(
            tuple(
                Rules.REQUIRED_SERVICE_UNRESTRICTED,
                Severity.ERROR,
                Mode.ENFORCED,
                fullName("gdc"),
                LOGGING),
            tuple(
                Rules.REQUIRED_SERVICE_UNRESTRICTED,
                Severity.ERROR,
                Mode.ENFORCED,
                fullName("gdc"),
                STORAGE));
  }

  @Test
  void missingRestrictedServicesAreWarningsInAnExplicitSpec() {
    String spec = config(requiredWithout(LOGGING), VPC_RESTRICTED);
    AuditResult result = audit("[" + perimeter("gdc", compliantConfig(), spec) + "]");

    assertThat(result.findings())
        .extracting(Finding::rule, Finding::severity, Finding::mode, Finding::service)
        .containsExactly(
            tuple(Rules.REQUIRED_SERVICE_UNRESTRICTED, Severity.WARNING, Mode.DRY_RUN, LOGGING));
    assertThat(result.perimeters())
        .extracting(PerimeterMembership::modes)
        .containsExactly(List.of(Mode.ENFORCED, Mode.DRY_RUN));
  }

  @Test
  void inheritedDryRunConfigIsReportedOnceAsEnforced() {
    // A spec is present but useExplicitDryRunSpec is false: the dry-run config is the status.
    String json =
        "[{\"name\": \""
            + fullName("gdc")
            + "\", \"status\": "
            + config(requiredWithout(LOGGING), VPC_RESTRICTED)
            + ", \"spec\": {\"resources\": [], \"restrictedServices\": []}}]";
    AuditResult result = audit(json);

    assertThat(result.findings())
        .extracting(Finding::mode, Finding::service)
        .containsExactly(tuple(Mode.ENFORCED, LOGGING));
    assertThat(result.perimeters())
        .extracting(PerimeterMembership::modes)
        .containsExactly(List.of(Mode.ENFORCED));
  }

  @Test
  void explicitSpecIdenticalToStatusReportsBothModes() {
    String cfg = config(requiredWithout(LOGGING), VPC_RESTRICTED);
    AuditResult result = audit("[" + perimeter("gdc", cfg, cfg) + "]");

    assertThat(result.findings())
        .extracting(Finding::mode, Finding::severity, Finding::service)
        .containsExactly(
            tuple(Mode.ENFORCED, Severity.ERROR, LOGGING),
            tuple(Mode.DRY_RUN, Severity.WARNING, LOGGING));
  }

  @Test
  void dryRunOnlyPerimeterWithoutStatus() {
    AuditResult result = audit("[" + perimeter("staged", null, compliantConfig()) + "]");

    assertThat(result.findings())
        .extracting(Finding::rule, Finding::severity, Finding::mode)
        .containsExactly(tuple(Rules.PROJECT_NOT_IN_PERIMETER, Severity.ERROR, Mode.ENFORCED));
    assertThat(result.perimeters())
        .extracting(PerimeterMembership::modes)
        .containsExactly(List.of(Mode.DRY_RUN));
  }

  @Test
  void specThatDropsTheProjectWarnsInDryRun() {
    String spec =
        "{\"resources\": [\"projects/999\"], \"restrictedServices\": " + allRequired() + "}";
    AuditResult result = audit("[" + perimeter("gdc", compliantConfig(), spec) + "]");

    assertThat(result.findings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.rule()).isEqualTo(Rules.PROJECT_NOT_IN_PERIMETER);
              assertThat(f.mode()).isEqualTo(Mode.DRY_RUN);
              assertThat(f.severity()).isEqualTo(Severity.WARNING);
              assertThat(f.perimeter()).isNull();
            });
  }

  @Test
  void projectMovedToAnotherPerimeterInDryRunIsNotUnprotected() {
    // Enforced in "old"; staged out of "old" and into "new": the dry-run view still holds it.
    String oldSpec = "{\"resources\": [], \"restrictedServices\": " + allRequired() + "}";
    String json =
        "["
            + perimeter("old", compliantConfig(), oldSpec)
            + ", "
            + perimeter("new", null, compliantConfig())
            + "]";
    AuditResult result = audit(json);

    assertThat(result.findings()).isEmpty();
  }

  @Test
  void vpcAccessibleServicesDisabledInBothModes() {
    String noVpc = config(allRequired(), null);
    String disabled = config(allRequired(), "{\"enableRestriction\": false}");
    AuditResult result = audit("[" + perimeter("gdc", noVpc, disabled) + "]");

    assertThat(result.findings())
        .extracting(Finding::rule, Finding::severity, Finding::mode, Finding::service)
        .containsExactly(
            tuple(Rules.VPC_ACCESSIBLE_SERVICES_DISABLED, Severity.ERROR, Mode.ENFORCED, null),
            tuple(Rules.VPC_ACCESSIBLE_SERVICES_DISABLED, Severity.WARNING, Mode.DRY_RUN, null));
  }

  @Test
  void vpcAllowedServiceMissingInBothModes() {
    List<String> allowed = new ArrayList<>(gdc().requiredServices());
    allowed.remove(LOGGING);
    String vpc = "{\"enableRestriction\": true, \"allowedServices\": " + jsonList(allowed) + "}";
    String cfg = config(allRequired(), vpc);
    AuditResult result = audit("[" + perimeter("gdc", cfg, cfg) + "]");

    assertThat(result.findings())
        .extracting(Finding::rule, Finding::severity, Finding::mode, Finding::service)
        .containsExactly(
            tuple(Rules.VPC_ALLOWED_SERVICE_MISSING, Severity.ERROR, Mode.ENFORCED, LOGGING),
            tuple(Rules.VPC_ALLOWED_SERVICE_MISSING, Severity.WARNING, Mode.DRY_RUN, LOGGING));
  }

  @Test
  void restrictedServicesValueCoversOnlyRestrictedServices() {
    // logging is neither restricted nor listed; RESTRICTED-SERVICES is allowed: reported once, as
    // unrestricted (restricting it also makes it accessible).
    AuditResult result =
        audit("[" + perimeter("gdc", config(requiredWithout(LOGGING), VPC_RESTRICTED)) + "]");

    assertThat(result.findings())
        .extracting(Finding::rule)
        .containsExactly(Rules.REQUIRED_SERVICE_UNRESTRICTED);
  }

  @Test
  void unrestrictedAndNotAllowedWithoutRestrictedServicesValueIsReportedTwice() {
    List<String> allowed = new ArrayList<>(gdc().requiredServices());
    allowed.remove(LOGGING);
    String vpc = "{\"enableRestriction\": true, \"allowedServices\": " + jsonList(allowed) + "}";
    AuditResult result = audit("[" + perimeter("gdc", config(requiredWithout(LOGGING), vpc)) + "]");

    assertThat(result.findings())
        .extracting(Finding::rule, Finding::service)
        .containsExactly(
            tuple(Rules.REQUIRED_SERVICE_UNRESTRICTED, LOGGING),
            tuple(Rules.VPC_ALLOWED_SERVICE_MISSING, LOGGING));
  }

  @Test
  void explicitlyAllowedServiceCountsEvenIfUnrestricted() {
    List<String> allowed = new ArrayList<>(gdc().requiredServices());
    String vpc = "{\"enableRestriction\": true, \"allowedServices\": " + jsonList(allowed) + "}";
    AuditResult result = audit("[" + perimeter("gdc", config(requiredWithout(LOGGING), vpc)) + "]");

    assertThat(result.findings())
        .extracting(Finding::rule, Finding::service)
        .containsExactly(tuple(Rules.REQUIRED_SERVICE_UNRESTRICTED, LOGGING));
  }

  @Test
  void profileWithoutVpcRequirementSkipsVpcRules() {
    Profile noVpc =
        new Profile(
            "no-vpc",
            "",
            "",
            "",
            "",
            List.of(LOGGING),
            false,
            false,
            List.of(),
            List.of(),
            "test",
            Profile.DEFAULT_MAX_IPV4_PREFIX,
            Profile.DEFAULT_MAX_IPV6_PREFIX,
            List.of());
    AuditResult result =
        audit("[" + perimeter("gdc", config(jsonList(List.of(LOGGING)), null)) + "]", noVpc);

    assertThat(result.findings()).isEmpty();
  }

  @Test
  void projectInTwoPerimetersOfTwoPoliciesIsCheckedInEach() {
    String a = perimeter("a", config(requiredWithout(LOGGING), VPC_RESTRICTED));
    String b =
        "{\"name\": \"accessPolicies/222/servicePerimeters/b\", \"status\": "
            + config(requiredWithout(STORAGE), VPC_RESTRICTED)
            + "}";
    AuditResult result = audit("[" + b + ", " + a + "]");

    assertThat(result.findings())
        .extracting(Finding::perimeter, Finding::service)
        .containsExactly(
            tuple(fullName("a"), LOGGING),
            tuple("accessPolicies/222/servicePerimeters/b", STORAGE));
    assertThat(result.perimeters())
        .extracting(PerimeterMembership::name)
        .containsExactly(fullName("a"), "accessPolicies/222/servicePerimeters/b");
  }

  @Test
  void findingsAreSortedByModePerimeterRuleAndService() {
    String status = config(requiredWithout(STORAGE, LOGGING), "{\"enableRestriction\": false}");
    String spec = config(requiredWithout(LOGGING), VPC_RESTRICTED);
    AuditResult result =
        audit("[" + perimeter("z", status, spec) + ", " + perimeter("a", status) + "]");

    assertThat(result.findings()).isSortedAccordingTo(Finding.ORDER);
    assertThat(result.findings())
        .extracting(
            f ->
                f.mode().label()
                    + " "
                    + f.perimeter().substring(f.perimeter().length() - 1)
                    + " "
                    + f.rule().id()
                    + " "
                    + f.service())
        .containsExactly(
            "enforced a required-service-unrestricted logging.googleapis.com",
            "enforced a required-service-unrestricted storage.googleapis.com",
            "enforced a vpc-accessible-services-disabled null",
            "enforced z required-service-unrestricted logging.googleapis.com",
            "enforced z required-service-unrestricted storage.googleapis.com",
            "enforced z vpc-accessible-services-disabled null",
            "dry-run z required-service-unrestricted logging.googleapis.com");
  }

  @Test
  void summaryCountsAndFailThreshold() {
    String spec = config(requiredWithout(LOGGING), VPC_RESTRICTED);
    AuditResult result = audit("[" + perimeter("gdc", compliantConfig(), spec) + "]");

    assertThat(result.count(Severity.ERROR)).isZero();
    assertThat(result.count(Severity.WARNING)).isEqualTo(1);
    assertThat(result.compliant()).isFalse();
    assertThat(result.hasFindingAtLeast(Severity.ERROR)).isFalse();
    assertThat(result.hasFindingAtLeast(Severity.WARNING)).isTrue();
  }

  /** The GDC services as a supported-services list, with overrides by name. */
  private static List<dev.vpcscaudit.model.SupportedService> supported(
      java.util.Map<String, dev.vpcscaudit.model.SupportedService> overrides) {
    List<dev.vpcscaudit.model.SupportedService> out = new ArrayList<>();
    for (String s : gdc().requiredServices()) {
      if (overrides.containsKey(s)) {
        if (overrides.get(s) != null) {
          out.add(overrides.get(s));
        }
      } else {
        out.add(new dev.vpcscaudit.model.SupportedService(s, s, true, false, "GA"));
      }
    }
    return out;
  }

  @Test
  void supportedServicesAllGaOnTheRestrictedVipAddNothing() {
    AuditResult result =
        AuditEngine.audit(
            new ProjectRef(null, PROJECT),
            perimeters("[" + perimeter("gdc", compliantConfig()) + "]"),
            gdc(),
            "file",
            supported(java.util.Map.of()),
            null);

    assertThat(result.findings()).isEmpty();
    assertThat(result.servicesChecked()).isTrue();
  }

  @Test
  void serviceSupportRules() {
    java.util.Map<String, dev.vpcscaudit.model.SupportedService> overrides =
        new java.util.HashMap<>();
    overrides.put(LOGGING, null); // not supported at all
    overrides.put(
        STORAGE, new dev.vpcscaudit.model.SupportedService(STORAGE, "", false, false, "GA"));
    overrides.put(
        "iam.googleapis.com",
        new dev.vpcscaudit.model.SupportedService("iam.googleapis.com", "", true, true, "PREVIEW"));
    overrides.put(
        "compute.googleapis.com",
        new dev.vpcscaudit.model.SupportedService(
            "compute.googleapis.com", "", true, false, "DEPRECATED"));

    AuditResult result =
        AuditEngine.audit(
            new ProjectRef(null, PROJECT),
            perimeters("[" + perimeter("gdc", compliantConfig()) + "]"),
            gdc(),
            "file",
            supported(overrides),
            null);

    assertThat(result.findings())
        .extracting(
            Finding::rule, Finding::severity, Finding::mode, Finding::perimeter, Finding::service)
        .containsExactly(
            tuple(
                Rules.SERVICE_NOT_ON_RESTRICTED_VIP, Severity.ERROR, Mode.ENFORCED, null, STORAGE),
            tuple(Rules.SERVICE_NOT_SUPPORTED, Severity.ERROR, Mode.ENFORCED, null, LOGGING),
            tuple(
                Rules.SERVICE_SUPPORT_DEPRECATED,
                Severity.WARNING,
                Mode.ENFORCED,
                null,
                "compute.googleapis.com"),
            tuple(
                Rules.SERVICE_SUPPORT_PREVIEW,
                Severity.INFO,
                Mode.ENFORCED,
                null,
                "iam.googleapis.com"));
    assertThat(result.findings())
        .filteredOn(f -> f.rule() == Rules.SERVICE_SUPPORT_PREVIEW)
        .singleElement()
        .satisfies(f -> assertThat(f.message().toString()).endsWith("with known limitations"));
  }

  @Test
  void restrictedVipIsCheckedOnlyWhenTheProfileRequiresIt() {
    Profile noVip =
        new Profile(
            "no-vip",
            "",
            "",
            "",
            "",
            List.of(STORAGE),
            false,
            false,
            List.of(),
            List.of(),
            "test",
            Profile.DEFAULT_MAX_IPV4_PREFIX,
            Profile.DEFAULT_MAX_IPV6_PREFIX,
            List.of());
    AuditResult result =
        AuditEngine.audit(
            new ProjectRef(null, PROJECT),
            perimeters("[" + perimeter("gdc", config(jsonList(List.of(STORAGE)), null)) + "]"),
            noVip,
            "file",
            List.of(new dev.vpcscaudit.model.SupportedService(STORAGE, "", false, false, "GA")),
            null);

    assertThat(result.findings()).isEmpty();
  }
}
