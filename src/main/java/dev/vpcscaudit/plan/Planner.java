package dev.vpcscaudit.plan;

import dev.vpcscaudit.audit.AuditEngine;
import dev.vpcscaudit.audit.AuditInput;
import dev.vpcscaudit.audit.AuditResult;
import dev.vpcscaudit.audit.Check;
import dev.vpcscaudit.audit.ConfigTarget;
import dev.vpcscaudit.audit.Edit;
import dev.vpcscaudit.audit.Finding;
import dev.vpcscaudit.audit.FixAction;
import dev.vpcscaudit.audit.Mode;
import dev.vpcscaudit.audit.Remedy;
import dev.vpcscaudit.audit.Severity;
import dev.vpcscaudit.audit.Stage;
import dev.vpcscaudit.error.BadInputException;
import dev.vpcscaudit.i18n.Text;
import dev.vpcscaudit.model.PerimeterConfig;
import dev.vpcscaudit.model.ProjectRef;
import dev.vpcscaudit.model.ServicePerimeter;
import dev.vpcscaudit.model.VpcAccessibleServices;
import dev.vpcscaudit.profile.Profile;
import dev.vpcscaudit.source.ProjectSelection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Builds a fix plan from the findings' remedies and nothing else: audit, take the {@link
 * Remedy.Fix} actions of every error and warning at the planned stage, apply them as gcloud would,
 * audit the result again (a perimeter the project was just added to now has its own findings), and
 * repeat until no new action appears. Findings whose remedy at this stage is a manual step are
 * listed in the plan with their reason and step; a {@link Remedy.NeedsChoice} stops the plan.
 *
 * <p>The plan never puts the project into a second regular perimeter of one policy, in the enforced
 * view or in the dry-run view: the API refuses such a write (FAILED_PRECONDITION) after earlier
 * commands of a script have already run.
 */
public final class Planner {

  /** More rounds than any remedy chain needs (membership, then the config it brings in). */
  private static final int MAX_ROUNDS = 5;

  private Planner() {}

  /**
   * @param target {@code --target-perimeter}: a full or short perimeter name, or null
   * @param verifyCommand the audit command the plan's header tells the user to rerun
   */
  public static FixPlan plan(
      ProjectRef project,
      List<ServicePerimeter> perimeters,
      Profile profile,
      Stage stage,
      String target,
      String verifyCommand) {
    return plan(project, perimeters, List.of(), profile, stage, target, verifyCommand, null);
  }

  /**
   * As above.
   *
   * @param otherRegular names of regular perimeters a streamed read did not keep (for messages)
   * @param network from {@code --network}, or null: the network rules' additive changes are part of
   *     the plan and their manual steps are listed in its header
   */
  public static FixPlan plan(
      ProjectRef project,
      List<ServicePerimeter> perimeters,
      List<String> otherRegular,
      Profile profile,
      Stage stage,
      String target,
      String verifyCommand,
      dev.vpcscaudit.network.NetworkState network) {
    return plan(
        project,
        perimeters,
        otherRegular,
        profile,
        stage,
        target,
        verifyCommand,
        network,
        network == null ? null : network.placement());
  }

  /**
   * As above, with where the project's requests come from ({@code --network} read live, or {@code
   * --shared-vpc-host}): the membership of the network's project and of the Shared VPC host are
   * fixed too.
   */
  public static FixPlan plan(
      ProjectRef project,
      List<ServicePerimeter> perimeters,
      List<String> otherRegular,
      Profile profile,
      Stage stage,
      String target,
      String verifyCommand,
      dev.vpcscaudit.network.NetworkState network,
      dev.vpcscaudit.network.Placement placement) {
    String resource = project.resourceName();
    String targetName =
        target == null ? null : resolveTarget(target, perimeters, otherRegular).name();
    rejectUnneededTarget(target, targetName, perimeters, resource);
    Rounds r =
        rounds(
            project,
            perimeters,
            otherRegular,
            profile,
            stage,
            targetName,
            null,
            network,
            placement);
    checkOnePerimeterPerPolicy(perimeters, r.after(), resource);
    return new FixPlan(
        List.of(project),
        profile,
        stage,
        perimeterChanges(perimeters, r.actions()),
        r.unfixed(),
        r.notes(),
        verifyCommand,
        r.networkActions());
  }

