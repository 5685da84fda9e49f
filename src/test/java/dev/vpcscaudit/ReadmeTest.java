package dev.vpcscaudit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vpcscaudit.report.JsonReport;
import dev.vpcscaudit.testing.Fixtures;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README's (and docs/') checkable claims match the program; the README stays short. */
class ReadmeTest {

  static String readme() throws Exception {
    return Files.readString(Fixtures.repoRoot().resolve("README.md"));
  }

  static String reports() throws Exception {
    return Files.readString(Fixtures.repoRoot().resolve("docs/reports.md"));
  }

  /** A newcomer reads the README; the rest lives in docs/, linked from it. */
  @Test
  void theReadmeIsShortAndLinksEveryDocument() throws Exception {
    assertThat(readme().lines().count()).isLessThan(400);
    try (var docs = Files.list(Fixtures.repoRoot().resolve("docs"))) {
      for (var doc : docs.filter(d -> d.toString().endsWith(".md")).toList()) {
        assertThat(readme()).as(doc.getFileName().toString()).contains("docs/" + doc.getFileName());
      }
    }
  }

  @Test
  void theJsonExampleHasTheReportsFieldsAndTheToolsVersion() throws Exception {
    Matcher m =
        Pattern.compile("```json\\n(\\{\\n  \"schemaVersion\".*?)\\n```", Pattern.DOTALL)
            .matcher(reports());
    assertThat(m.find()).isTrue();
    JsonNode example = new ObjectMapper().readTree(m.group(1));
    assertThat(example.path("tool").path("version").asText()).isEqualTo(ToolVersion.get());
    assertThat(example.path("schemaVersion").asText()).isEqualTo(JsonReport.SCHEMA_VERSION);

    JsonNode real =
        new ObjectMapper()
            .readTree(
                dev.vpcscaudit.testing.Cli.run(
                        "audit",
                        "--project",
                        "123456789012",
                        "--from-file",
                        Fixtures.repoRoot().resolve("samples/gdc-perimeters.json").toString(),
                        "--format",
                        "json")
                    .out());
    List<String> exampleFields = new ArrayList<>();
    example.fieldNames().forEachRemaining(exampleFields::add);
    List<String> realFields = new ArrayList<>();
    real.fieldNames().forEachRemaining(realFields::add);
    assertThat(exampleFields).containsExactlyElementsOf(realFields);
  }

  @Test
  void everyReportFormatHasItsSectionUnderOutputFormats() throws Exception {
    String formats = reports();
    for (var f : dev.vpcscaudit.report.ReportFormat.values()) {
      assertThat(formats).as(f.name()).containsPattern("## .*" + f.name());
    }
  }

  @Test
  void noClaimThatOnlyGetIsEverSent() throws Exception {
    assertThat(readme() + reports()).doesNotContain("Only GET requests are ever sent");
  }
}
