package dev.vpcscaudit.audit.rules;

import dev.vpcscaudit.audit.AuditInput;
import dev.vpcscaudit.audit.BaseRule;
import dev.vpcscaudit.audit.Category;
import dev.vpcscaudit.audit.Commands;
import dev.vpcscaudit.audit.ConfigTarget;
import dev.vpcscaudit.audit.Edit;
import dev.vpcscaudit.audit.FixAction;
import dev.vpcscaudit.audit.Mode;
import dev.vpcscaudit.audit.ProjectRule;
import dev.vpcscaudit.audit.Remedies;
import dev.vpcscaudit.audit.Remedy;
import dev.vpcscaudit.audit.Severity;
import dev.vpcscaudit.i18n.Text;
import dev.vpcscaudit.model.ServicePerimeter;
import java.util.List;

/**
 * {@code project-not-in-perimeter}. Enforced: no regular perimeter's status holds the project (a
 * bridge does not count). Dry-run: a regular perimeter holds it when enforced, but none does in the
 * dry-run view, so enforcing the staged specs would leave it unprotected.
 *
 * <p>Remedies keep the one-regular-perimeter invariant: the project is added to one perimeter per
 * policy only, the {@code --target-perimeter} or, when its membership is already staged, the first
 * (by name) perimeter whose explicit spec holds it.
 */
public final class ProjectNotInPerimeter extends BaseRule implements ProjectRule {

  public ProjectNotInPerimeter() {
    super("project-not-in-perimeter", Category.PERIMETER);
  }

  @Override
  public void check(AuditInput in, Results out) {
    String resource = in.resource();
    List<ServicePerimeter> regular = in.regular();
    List<ServicePerimeter> enforced =
        regular.stream().filter(p -> p.enforcedConfig().holds(resource)).toList();
    boolean dryRunEvaluated =
        in.perimeters().stream()
            .anyMatch(p -> p.useExplicitDryRunSpec() && p.dryRunConfig().holds(resource));
    if (enforced.isEmpty()) {
      List<String> bridges =
          in.perimeters().stream()
              .filter(p -> !p.isRegular() && p.enforcedConfig().holds(resource))
              .map(ServicePerimeter::name)
              .toList();
      out.check(
          Mode.ENFORCED,
          Severity.ERROR,
          bridges.isEmpty()
              ? text("message", resource)
              : text("bridge", resource, String.join(", ", bridges)),
          notEnforcedRemedies(in, regular));
      if (dryRunEvaluated) {
        out.pass(Mode.DRY_RUN);
      }
      return;
    }
    out.pass(Mode.ENFORCED);
    boolean heldInDryRunView = regular.stream().anyMatch(p -> p.dryRunConfig().holds(resource));
    if (heldInDryRunView) {
      if (dryRunEvaluated) {
        out.pass(Mode.DRY_RUN);
      }
      return;
    }
    List<FixAction> readd =
        enforced.stream()
            .map(p -> new FixAction(p.name(), ConfigTarget.SPEC, new Edit.AddResource(resource)))
            .toList();
    out.check(
        Mode.DRY_RUN,
        Severity.WARNING,
        text(
            "dry-run",
            resource,
            String.join(", ", enforced.stream().map(ServicePerimeter::name).toList())),
        Remedies.both(new Remedy.Fix(readd)));
  }

  /** No regular status holds the project: enforce a staged membership, or add it to the target. */
  private Remedies notEnforcedRemedies(AuditInput in, List<ServicePerimeter> regular) {
    String resource = in.resource();
    List<ServicePerimeter> staged =
        regular.stream()
            .filter(p -> p.useExplicitDryRunSpec() && p.dryRunConfig().holds(resource))
            .toList();
    ServicePerimeter target =
        in.targetPerimeter() == null ? null : in.perimeter(in.targetPerimeter());
    Remedy choose = new Remedy.NeedsChoice(text("choose", resource, candidates(in, regular)));
    Remedy dryRun;
    Remedy enforce;
    if (!staged.isEmpty()) {
      ServicePerimeter chosen = target != null ? target : staged.get(0);
      dryRun = Commands.alreadyStaged(chosen);
      Text note =
          staged.size() > 1 && target == null
              ? text(
                  "staged-twice",
                  resource,
                  staged.size(),
                  String.join(", ", staged.stream().map(ServicePerimeter::name).toList()),
                  chosen.name())
              : Text.verbatim("");
      enforce =
          new Remedy.Fix(
              List.of(
                  new FixAction(
                      chosen.name(), ConfigTarget.STATUS, new Edit.AddResource(resource))),
              note);
    } else if (target != null) {
      dryRun =
          new Remedy.Fix(
              List.of(
                  new FixAction(target.name(), ConfigTarget.SPEC, new Edit.AddResource(resource))));
      enforce =
          new Remedy.Fix(
              List.of(
                  new FixAction(
                      target.name(), ConfigTarget.STATUS, new Edit.AddResource(resource))));
    } else {
      dryRun = choose;
      enforce = choose;
    }
    return new Remedies(dryRun, enforce);
  }

  /** The regular perimeters to choose from: titled when read whole, at most 20 named. */
  private static Text candidates(AuditInput in, List<ServicePerimeter> regular) {
    List<String> names =
        new java.util.ArrayList<>(regular.stream().map(ProjectNotInPerimeter::describe).toList());
    in.otherRegular().stream()
        .filter(n -> regular.stream().noneMatch(p -> p.name().equals(n)))
        .forEach(names::add);
    if (names.isEmpty()) {
      return Text.of("rule.project-not-in-perimeter.no-candidates");
    }
    java.util.Collections.sort(names);
    return names.size() <= 20
        ? Text.verbatim(String.join(", ", names))
        : Text.of(
            "rule.project-not-in-perimeter.more",
            String.join(", ", names.subList(0, 20)),
            names.size() - 20);
  }

  private static String describe(ServicePerimeter p) {
    return p.title().isEmpty() || p.title().equals(p.shortName())
        ? p.name()
        : p.name() + " (" + p.title() + ")";
  }
}