  /**
   * One plan for many projects: each project is planned against the perimeters as the plans of the
   * projects before it left them, so a perimeter that holds several projects is touched once, with
   * the union of their additions. A project that no regular perimeter holds, or that could not be
   * read, is listed in the plan's header instead of stopping it; the one-regular-perimeter rule is
   * checked for every project against the final state.
   *
   * @param projects as {@code discoverMany} read them; entries with an error are listed as unread
   * @param planOne the command that plans one project alone (selection flags included), for the
   *     step of a project that no regular perimeter holds
   */
  public static FixPlan planMany(
      List<ProjectSelection.ProjectPerimeters> projects,
      Profile profile,
      Stage stage,
      String verifyCommand,
      java.util.function.Function<ProjectRef, String> planOne) {
    Map<String, ServicePerimeter> original = new TreeMap<>();
    for (ProjectSelection.ProjectPerimeters p : projects) {
      p.perimeters().forEach(sp -> original.putIfAbsent(sp.name(), sp));
    }
    List<ServicePerimeter> all = List.copyOf(original.values());
    Map<String, ServicePerimeter> now = new java.util.HashMap<>(original);
    Set<FixAction> actions = new LinkedHashSet<>();
    List<Unfixed> unfixed = new ArrayList<>();
    List<Text> notes = new ArrayList<>();
    List<ProjectRef> planned = new ArrayList<>();
    List<Text> unread = new ArrayList<>();
    for (ProjectSelection.ProjectPerimeters p : projects) {
      if (p.error() != null) {
        unread.add(Text.of("input.at", p.project().display(), p.error()));
        continue;
      }
      planned.add(p.project());
      List<ServicePerimeter> current = mine(p, now);
      Rounds r = rounds(p.project(), current, List.of(), profile, stage, null, planOne, null, null);
      if (actions.addAll(r.actions())) {
        // Only the perimeters this project's fixes touched change: re-apply all their actions.
        Set<String> touched = new LinkedHashSet<>();
        r.actions().forEach(a -> touched.add(a.perimeter()));
        List<ServicePerimeter> originals = touched.stream().map(original::get).toList();
        Set<FixAction> theirs = new LinkedHashSet<>();
        actions.stream().filter(a -> touched.contains(a.perimeter())).forEach(theirs::add);
        apply(originals, changes(originals, theirs)).forEach(sp -> now.put(sp.name(), sp));
      }
      unfixed.addAll(r.unfixed());
      r.notes().stream().filter(n -> !notes.contains(n)).forEach(notes::add);
    }
    // The one-regular-perimeter rule, for every project over the perimeters that hold it (the
    // only ones its fixes can touch).
    for (ProjectSelection.ProjectPerimeters p : projects) {
      if (p.error() == null) {
        checkOnePerimeterPerPolicy(p.perimeters(), mine(p, now), p.project().resourceName());
      }
    }
    if (!unread.isEmpty()) {
      notes.add(
          Text.of(
              unread.size() == 1 ? "plan.unread.one" : "plan.unread",
              unread.size(),
              Text.listWith("list.semicolon", unread)));
    }
    return new FixPlan(
        planned,
        profile,
        stage,
        perimeterChanges(all, actions),
        unfixed,
        notes,
        verifyCommand,
        List.of());
  }

  /** What the remedy rounds of one project produced. */
  private record Rounds(
      Set<FixAction> actions,
      List<Unfixed> unfixed,
      List<Text> notes,
      List<ServicePerimeter> after,
      List<dev.vpcscaudit.network.NetworkAction> networkActions) {}

