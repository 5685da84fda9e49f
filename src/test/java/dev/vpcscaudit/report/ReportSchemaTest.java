package dev.vpcscaudit.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.vpcscaudit.audit.AuditResult;
import dev.vpcscaudit.audit.RulesTest;
import dev.vpcscaudit.testing.Fixtures;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The JSON report validates against the schema users get in {@code docs/report.schema.json}, for
 * scenarios that between them fire every rule and every kind of remedy; and the schema is strict
 * enough to catch a report that lost its coverage or a remedy.
 */
public class ReportSchemaTest {

  static final ObjectMapper JSON = new ObjectMapper();

  public static JsonSchema schema() throws Exception {
    JsonNode schema =
        JSON.readTree(Files.readString(Fixtures.repoRoot().resolve("docs/report.schema.json")));
    return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema);
  }

  @Test
  void everyScenarioReportValidatesAndEveryRemedyKindAppears() throws Exception {
    JsonSchema schema = schema();
    Set<String> kinds = new HashSet<>();
    for (AuditResult result : RulesTest.scenarios()) {
      JsonNode report = JSON.readTree(JsonReport.render(result, "test"));
      Set<ValidationMessage> errors = schema.validate(report);
      assertThat(errors).as(report.toString()).isEmpty();
      report
          .path("findings")
          .forEach(f -> kinds.add(f.path("remedy").path("enforce").path("kind").asText()));
      report
          .path("findings")
          .forEach(f -> kinds.add(f.path("remedy").path("dry-run").path("kind").asText()));
    }
    assertThat(kinds).containsExactlyInAnyOrder("fix", "network-fix", "manual", "needs-choice");
  }

  @Test
  void aReportWithoutCoverageOrWithAFindingWithoutRemedyIsRefused() throws Exception {
    JsonSchema schema = schema();
    com.fasterxml.jackson.databind.node.ObjectNode report =
        (com.fasterxml.jackson.databind.node.ObjectNode)
            JSON.readTree(JsonReport.render(RulesTest.scenarios().get(1), "test"));
    com.fasterxml.jackson.databind.node.ObjectNode noCoverage = report.deepCopy();
    noCoverage.remove("coverage");
    assertThat(schema.validate(noCoverage)).isNotEmpty();
    com.fasterxml.jackson.databind.node.ObjectNode noRemedy = report.deepCopy();
    ((com.fasterxml.jackson.databind.node.ObjectNode) noRemedy.path("findings").get(0))
        .remove("remedy");
    assertThat(schema.validate(noRemedy)).isNotEmpty();
  }
}
