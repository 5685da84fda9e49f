package dev.vpcscaudit.plan;

import dev.vpcscaudit.model.ProjectRef;
import dev.vpcscaudit.profile.Profile;
import java.util.List;

/**
 * What to change so that the audit of {@code project} passes in the staged mode: the input of the
 * gcloud and Terraform renderers.
 *
 * @param verifyCommand the audit command to rerun after applying, for the plan's header
 */
public record FixPlan(
    ProjectRef project,
    Profile profile,
    Stage stage,
    List<PerimeterChange> perimeters,
    String verifyCommand) {

  public FixPlan {
    perimeters = List.copyOf(perimeters);
  }

  public boolean isEmpty() {
    return perimeters.isEmpty();
  }
}
