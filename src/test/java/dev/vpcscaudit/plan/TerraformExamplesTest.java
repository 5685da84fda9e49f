package dev.vpcscaudit.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.bertramlabs.plugins.hcl4j.HCLParser;
import dev.vpcscaudit.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * terraform-examples/ parses; {@link PlanGoldenTest} checks that its generated file is what the
 * renderer writes today.
 */
class TerraformExamplesTest {

  static final Path EXAMPLES = Fixtures.repoRoot().resolve("terraform-examples");

  @Test
  @SuppressWarnings("unchecked")
  void everyExampleParsesAndTheFromScratchOneListsTheProfilesServices() throws Exception {
    for (String f :
        new String[] {
          "gdc-perimeter/main.tf",
          "adopt-existing/providers.tf",
          "adopt-existing/gdc_prod.tf",
          "restricted-vip-network/main.tf"
        }) {
      assertThat(new HCLParser().parse(Files.readString(EXAMPLES.resolve(f)))).as(f).isNotEmpty();
    }
    Map<String, Object> main =
        new HCLParser().parse(Files.readString(EXAMPLES.resolve("gdc-perimeter/main.tf")));
    Map<String, Object> locals = (Map<String, Object>) main.get("locals");
    assertThat((java.util.List<Object>) locals.get("gdc_services"))
        .containsExactlyElementsOf(
            Fixtures.gdc().requiredServices().stream().map(s -> (Object) s).toList());
  }

  @Test
  @SuppressWarnings("unchecked")
  void theNetworkExampleDeclaresWhatTheNetworkRulesCheck() throws Exception {
    String text = Files.readString(EXAMPLES.resolve("restricted-vip-network/main.tf"));
    Map<String, Object> hcl = new HCLParser().parse(text);
    Map<String, Object> locals = (Map<String, Object>) hcl.get("locals");
    assertThat(((Map<String, Object>) locals.get("zones")).keySet())
        .containsExactlyInAnyOrder("googleapis", "gcr-io", "pkg-dev");
    assertThat((java.util.List<Object>) locals.get("vip"))
        .containsExactly("199.36.153.4", "199.36.153.5", "199.36.153.6", "199.36.153.7");
    assertThat(text)
        .contains("dest_range       = \"199.36.153.4/30\"")
        .contains("next_hop_gateway = \"default-internet-gateway\"")
        .contains("advertised_groups = [\"ALL_SUBNETS\"]")
        .contains("range = \"199.36.153.4/30\"")
        .contains("enable_inbound_forwarding = true")
        .contains("apex = \"restricted.googleapis.com.\"");
  }

  @Test
  void everyTerraformFileOfTheRepositoryIsCanonical() throws Exception {
    java.util.List<Path> files;
    try (java.util.stream.Stream<Path> walk =
        Files.walk(Fixtures.repoRoot())
            .filter(p -> p.toString().endsWith(".tf"))
            .filter(p -> !p.toString().contains("/target/") && !p.toString().contains("/.git/"))) {
      files = walk.toList();
    }
    assertThat(files).hasSizeGreaterThanOrEqualTo(8);
    for (Path f : files) {
      dev.vpcscaudit.testing.TerraformFmt.assertCanonical(f, f.toString());
    }
  }
}
