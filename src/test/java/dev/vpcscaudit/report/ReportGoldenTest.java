package dev.vpcscaudit.report;

import static dev.vpcscaudit.testing.Fixtures.compliantConfig;
import static dev.vpcscaudit.testing.Fixtures.perimeter;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vpcscaudit.audit.AuditEngine;
import dev.vpcscaudit.audit.AuditResult;
import dev.vpcscaudit.model.ProjectRef;
import dev.vpcscaudit.model.ServicePerimeter;
import dev.vpcscaudit.source.PerimeterFiles;
import dev.vpcscaudit.testing.Fixtures;
import dev.vpcscaudit.testing.Golden;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Text and JSON reports compared exactly with golden files. */
public class ReportGoldenTest {

  static AuditResult sample() {
    List<ServicePerimeter> perimeters =
        PerimeterFiles.read(Fixtures.repoRoot().resolve("samples/gdc-perimeters.json"));
    return AuditEngine.audit(
        new ProjectRef("gdc-prod", Fixtures.PROJECT), perimeters, Fixtures.gdc(), "file");
  }

  private static AuditResult of(String json) {
    return AuditEngine.audit(
        new ProjectRef(null, Fixtures.PROJECT), Fixtures.perimeters(json), Fixtures.gdc(), "file");
  }

  /** Three projects of an organization: the sample's, a compliant one and an unreadable one. */
  private static OrgReport organization() {
    return organization(dev.vpcscaudit.i18n.Messages.EN);
  }

  /** As {@link #organization()}, in the language of {@code m}. */
  static OrgReport organization(dev.vpcscaudit.i18n.Messages m) {
    AuditResult compliant =
        AuditEngine.audit(
            new ProjectRef(null, "42"),
            Fixtures.perimeters("[" + perimeter("gdc", compliantConfig()) + "]"),
            Fixtures.gdc(),
            "file");
    return new OrgReport(
        "organizations/9000",
        Fixtures.gdc(),
        "file",
        false,
        false,
        List.of(
            new ProjectOutcome(new ProjectRef("gdc-prod", Fixtures.PROJECT), sample(), null),
            new ProjectOutcome(new ProjectRef(null, "42"), compliant, null),
            new ProjectOutcome(
                new ProjectRef("gone-project", null),
                null,
                dev.vpcscaudit.i18n.Text.verbatim("not found"))),
        m);
  }

  @Test
  void organizationInEveryFormat() throws Exception {
    String text =
        java.nio.file.Files.readString(Fixtures.repoRoot().resolve("samples/gdc-perimeters.json"));
    Golden.assertMatches(
        organization().sarif("0.0.0", SarifReport.Artifact.of("samples/gdc-perimeters.json", text)),
        "report/organization.sarif");
    Golden.assertMatches(organization().json("0.0.0"), "report/organization.json");
    Golden.assertMatches(organization().junit(), "report/organization.junit.xml");
    Golden.assertMatches(organization().text(false, 100), "report/organization.txt");
    Golden.assertMatches(organization().markdown(), "report/organization.md");
  }

  @Test
  void sampleText() {
    Golden.assertMatches(TextReport.render(sample(), false, ""), "report/sample.txt");
  }

  @Test
  void sampleTextInColour() {
    Golden.assertMatches(TextReport.render(sample(), true, ""), "report/sample-color.txt");
  }

  @Test
  void sampleJson() {
    Golden.assertMatches(JsonReport.render(sample(), "test"), "report/sample.json");
  }

