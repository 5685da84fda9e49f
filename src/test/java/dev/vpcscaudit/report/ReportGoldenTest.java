package dev.vpcscaudit.report;

import static dev.vpcscaudit.testing.Fixtures.compliantConfig;
import static dev.vpcscaudit.testing.Fixtures.perimeter;

import dev.vpcscaudit.audit.AuditEngine;
import dev.vpcscaudit.audit.AuditResult;
import dev.vpcscaudit.gcp.PerimeterFiles;
import dev.vpcscaudit.model.ProjectRef;
import dev.vpcscaudit.model.ServicePerimeter;
import dev.vpcscaudit.testing.Fixtures;
import dev.vpcscaudit.testing.Golden;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Text and JSON reports compared exactly with golden files. */
class ReportGoldenTest {

  private static AuditResult sample() {
    List<ServicePerimeter> perimeters =
        PerimeterFiles.read(Fixtures.repoRoot().resolve("samples/gdc-perimeters.json"));
    return AuditEngine.audit(new ProjectRef("gdc-prod", Fixtures.PROJECT), perimeters, Fixtures.gdc(), "file");
  }

  private static AuditResult of(String json) {
    return AuditEngine.audit(new ProjectRef(null, Fixtures.PROJECT), Fixtures.perimeters(json), Fixtures.gdc(), "file");
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
}
