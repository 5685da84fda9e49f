package dev.vpcscaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.vpcscaudit.testing.Cli;
import dev.vpcscaudit.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * gcloud prints YAML unless told {@code --format=json}: a YAML export (one document per perimeter,
 * keys sorted, as {@code perimeters list} prints it; or one {@code describe} document) gives the
 * same report as the JSON one, in every format.
 */
class YamlExportTest {

  @TempDir Path dir;

  static String yaml(JsonNode perimeters) throws Exception {
    ObjectMapper yaml =
        new ObjectMapper(
                new YAMLFactory()
                    .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES))
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    StringBuilder out = new StringBuilder();
    for (JsonNode p : perimeters) {
      if (out.length() > 0) {
        out.append("---\n");
      }
      // Sorted keys, as gcloud's YAML printer writes them.
      out.append(yaml.writeValueAsString(yaml.convertValue(p, java.util.TreeMap.class)));
    }
    return out.toString();
  }

  @Test
  void aYamlExportGivesTheSameReportsAsItsJson() throws Exception {
    Path json = Fixtures.repoRoot().resolve("samples/gdc-perimeters.json");
    Path yamlFile =
        Files.writeString(
            dir.resolve("perimeters.yaml"), yaml(new ObjectMapper().readTree(json.toFile())));
    assertThat(Files.readString(yamlFile)).contains("---\n", "name: accessPolicies/");

    for (String format : new String[] {"json", "text", "sarif", "junit", "markdown"}) {
      Cli.Result fromJson =
          Cli.run(
              "audit",
              "--project",
              Fixtures.PROJECT,
              "--from-file",
              json.toString(),
              "--format",
              format);
      Cli.Result fromYaml =
          Cli.run(
              "audit",
              "--project",
              Fixtures.PROJECT,
              "--from-file",
              yamlFile.toString(),
              "--format",
              format);
      assertThat(fromYaml.code()).as(fromYaml.err()).isEqualTo(fromJson.code()).isEqualTo(1);
      String a = fromJson.out().replace(json.toString(), "FILE");
      String b = fromYaml.out().replace(yamlFile.toString(), "FILE");
      if (format.equals("sarif")) {
        // The SARIF regions point into each file's own text; the results are the same.
        a = a.replaceAll("\"region\"[^}]*}", "");
        b = b.replaceAll("\"region\"[^}]*}", "");
      }
      assertThat(b).as(format).isEqualTo(a);
    }
  }

  @Test
  void oneDescribedPerimeterInYamlIsReadToo() throws Exception {
    JsonNode all =
        new ObjectMapper()
            .readTree(Fixtures.repoRoot().resolve("samples/gdc-perimeters.json").toFile());
    JsonNode gdc = null;
    for (JsonNode p : all) {
      if (p.path("name").asText().endsWith("/gdc_prod")) {
        gdc = p;
      }
    }
    Path file =
        Files.writeString(
            dir.resolve("describe.yaml"), yaml(new ObjectMapper().createArrayNode().add(gdc)));
    Cli.Result r =
        Cli.run(
            "audit",
            "--project",
            Fixtures.PROJECT,
            "--from-file",
            file.toString(),
            "--format",
            "json");
    assertThat(r.code()).as(r.err()).isEqualTo(1);
    assertThat(r.out()).contains("servicePerimeters/gdc_prod");
  }
}