  @Test
  void sampleSarifJunitMarkdown() throws Exception {
    AuditResult sample = sample();
    String sarif =
        SarifReport.render(
            sample,
            "0.0.0",
            SarifReport.Artifact.of(
                "samples/gdc-perimeters.json",
                java.nio.file.Files.readString(
                    Fixtures.repoRoot().resolve("samples/gdc-perimeters.json"))));
    Golden.assertMatches(sarif, "report/sample.sarif");
    Golden.assertMatches(JUnitReport.render(sample), "report/sample.junit.xml");
    Golden.assertMatches(
        MarkdownReport.render(sample, "vpcsc-audit plan --project 123456789012"),
        "report/sample.md");

    // SARIF: every finding is a result with a rule of the catalogue and a stable fingerprint.
    com.fasterxml.jackson.databind.JsonNode run =
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(sarif).path("runs").get(0);
    assertThat(run.path("results")).hasSize(sample.findings().size());
    for (com.fasterxml.jackson.databind.JsonNode r : run.path("results")) {
      int index = r.path("ruleIndex").asInt();
      assertThat(run.path("tool").path("driver").path("rules").get(index).path("id").asText())
          .isEqualTo(r.path("ruleId").asText());
      assertThat(r.path("partialFingerprints").path(SarifReport.FINGERPRINT).asText()).isNotEmpty();
    }
    assertThat(run.path("results").findValuesAsText(SarifReport.FINGERPRINT))
        .doesNotHaveDuplicates();

    // JUnit: well-formed, one failure per finding.
    org.w3c.dom.Document doc =
        javax.xml.parsers.DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(
                new java.io.ByteArrayInputStream(
                    JUnitReport.render(sample).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    assertThat(doc.getElementsByTagName("failure").getLength()).isEqualTo(sample.findings().size());
    assertThat(doc.getDocumentElement().getAttribute("failures"))
        .isEqualTo(String.valueOf(sample.findings().size()));
  }

  @Test
  void compliantJunitHasOnlyPassingCases() throws Exception {
    AuditResult result = of("[" + perimeter("gdc", compliantConfig()) + "]");
    String xml = JUnitReport.render(result);
    Golden.assertMatches(xml, "report/compliant.junit.xml");
    assertThat(xml)
        .doesNotContain("<failure")
        .contains("tests=\"33\""); // 30, and the three ingress and egress checks
    Golden.assertMatches(MarkdownReport.render(result, "unused"), "report/compliant.md");
  }

  @Test
  void markdownEscapesTableBreakers() {
    assertThat(MarkdownReport.text("a|b *c* <x> `y`\nz"))
        .isEqualTo("a\\|b \\*c\\* \\<x\\> \\`y\\` z");
  }

  @Test
  void sampleWithSupportedServices() {
    List<ServicePerimeter> perimeters =
        PerimeterFiles.read(Fixtures.repoRoot().resolve("samples/gdc-perimeters.json"));
    AuditResult result =
        AuditEngine.audit(
            new ProjectRef("gdc-prod", Fixtures.PROJECT),
            perimeters,
            Fixtures.gdc(),
            "file",
            dev.vpcscaudit.codec.SupportedServicesReader.read(
                Fixtures.repoRoot().resolve("samples/supported-services.json")),
            null);
    Golden.assertMatches(TextReport.render(result, false, ""), "report/sample-services.txt");
    Golden.assertMatches(JUnitReport.render(result), "report/sample-services.junit.xml");
  }

  @Test
  void compliantText() {
    AuditResult result = of("[" + perimeter("gdc", compliantConfig()) + "]");
    Golden.assertMatches(TextReport.render(result, false, ""), "report/compliant.txt");
    Golden.assertMatches(JsonReport.render(result, "test"), "report/compliant.json");
  }

  @Test
  void noPerimeterText() {
    AuditResult result = of("[]");
    Golden.assertMatches(TextReport.render(result, false, ""), "report/no-perimeter.txt");
    Golden.assertMatches(JsonReport.render(result, "test"), "report/no-perimeter.json");
  }

  /** A dry-run spec that stages every required service while the status lacks four. */
  public static String stagedNotEnforced() {
    List<String> required = Fixtures.gdc().requiredServices();
    String status =
        Fixtures.config(
            Fixtures.jsonList(required.subList(4, required.size())), Fixtures.VPC_RESTRICTED);
    return "[" + perimeter("gdc", status, compliantConfig()) + "]";
  }

  @Test
  void stagedButNotEnforcedNamesTheEnforceStep() {
    AuditResult result = of(stagedNotEnforced());
    String plan = "vpcsc-audit plan --project 123456789012 --from-file staged.json";
    Golden.assertMatches(TextReport.render(result, false, plan), "report/staged.txt");
    Golden.assertMatches(MarkdownReport.render(result, plan), "report/staged.md");
    assertThat(TextReport.render(result, false, plan))
        .contains("--as gcloud --stage enforce")
        .contains("perimeters dry-run enforce gdc --policy=111");
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(ints = {60, 80, 120})
  void textWrapsAtTheWidthBetweenNames(int width) {
    AuditResult sample = sample();
    String text = TextReport.render(sample, false, "vpcsc-audit plan --project 1", width);
    for (String line : text.lines().toList()) {
      boolean command = line.startsWith("To fix: ") || line.startsWith("        ");
      boolean heading =
          line.startsWith("VPC Service Controls audit")
              || line.startsWith("Profile:")
              || line.startsWith("Supported services:")
              || line.startsWith("DNS:")
              || line.startsWith("Access levels:")
              || line.startsWith("  accessPolicies/")
              || line.startsWith("ENFORCED")
              || line.startsWith("DRY-RUN")
              || line.startsWith("Not compliant");
      if (!command && !heading) {
        assertThat(line.length()).as(line).isLessThanOrEqualTo(width);
      }
    }
    // Every service name stands whole on one line.
    for (String service : sample.profile().requiredServices()) {
      if (sample.findings().stream().anyMatch(f -> service.equals(f.service()))) {
        assertThat(text).contains(service);
      }
    }
  }
}
