package dev.vpcscaudit.plan;

import dev.vpcscaudit.audit.Stage;
import dev.vpcscaudit.model.ProjectRef;
import dev.vpcscaudit.profile.Profile;
import java.util.List;

/**
 * What to change so that the audit of {@code project} passes in the staged mode: the input of the
 * gcloud and Terraform renderers.
 *
 * @param unfixed the findings of this stage that no additive change fixes, with their steps
 * @param notes why the plan chose what it did (e.g. which perimeter gets the project)
 * @param verifyCommand the audit command to rerun after applying, for the plan's header
 */
public record FixPlan(
    ProjectRef project,
    Profile profile,
    Stage stage,
    List<PerimeterChange> perimeters,
    List<Planner.Unfixed> unfixed,
    List<String> notes,
    String verifyCommand) {

  public FixPlan {
    perimeters = List.copyOf(perimeters);
    unfixed = List.copyOf(unfixed);
    notes = List.copyOf(notes);
  }

  public boolean isEmpty() {
    return perimeters.isEmpty();
  }
}
