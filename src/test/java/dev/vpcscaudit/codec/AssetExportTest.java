package dev.vpcscaudit.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vpcscaudit.testing.Cli;
import dev.vpcscaudit.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cloud Asset Inventory exports of access policies ({@code gcloud asset export
 * --content-type=access-policy}): JSON lines or an array, REST camelCase or the snake_case of
 * exports and policy-library fixtures, with access policy and level assets mixed in. The audit of
 * the sample as assets equals the audit of the sample as a gcloud listing.
 */
public class AssetExportTest {

  @TempDir Path dir;
  final ObjectMapper json = new ObjectMapper();

  JsonNode sample() throws Exception {
    return json.readTree(Fixtures.repoRoot().resolve("samples/gdc-perimeters.json").toFile());
  }

  public static JsonNode snake(JsonNode node) {
    if (node.isObject()) {
      ObjectNode out = new ObjectMapper().createObjectNode();
      node.properties()
          .forEach(
              e ->
                  out.set(
                      e.getKey().replaceAll("([A-Z])", "_$1").toLowerCase(), snake(e.getValue())));
      return out;
    }
    if (node.isArray()) {
      ArrayNode out = new ObjectMapper().createArrayNode();
      node.forEach(n -> out.add(snake(n)));
      return out;
    }
    return node;
  }

  String asAssets(boolean snakeCase) throws Exception {
    StringBuilder lines = new StringBuilder();
    ObjectNode policy = json.createObjectNode();
    policy.put(
        snakeCase ? "asset_type" : "assetType", "accesscontextmanager.googleapis.com/AccessPolicy");
    policy.put("name", "//accesscontextmanager.googleapis.com/accessPolicies/587139914682");
    policy
        .putObject(snakeCase ? "access_policy" : "accessPolicy")
        .put("name", "accessPolicies/587139914682");
    lines.append(policy).append('\n');
    for (JsonNode p : sample()) {
      ObjectNode asset = json.createObjectNode();
      asset.put("name", "//accesscontextmanager.googleapis.com/" + p.path("name").asText());
      asset.put(
          snakeCase ? "asset_type" : "assetType",
          "accesscontextmanager.googleapis.com/ServicePerimeter");
      asset.set(snakeCase ? "service_perimeter" : "servicePerimeter", snakeCase ? snake(p) : p);
      asset.putArray("ancestors").add("organizations/9000");
      lines.append(asset).append('\n');
    }
    return lines.toString();
  }

  Cli.Result audit(Path file) {
    return Cli.run(
        "audit", "--project", Fixtures.PROJECT, "--from-file", file.toString(), "--format", "json");
  }

  @Test
  void snakeCaseJsonLinesAuditLikeTheListing() throws Exception {
    Path assets = Files.writeString(dir.resolve("assets.json"), asAssets(true));
    Cli.Result viaAssets = audit(assets);
    Cli.Result viaListing = audit(Fixtures.repoRoot().resolve("samples/gdc-perimeters.json"));

    assertThat(viaAssets.code()).as(viaAssets.err()).isEqualTo(viaListing.code());
    assertThat(json.readTree(viaAssets.out()).get("findings"))
        .isEqualTo(json.readTree(viaListing.out()).get("findings"));
    assertThat(json.readTree(viaAssets.out()).get("perimeters"))
        .isEqualTo(json.readTree(viaListing.out()).get("perimeters"));
  }

  @Test
  void camelCaseArrayAuditsLikeTheListing() throws Exception {
    ArrayNode array = json.createArrayNode();
    for (String line : asAssets(false).split("\n")) {
      array.add(json.readTree(line));
    }
    Path assets = Files.writeString(dir.resolve("assets-array.json"), array.toString());
    Cli.Result viaAssets = audit(assets);
    Cli.Result viaListing = audit(Fixtures.repoRoot().resolve("samples/gdc-perimeters.json"));

    assertThat(json.readTree(viaAssets.out()).get("findings"))
        .isEqualTo(json.readTree(viaListing.out()).get("findings"));
  }

  @Test
  void numericPerimeterTypesAreRead() {
    JsonNode camel =
        PerimeterJsonReader.camelCase(
            new ObjectMapper()
                .valueToTree(Map.of("perimeter_type", 1, "use_explicit_dry_run_spec", true)),
            "asset 1",
            "test");
    assertThat(camel.path("perimeterType").asText()).isEqualTo("PERIMETER_TYPE_BRIDGE");
    assertThat(camel.path("useExplicitDryRunSpec").asBoolean()).isTrue();
  }
}