  /**
   * Audits, takes the fixes, applies them and audits again until no new fix appears.
   *
   * @param planOne null when a {@link Remedy.NeedsChoice} stops the plan (one project); else the
   *     command that plans one project alone, and the choice is listed as not fixed (many projects,
   *     where one project's choice must not block the rest)
   */
  private static Rounds rounds(
      ProjectRef project,
      List<ServicePerimeter> perimeters,
      List<String> otherRegular,
      Profile profile,
      Stage stage,
      String targetName,
      java.util.function.Function<ProjectRef, String> planOne,
      dev.vpcscaudit.network.NetworkState network,
      dev.vpcscaudit.network.Placement placement) {
    AuditResult first =
        audit(project, perimeters, otherRegular, profile, targetName, network, placement);
    // Network fixes do not depend on the perimeters: taken from the first audit, in rule order.
    List<dev.vpcscaudit.network.NetworkAction> networkActions = new ArrayList<>();
    for (Finding f : actionableInEvaluationOrder(first)) {
      if (f.remedy(stage) instanceof Remedy.NetworkFix fix) {
        fix.actions().stream()
            .filter(c -> !networkActions.contains(c))
            .forEach(networkActions::add);
      }
    }
    Set<FixAction> actions = new LinkedHashSet<>();
    List<Text> notes = new ArrayList<>();
    List<Unfixed> unfixed = new ArrayList<>();
    Set<Finding> listed = new LinkedHashSet<>();
    List<ServicePerimeter> current = perimeters;
    AuditResult result = first;
    for (int round = 0; ; round++) {
      boolean added = false;
      for (Finding f : actionableInEvaluationOrder(result)) {
        Remedy remedy = f.remedy(stage);
        if (remedy instanceof Remedy.NeedsChoice choice) {
          if (planOne == null) {
            throw new BadInputException(choice.message());
          }
          if (!containsSame(listed, f)) {
            listed.add(f);
            unfixed.add(
                new Unfixed(
                    project,
                    f,
                    new Remedy.Manual(
                        choice.message(),
                        Text.of(
                            "plan.alone",
                            planOne.apply(project) + " --target-perimeter NAME --as gcloud"))));
          }
        }
        if (remedy instanceof Remedy.Fix fix) {
          added |= actions.addAll(fix.actions());
          if (!fix.note().isEmpty() && !notes.contains(fix.note())) {
            notes.add(fix.note());
          }
        }
      }
      if (!added) {
        break;
      }
      if (round == MAX_ROUNDS) {
        throw new IllegalStateException("fix plan did not converge: " + actions);
      }
      current = apply(perimeters, changes(perimeters, actions));
      // Network findings do not depend on perimeter fixes: the first audit listed them all.
      result = audit(project, current, otherRegular, profile, targetName, null, placement);
    }

    for (Finding f : first.actionable()) {
      if (f.remedy(stage) instanceof Remedy.Manual m) {
        unfixed.add(new Unfixed(project, f, m));
        listed.add(f);
      }
    }
    // What remains in the staged mode after the plan is listed too (a plan is never silent).
    for (Finding f : result.actionable()) {
      boolean inStage = stage == Stage.ENFORCE || f.mode() == Mode.DRY_RUN;
      if (inStage && f.remedy(stage) instanceof Remedy.Manual m && !containsSame(listed, f)) {
        unfixed.add(new Unfixed(project, f, m));
      }
    }
    return new Rounds(actions, unfixed, notes, current, networkActions);
  }

  private static List<PerimeterChange> perimeterChanges(
      List<ServicePerimeter> perimeters, Set<FixAction> actions) {
    List<PerimeterChange> out = new ArrayList<>();
    for (Map.Entry<ServicePerimeter, List<ConfigChange>> e :
        changes(perimeters, actions).entrySet()) {
      out.add(new PerimeterChange(e.getKey(), e.getValue(), specNotes(e.getKey(), e.getValue())));
    }
    return out;
  }

  /** The perimeters that hold {@code p}, as the plans before it left them. */
  private static List<ServicePerimeter> mine(
      ProjectSelection.ProjectPerimeters p, Map<String, ServicePerimeter> now) {
    return p.perimeters().stream().map(sp -> now.get(sp.name())).toList();
  }

  /**
   * A finding of this stage that the plan does not fix, with the reason and the step.
   *
   * @param project the project whose audit reported it
   * @param finding as the audit reported it
   */
  public record Unfixed(ProjectRef project, Finding finding, Remedy.Manual remedy) {}

