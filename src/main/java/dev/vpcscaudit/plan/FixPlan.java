package dev.vpcscaudit.plan;

import dev.vpcscaudit.audit.Stage;
import dev.vpcscaudit.i18n.Messages;
import dev.vpcscaudit.i18n.Text;
import dev.vpcscaudit.model.ProjectRef;
import dev.vpcscaudit.profile.Profile;
import java.util.List;

/**
 * What to change so that the audit of {@code projects} passes in the staged mode: the input of the
 * gcloud and Terraform renderers.
 *
 * @param projects the projects planned (one for {@code --project}, many for a selection)
 * @param unfixed the findings of this stage that no additive change fixes, with their steps
 * @param notes why the plan chose what it did (e.g. which perimeter gets the project)
 * @param verifyCommand the audit command to rerun after applying, for the plan's header
 * @param networkActions additive changes to the VPC network of {@code --network} (routes, Cloud
 *     Router advertisements, Cloud DNS); they have no dry-run mode
 * @param gate the audit logs read for the plan ({@code --violations}, {@code --violations-file}),
 *     or null when none were read
 */
public record FixPlan(
    List<ProjectRef> projects,
    Profile profile,
    Stage stage,
    List<PerimeterChange> perimeters,
    List<Planner.Unfixed> unfixed,
    List<Text> notes,
    String verifyCommand,
    List<dev.vpcscaudit.network.NetworkAction> networkActions,
    Gate gate) {

  /**
   * The evidence an enforce plan is gated on: the denials read from the audit logs, and whether the
   * user accepted them ({@code --accept-violations}).
   */
  public record Gate(dev.vpcscaudit.audit.Violations read, boolean accepted) {}

  /** A plan with no log read. */
  public FixPlan(
      List<ProjectRef> projects,
      Profile profile,
      Stage stage,
      List<PerimeterChange> perimeters,
      List<Planner.Unfixed> unfixed,
      List<Text> notes,
      String verifyCommand,
      List<dev.vpcscaudit.network.NetworkAction> networkActions) {
    this(projects, profile, stage, perimeters, unfixed, notes, verifyCommand, networkActions, null);
  }

  /** The same plan, gated on {@code read} (null: no log read). */
  public FixPlan withGate(dev.vpcscaudit.audit.Violations read, boolean accepted) {
    return new FixPlan(
        projects,
        profile,
        stage,
        perimeters,
        unfixed,
        notes,
        verifyCommand,
        networkActions,
        read == null ? null : new Gate(read, accepted));
  }

  /**
   * Whether the change to this perimeter is held back: an enforce plan, a log read, and the
   * perimeter's dry-run config denied requests in it that the user did not accept. Enforcing would
   * cut those requests off.
   */
  public boolean held(PerimeterChange change) {
    return gate != null
        && !gate.accepted()
        && stage == Stage.ENFORCE
        && gate.read().deniedCount(change.before().name(), true) > 0;
  }

  /** The perimeter changes held back (see {@link #held}). */
  public List<PerimeterChange> heldBack() {
    return perimeters.stream().filter(this::held).toList();
  }

  /** This plan without the changes held back: what a script runs. */
  public FixPlan withoutHeld() {
    return new FixPlan(
        projects,
        profile,
        stage,
        perimeters.stream().filter(c -> !held(c)).toList(),
        unfixed,
        notes,
        verifyCommand,
        networkActions,
        gate);
  }

  public FixPlan {
    projects = List.copyOf(projects);
    perimeters = List.copyOf(perimeters);
    unfixed = List.copyOf(unfixed);
    notes = List.copyOf(notes);
    networkActions = List.copyOf(networkActions);
  }

  /** The header's "Project:" or "Projects:" value. */
  public String subject() {
    if (projects.size() == 1) {
      return projects.get(0).display();
    }
    int shown = Math.min(projects.size(), 10);
    return projects.size()
        + " ("
        + String.join(", ", projects.subList(0, shown).stream().map(ProjectRef::display).toList())
        + (projects.size() > shown ? " and " + (projects.size() - shown) + " more" : "")
        + ")";
  }

  /** "Project" or "Projects" in the language of {@code m}. */
  public String subjectLabel(Messages m) {
    return m.get(projects.size() == 1 ? "plan.subject.one" : "plan.subject");
  }

  public boolean isEmpty() {
    return perimeters.isEmpty() && networkActions.isEmpty();
  }
}
