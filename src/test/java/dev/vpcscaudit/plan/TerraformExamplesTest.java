package dev.vpcscaudit.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.bertramlabs.plugins.hcl4j.HCLParser;
import dev.vpcscaudit.model.ProjectRef;
import dev.vpcscaudit.testing.Fixtures;
import dev.vpcscaudit.testing.Golden;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** terraform-examples/ parses, and its generated file is what the renderer writes today. */
class TerraformExamplesTest {

  static final Path EXAMPLES = Fixtures.repoRoot().resolve("terraform-examples");

  @Test
  void adoptExistingIsTheRenderersOutputForTheSample() throws Exception {
    FixPlan plan =
        Planner.plan(
            new ProjectRef(null, Fixtures.PROJECT),
            PlanGoldenTest.sample(),
            Fixtures.gdc(),
            Stage.DRY_RUN,
            null,
            "vpcsc-audit audit --project 123456789012 --from-file samples/gdc-perimeters.json");
    Golden.assertFileMatches(TerraformRenderer.render(plan), EXAMPLES.resolve("adopt-existing/gdc_prod.tf"));
  }

  @Test
  @SuppressWarnings("unchecked")
  void everyExampleParsesAndTheFromScratchOneListsTheProfilesServices() throws Exception {
    for (String f : new String[] {"gdc-perimeter/main.tf", "adopt-existing/providers.tf", "adopt-existing/gdc_prod.tf"}) {
      assertThat(new HCLParser().parse(Files.readString(EXAMPLES.resolve(f)))).as(f).isNotEmpty();
    }
    Map<String, Object> main = new HCLParser().parse(Files.readString(EXAMPLES.resolve("gdc-perimeter/main.tf")));
    Map<String, Object> locals = (Map<String, Object>) main.get("locals");
    assertThat((java.util.List<Object>) locals.get("gdc_services"))
        .containsExactlyElementsOf(Fixtures.gdc().requiredServices().stream().map(s -> (Object) s).toList());
  }
}
