package dev.vpcscaudit.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vpcscaudit.audit.Stage;
import dev.vpcscaudit.error.BadInputException;
import dev.vpcscaudit.model.ProjectRef;
import dev.vpcscaudit.model.ServicePerimeter;
import dev.vpcscaudit.testing.Fixtures;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Terraform renderer's refusals and names, beside the golden files of {@link PlanGoldenTest}.
 */
class TerraformRendererTest {

  private static ServicePerimeter perimeter(String json) {
    return Fixtures.perimeters(json).get(0);
  }

  @Test
  void addressesStayUniqueWhenAPerimeterIsNamedLikeAnotherOnesSuffix() {
    Map<String, Integer> used = new HashMap<>();
    List<String> addresses =
        List.of(
                "{\"name\": \"accessPolicies/1/servicePerimeters/a\"}",
                "{\"name\": \"accessPolicies/2/servicePerimeters/a\"}",
                "{\"name\": \"accessPolicies/1/servicePerimeters/a_2\"}",
                "{\"name\": \"accessPolicies/3/servicePerimeters/a\"}",
                "{\"name\": \"accessPolicies/2/servicePerimeters/a_2\"}")
            .stream()
            .map(j -> TerraformRenderer.address(perimeter(j), used))
            .toList();
    assertThat(addresses).doesNotHaveDuplicates().startsWith("a", "a_2", "a_2_1");
  }

  @Test
  void anExplicitEmptyDryRunSpecIsRefusedByName() {
    ServicePerimeter before =
        perimeter(
            "{\"name\": \"accessPolicies/1/servicePerimeters/p\", \"status\": {\"resources\":"
                + " [\"projects/"
                + Fixtures.PROJECT
                + "\"]}, \"spec\": {}, \"useExplicitDryRunSpec\": true}");
    PerimeterChange change =
        new PerimeterChange(
            before,
            List.of(
                new ConfigChange(
                    /* spec= */ false,
                    List.of(),
                    List.of("logging.googleapis.com"),
                    /* enableVpcRestriction= */ false,
                    List.of())),
            List.of());
    FixPlan plan =
        new FixPlan(
            List.of(new ProjectRef(null, Fixtures.PROJECT)),
            Fixtures.gdc(),
            Stage.ENFORCE,
            List.of(change),
            List.of(),
            List.of(),
            "vpcsc-audit audit",
            List.of());
    assertThatThrownBy(() -> TerraformRenderer.render(plan))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("accessPolicies/1/servicePerimeters/p: its explicit dry-run spec")
        .hasMessageContaining("use --as gcloud");
  }
}