  private static AuditResult audit(
      ProjectRef project,
      List<ServicePerimeter> perimeters,
      List<String> otherRegular,
      Profile profile,
      String target,
      dev.vpcscaudit.network.NetworkState network,
      dev.vpcscaudit.network.Placement placement) {
    return AuditEngine.audit(
        new AuditInput(project, perimeters, profile, target, otherRegular).withPlacement(placement),
        "plan",
        null,
        null,
        network);
  }

  /** Errors and warnings in the order the rules reported them (the profile's service order). */
  private static List<Finding> actionableInEvaluationOrder(AuditResult result) {
    return result.checks().stream()
        .map(Check::failure)
        .filter(f -> f != null && f.severity().atLeast(Severity.WARNING))
        .toList();
  }

  private static boolean containsSame(Set<Finding> listed, Finding f) {
    return listed.stream()
        .anyMatch(
            g ->
                g.rule() == f.rule()
                    && g.mode() == f.mode()
                    && Objects.equals(g.perimeter(), f.perimeter())
                    && Objects.equals(g.service(), f.service()));
  }

  /** The actions grouped by perimeter (name order), status before spec. */
  static Map<ServicePerimeter, List<ConfigChange>> changes(
      List<ServicePerimeter> perimeters, Set<FixAction> actions) {
    Map<String, ServicePerimeter> byName = new LinkedHashMap<>();
    perimeters.forEach(p -> byName.put(p.name(), p));
    Map<String, Map<ConfigTarget, List<Edit>>> grouped = new TreeMap<>();
    for (FixAction a : actions) {
      if (!byName.containsKey(a.perimeter())) {
        throw new IllegalStateException("fix for an unknown perimeter " + a.perimeter());
      }
      grouped
          .computeIfAbsent(a.perimeter(), k -> new TreeMap<>())
          .computeIfAbsent(a.target(), k -> new ArrayList<>())
          .add(a.edit());
    }
    Map<ServicePerimeter, List<ConfigChange>> out = new LinkedHashMap<>();
    for (Map.Entry<String, Map<ConfigTarget, List<Edit>>> e : grouped.entrySet()) {
      List<ConfigChange> list = new ArrayList<>();
      e.getValue().forEach((target, edits) -> list.add(ConfigChange.of(target, edits)));
      out.put(byName.get(e.getKey()), list);
    }
    return out;
  }

  private static List<ServicePerimeter> apply(
      List<ServicePerimeter> perimeters, Map<ServicePerimeter, List<ConfigChange>> changes) {
    return perimeters.stream()
        .map(p -> changes.containsKey(p) ? PerimeterEdits.apply(p, changes.get(p)) : p)
        .toList();
  }

  /** Refuses a plan that would put the project in a second regular perimeter of a policy. */
  private static void checkOnePerimeterPerPolicy(
      List<ServicePerimeter> before, List<ServicePerimeter> after, String resource) {
    for (boolean dryRun : new boolean[] {false, true}) {
      Map<String, List<String>> was = holders(before, resource, dryRun);
      Map<String, List<String>> now = holders(after, resource, dryRun);
      for (Map.Entry<String, List<String>> e : now.entrySet()) {
        int previously = was.getOrDefault(e.getKey(), List.of()).size();
        if (e.getValue().size() > 1 && e.getValue().size() > previously) {
          throw new BadInputException(
              Text.of(
                  dryRun ? "plan.two-regular.dry-run" : "plan.two-regular",
                  resource,
                  e.getKey(),
                  String.join(", ", e.getValue())));
        }
      }
    }
  }

  private static Map<String, List<String>> holders(
      List<ServicePerimeter> perimeters, String resource, boolean dryRun) {
    Map<String, List<String>> out = new TreeMap<>();
    for (ServicePerimeter p : perimeters) {
      PerimeterConfig c = dryRun ? p.dryRunConfig() : p.enforcedConfig();
      if (p.isRegular() && c.holds(resource)) {
        out.computeIfAbsent(p.policy(), k -> new ArrayList<>()).add(p.name());
      }
    }
    return out;
  }

