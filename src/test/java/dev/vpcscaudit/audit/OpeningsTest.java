package dev.vpcscaudit.audit;

import static dev.vpcscaudit.testing.Fixtures.PROJECT;
import static dev.vpcscaudit.testing.Fixtures.compliantConfig;
import static dev.vpcscaudit.testing.Fixtures.gdc;
import static dev.vpcscaudit.testing.Fixtures.perimeters;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vpcscaudit.codec.AccessLevelReader;
import dev.vpcscaudit.model.AccessLevel;
import dev.vpcscaudit.model.ProjectRef;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The rules about what opens a perimeter (issue 24): reference cases for each, in the enforced
 * config (error) and the dry-run spec (warning), with the access levels read or not.
 */
public class OpeningsTest {

  static final Set<String> RULES =
      Set.of(
          "ingress-open-to-any-identity",
          "ingress-from-any-network",
          "egress-to-any-resource",
          "access-level-unknown",
          "access-level-too-broad");

  static final String L = "accessPolicies/111/accessLevels/";

  /** Levels: everything, a /8, a /24, a CEL level, a /24 OR'ed with 0.0.0.0/0. */
  static List<AccessLevel> levels() {
    try {
      return AccessLevelReader.readList(
          new ObjectMapper()
              .readTree(
                  "["
                      + level("anywhere", "[\"0.0.0.0/0\"]", "AND")
                      + ","
                      + level("ten", "[\"10.0.0.0/8\"]", "AND")
                      + ","
                      + level("office", "[\"203.0.113.0/24\"]", "AND")
                      + ","
                      + level(
                          "either", "[\"203.0.113.0/24\"]},{\"ipSubnetworks\": [\"::/0\"]", "OR")
                      + ",{\"name\": \""
                      + L
                      + "cel\", \"custom\": {\"expr\": {\"expression\": \"true\"}}}]"),
          "",
          "test");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String level(String name, String ranges, String fn) {
    return "{\"name\": \""
        + L
        + name
        + "\", \"basic\": {\"combiningFunction\": \""
        + fn
        + "\", \"conditions\": [{\"ipSubnetworks\": "
        + ranges
        + "}]}}";
  }

  /** A compliant config (every service restricted) plus {@code extra} JSON fields. */
  static String config(String extra) {
    String c = compliantConfig();
    return c.substring(0, c.length() - 1) + (extra.isEmpty() ? "" : ", " + extra) + "}";
  }

  static String ingress(String identityType, String sources, String service, String resources) {
    return "{\"ingressFrom\": {"
        + (identityType.startsWith("serviceAccount:")
            ? "\"identities\": [\"" + identityType + "\"]"
            : "\"identityType\": \"" + identityType + "\"")
        + (sources.isEmpty() ? "" : ", \"sources\": " + sources)
        + "}, \"ingressTo\": {\"operations\": [{\"serviceName\": \""
        + service
        + "\"}], \"resources\": "
        + resources
        + "}}";
  }

  /** Every opening at once, in status; the spec holds the same. */
  public static String openPerimeter() {
    String extra =
        "\"accessLevels\": [\""
            + L
            + "ten\", \""
            + L
            + "gone\", \""
            + L
            + "cel\"], \"ingressPolicies\": ["
            + ingress("ANY_IDENTITY", "", "*", "[\"*\"]")
            + ","
            + ingress(
                "serviceAccount:ci@p.iam.gserviceaccount.com",
                "[{\"accessLevel\": \"" + L + "anywhere\"}]",
                "logging.googleapis.com",
                "[\"*\"]")
            + "], \"egressPolicies\": [{\"egressFrom\": {\"identityType\": \"ANY_IDENTITY\"},"
            + " \"egressTo\": {\"operations\": [{\"serviceName\": \"storage.googleapis.com\"}],"
            + " \"resources\": [\"*\"]}}]";
    return "[{\"name\": \"accessPolicies/111/servicePerimeters/gdc\", \"status\": "
        + config(extra)
        + ", \"spec\": "
        + config(extra)
        + ", \"useExplicitDryRunSpec\": true}]";
  }

  static AuditResult audit(String perimetersJson, List<AccessLevel> levels) {
    return AuditEngine.audit(
        new AuditInput(
            new ProjectRef(null, PROJECT),
            perimeters(perimetersJson),
            gdc(),
            null,
            List.of(),
            levels == null ? AccessLevels.NOT_READ : AccessLevels.of(levels)),
        "file",
        null,
        null);
  }

  static AuditResult auditStatus(String extra) {
    return audit(
        "[{\"name\": \"accessPolicies/111/servicePerimeters/gdc\", \"status\": "
            + config(extra)
            + "}]",
        levels());
  }

  static Set<String> fired(AuditResult r) {
    return r.findings().stream()
        .map(f -> f.rule().id() + " " + f.severity().label() + " " + f.mode().label())
        .collect(Collectors.toSet());
  }

  @Test
  void aWideOpenPerimeterIsNeverCompliantAndEachOpeningIsNamed() {
    AuditResult r = audit(openPerimeter(), levels());

    assertThat(r.compliant()).isFalse();
    assertThat(fired(r))
        .contains(
            "ingress-open-to-any-identity error enforced",
            "ingress-open-to-any-identity warning dry-run",
            "ingress-from-any-network error enforced",
            "ingress-from-any-network warning dry-run",
            "egress-to-any-resource error enforced",
            "egress-to-any-resource warning dry-run",
            "access-level-unknown error enforced",
            "access-level-unknown warning dry-run",
            "access-level-too-broad warning enforced",
            "access-level-too-broad warning dry-run",
            "access-level-too-broad info enforced");
    Finding open =
        r.findings().stream()
            .filter(f -> f.rule().id().equals("ingress-open-to-any-identity"))
            .findFirst()
            .orElseThrow();
    assertThat(open.resource()).isEqualTo("status.ingressPolicies[0]");
    assertThat(open.message().toString())
        .contains("ANY_IDENTITY from any source to every service (*)");
    assertThat(((Remedy.Manual) open.remedy(Stage.ENFORCE)).step().toString())
        .contains("--set-ingress-policies=FILE", "gdc", "--policy=111");
    assertThat(r.coverage())
        .containsEntry("access-levels", true)
        .containsEntry("ingress-egress", true);
  }

  @Test
  void aRuleScopedToOneServiceAccountAndOneMethodPasses() {
    AuditResult r =
        auditStatus(
            "\"ingressPolicies\": [{\"ingressFrom\": {\"identities\":"
                + " [\"serviceAccount:ci@p.iam.gserviceaccount.com\"], \"sources\":"
                + " [{\"accessLevel\": \"*\"}]}, \"ingressTo\": {\"operations\": [{\"serviceName\":"
                + " \"logging.googleapis.com\", \"methodSelectors\": [{\"method\":"
                + " \"google.logging.v2.LoggingServiceV2.WriteLogEntries\"}]}], \"resources\":"
                + " [\"*\"]}}]");
    assertThat(r.findings()).isEmpty();
    assertThat(r.compliant()).isTrue();
  }

  @Test
  void anyIdentityFromANarrowLevelPassesAndFromAWideOneWarns() {
    AuditResult narrow =
        auditStatus(
            "\"ingressPolicies\": ["
                + ingress(
                    "ANY_IDENTITY",
                    "[{\"accessLevel\": \"" + L + "office\"}]",
                    "logging.googleapis.com",
                    "[\"*\"]")
                + "]");
    assertThat(narrow.findings()).isEmpty();

    AuditResult wide =
        auditStatus(
            "\"ingressPolicies\": ["
                + ingress(
                    "ANY_IDENTITY",
                    "[{\"accessLevel\": \"" + L + "ten\"}]",
                    "logging.googleapis.com",
                    "[\"*\"]")
                + "]");
    assertThat(fired(wide)).containsExactly("access-level-too-broad warning enforced");
    assertThat(wide.findings().get(0).message().toString()).contains("10.0.0.0/8", "maxIpPrefix");
  }

  @Test
  void aLevelThatAdmitsEveryAddressThroughAnOrIsFromAnyNetwork() {
    AuditResult r =
        auditStatus(
            "\"ingressPolicies\": ["
                + ingress(
                    "serviceAccount:ci@p.iam.gserviceaccount.com",
                    "[{\"accessLevel\": \"" + L + "either\"}]",
                    "storage.googleapis.com",
                    "[\"*\"]")
                + "]");
    assertThat(fired(r))
        .contains(
            "ingress-from-any-network error enforced", "access-level-too-broad warning enforced");
  }

  @Test
  void aCelLevelIsReportedAsNotEvaluatedNeverAsPassing() {
    AuditResult r = auditStatus("\"accessLevels\": [\"" + L + "cel\"]");
    assertThat(fired(r)).containsExactly("access-level-too-broad info enforced");
    assertThat(r.findings().get(0).message().toString())
        .contains("was not evaluated", "custom level");
    assertThat(r.checks())
        .filteredOn(c -> c.name().startsWith("access-level-too-broad"))
        .allMatch(c -> c.failure() != null);
  }

  @Test
  void egressToOneNamedProjectPassesAndToExternalResourcesFails() {
    String named =
        "\"egressPolicies\": [{\"egressFrom\": {\"identityType\": \"ANY_IDENTITY\"},"
            + " \"egressTo\": {\"operations\": [{\"serviceName\": \"storage.googleapis.com\"}],"
            + " \"resources\": [\"projects/999\"]}}]";
    assertThat(auditStatus(named).findings()).isEmpty();
    String external =
        "\"egressPolicies\": [{\"egressFrom\": {\"identityType\": \"ANY_USER_ACCOUNT\"},"
            + " \"egressTo\": {\"operations\": [{\"serviceName\": \"*\"}],"
            + " \"externalResources\": [\"s3://bucket\"]}}]";
    assertThat(fired(auditStatus(external)))
        .containsExactly("egress-to-any-resource error enforced");
  }

  @Test
  void withoutTheLevelsOnlyTheirChecksAreOffAndTheCoverageSaysSo() {
    AuditResult r = audit(openPerimeter(), null);
    assertThat(fired(r))
        .contains(
            "ingress-open-to-any-identity error enforced", "egress-to-any-resource error enforced")
        .noneMatch(f -> f.startsWith("access-level"));
    assertThat(r.coverage()).containsEntry("access-levels", false);
    assertThat(r.coverageLine(false)).contains("access-levels");
  }

  @Test
  void aProfileCanAcceptANamedServiceAccountFromAnyNetwork() {
    var accepting =
        new dev.vpcscaudit.profile.Profile(
            "p",
            "",
            "",
            "",
            "",
            gdc().requiredServices(),
            true,
            false,
            List.of(),
            List.of(),
            "",
            16,
            48,
            List.of("serviceAccount:ci@p.iam.gserviceaccount.com"));
    String rule =
        "\"ingressPolicies\": ["
            + ingress(
                "serviceAccount:ci@p.iam.gserviceaccount.com",
                "[{\"resource\": \"*\"}]",
                "logging.googleapis.com",
                "[\"*\"]")
            + "]";
    String json =
        "[{\"name\": \"accessPolicies/111/servicePerimeters/gdc\", \"status\": "
            + config(rule)
            + "}]";
    AuditResult strict = audit(json, levels());
    assertThat(fired(strict)).containsExactly("ingress-from-any-network error enforced");
    AuditResult accepted =
        AuditEngine.audit(
            new AuditInput(
                new ProjectRef(null, PROJECT),
                perimeters(json),
                accepting,
                null,
                List.of(),
                AccessLevels.of(levels())),
            "file",
            null,
            null);
    assertThat(accepted.findings()).isEmpty();
  }

  @Test
  void aProfileCanAcceptAnIdentityType() {
    var accepting =
        new dev.vpcscaudit.profile.Profile(
            "p",
            "",
            "",
            "",
            "",
            gdc().requiredServices(),
            true,
            false,
            List.of(),
            List.of(),
            "",
            16,
            48,
            List.of("ANY_USER_ACCOUNT"));
    String rule = "\"ingressPolicies\": [" + ingress("ANY_USER_ACCOUNT", "", "*", "[\"*\"]") + "]";
    AuditResult r =
        AuditEngine.audit(
            new AuditInput(
                new ProjectRef(null, PROJECT),
                perimeters(
                    "[{\"name\": \"accessPolicies/111/servicePerimeters/gdc\", \"status\": "
                        + config(rule)
                        + "}]"),
                accepting,
                null,
                List.of(),
                AccessLevels.of(levels())),
            "file",
            null,
            null);
    assertThat(r.findings()).isEmpty();
  }
}
