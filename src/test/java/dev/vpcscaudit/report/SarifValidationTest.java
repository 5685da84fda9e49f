package dev.vpcscaudit.report;

import static dev.vpcscaudit.testing.Fixtures.compliantConfig;
import static dev.vpcscaudit.testing.Fixtures.perimeter;

import dev.vpcscaudit.audit.AuditEngine;
import dev.vpcscaudit.audit.AuditResult;
import dev.vpcscaudit.codec.SupportedServicesReader;
import dev.vpcscaudit.model.DnsAnswer;
import dev.vpcscaudit.model.ProjectRef;
import dev.vpcscaudit.source.PerimeterFiles;
import dev.vpcscaudit.testing.Fixtures;
import dev.vpcscaudit.testing.SarifValidator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every SARIF report the suite produces (the golden, live and offline, relative and absolute paths,
 * services, DNS and network findings, compliant, no perimeter) passes Microsoft's SARIF validator
 * with no error and no warning.
 */
class SarifValidationTest {

  @TempDir Path dir;

  @Test
  void everyReportPassesTheValidator() throws Exception {
    Path reports = Files.createDirectories(dir.resolve("reports"));
    Files.copy(
        Fixtures.repoRoot().resolve("src/test/resources/golden/report/sample.sarif"),
        reports.resolve("golden.sarif"));
    Files.copy(
        Fixtures.repoRoot().resolve("src/test/resources/golden/report/organization.sarif"),
        reports.resolve("golden-organization.sarif"));

    Path samplePath = Fixtures.repoRoot().resolve("samples/gdc-perimeters.json");
    String sampleText = Files.readString(samplePath);
    ProjectRef project = new ProjectRef("gdc-prod", Fixtures.PROJECT);
    AuditResult sample =
        AuditEngine.audit(
            project,
            PerimeterFiles.read(samplePath),
            Fixtures.gdc(),
            "file",
            SupportedServicesReader.read(
                Fixtures.repoRoot().resolve("samples/supported-services.json")),
            List.of(
                new DnsAnswer(
                    "restricted.googleapis.com", true, List.of("199.36.153.4"), List.of()),
                new DnsAnswer("logging.googleapis.com", false, List.of(), List.of()),
                new DnsAnswer("storage.googleapis.com", true, List.of("199.36.153.9"), List.of())));
    String version = dev.vpcscaudit.ToolVersion.get();
    write(reports, "live", SarifReport.render(sample, version));
    write(
        reports,
        "absolute",
        SarifReport.render(
            sample, version, SarifReport.Artifact.of(samplePath.toString(), sampleText)));
    write(
        reports,
        "relative",
        SarifReport.render(
            sample, version, SarifReport.Artifact.of("samples/gdc-perimeters.json", sampleText)));
    AuditResult compliant =
        AuditEngine.audit(
            project,
            Fixtures.perimeters("[" + perimeter("gdc", compliantConfig()) + "]"),
            Fixtures.gdc(),
            "file");
    write(reports, "compliant", SarifReport.render(compliant, version));
    // Network findings (--network): every network rule fires across the catalogue's scenarios.
    int n = 0;
    for (AuditResult r : dev.vpcscaudit.audit.RulesTest.scenarios()) {
      if (r.networkChecked() != null) {
        write(reports, "network-" + n++, SarifReport.render(r, version));
      }
    }
    org.assertj.core.api.Assertions.assertThat(n).as("network scenarios").isEqualTo(2);
    AuditResult none = AuditEngine.audit(project, List.of(), Fixtures.gdc(), "file");
    write(
        reports,
        "no-perimeter",
        SarifReport.render(none, version, SarifReport.Artifact.of("empty.json", "[]\n")));

    OrgReport org =
        new OrgReport(
            "organizations/9000",
            Fixtures.gdc(),
            "api",
            true,
            true,
            List.of(
                new ProjectOutcome(project, sample, null),
                new ProjectOutcome(new ProjectRef(null, "42"), compliant, null),
                new ProjectOutcome(
                    new ProjectRef("gone-project", null),
                    null,
                    dev.vpcscaudit.i18n.Text.verbatim("not found"))));
    write(reports, "organization", org.sarif(version, null));
    OrgReport unreadableOnly =
        new OrgReport(
            "organizations/9000",
            Fixtures.gdc(),
            "api",
            false,
            false,
            List.of(
                new ProjectOutcome(
                    new ProjectRef("gone-project", null),
                    null,
                    dev.vpcscaudit.i18n.Text.verbatim("not found"))));
    write(reports, "organization-unreadable", unreadableOnly.sarif(version, null));

    SarifValidator.assertValid(reports);
  }

  private static void write(Path dir, String name, String sarif) throws Exception {
    Files.writeString(dir.resolve(name + ".sarif"), sarif);
  }
}