  private static ServicePerimeter resolveTarget(
      String target, List<ServicePerimeter> all, List<String> otherRegular) {
    List<String> regular =
        java.util.stream.Stream.concat(
                all.stream().filter(ServicePerimeter::isRegular).map(ServicePerimeter::name),
                otherRegular.stream())
            .sorted()
            .distinct()
            .toList();
    List<ServicePerimeter> matches =
        all.stream().filter(p -> p.name().equals(target) || p.shortName().equals(target)).toList();
    if (matches.isEmpty()) {
      throw BadInputException.at(
          "--target-perimeter " + target,
          Text.of(
              "plan.no-such-target",
              regular.size() <= 20
                  ? String.join(", ", regular)
                  : Text.of(
                      "plan.and-more",
                      String.join(", ", regular.subList(0, 20)),
                      regular.size() - 20)));
    }
    if (matches.size() > 1) {
      throw BadInputException.at(
          "--target-perimeter " + target,
          Text.of(
              "plan.target-ambiguous",
              String.join(", ", matches.stream().map(ServicePerimeter::name).toList())));
    }
    ServicePerimeter p = matches.get(0);
    if (!p.isRegular()) {
      throw BadInputException.at(
          "--target-perimeter " + target, Text.of("plan.target-bridge", p.name()));
    }
    return p;
  }

  /** A target is only for a project that no regular perimeter holds in either view. */
  private static void rejectUnneededTarget(
      String target, String targetName, List<ServicePerimeter> perimeters, String resource) {
    if (target == null) {
      return;
    }
    List<String> holders =
        perimeters.stream()
            .filter(ServicePerimeter::isRegular)
            .filter(p -> p.enforcedConfig().holds(resource) || p.dryRunConfig().holds(resource))
            .map(ServicePerimeter::name)
            .sorted()
            .toList();
    if (!holders.isEmpty() && !holders.contains(targetName)) {
      throw BadInputException.at(
          "--target-perimeter " + target,
          Text.of("plan.target-already", String.join(", ", holders)));
    }
  }

  /** Warns when enforcing the spec would enforce more than the plan's fixes. */
  private static List<Text> specNotes(ServicePerimeter p, List<ConfigChange> changes) {
    if (!p.useExplicitDryRunSpec()) {
      return List.of();
    }
    Set<String> ignore = new LinkedHashSet<>();
    changes.forEach(c -> ignore.addAll(c.addedValues()));
    boolean vpcTouched =
        changes.stream()
            .anyMatch(c -> c.enableVpcRestriction() || !c.addVpcAllowedServices().isEmpty());
    PerimeterConfig status = p.enforcedConfig();
    PerimeterConfig spec = p.dryRunConfig();
    List<String> fields = new ArrayList<>();
    if (differ(status.resources(), spec.resources(), ignore)) {
      fields.add("resources");
    }
    if (differ(status.accessLevels(), spec.accessLevels(), ignore)) {
      fields.add("accessLevels");
    }
    if (differ(status.restrictedServices(), spec.restrictedServices(), ignore)) {
      fields.add("restrictedServices");
    }
    VpcAccessibleServices a = status.vpcOrDefault();
    VpcAccessibleServices b = spec.vpcOrDefault();
    if ((!vpcTouched && a.enableRestriction() != b.enableRestriction())
        || differ(a.allowedServices(), b.allowedServices(), ignore)
        || !a.allowedServicePatterns().equals(b.allowedServicePatterns())
        || !a.servicePatternsEnforcementScopes().equals(b.servicePatternsEnforcementScopes())) {
      fields.add("vpcAccessibleServices");
    }
    if (!Objects.equals(status.ingressPolicies(), spec.ingressPolicies())) {
      fields.add("ingressPolicies");
    }
    if (!Objects.equals(status.egressPolicies(), spec.egressPolicies())) {
      fields.add("egressPolicies");
    }
    if (fields.isEmpty()) {
      return List.of();
    }
    return List.of(Text.of("plan.spec-differs", String.join(", ", fields)));
  }

  private static boolean differ(List<String> a, List<String> b, Set<String> ignore) {
    Set<String> x = new LinkedHashSet<>(a);
    Set<String> y = new LinkedHashSet<>(b);
    x.removeAll(ignore);
    y.removeAll(ignore);
    return !x.equals(y);
  }
}
