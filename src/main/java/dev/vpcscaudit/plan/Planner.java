package dev.vpcscaudit.plan;

import dev.vpcscaudit.error.BadInputException;
import dev.vpcscaudit.model.PerimeterConfig;
import dev.vpcscaudit.model.ProjectRef;
import dev.vpcscaudit.model.ServicePerimeter;
import dev.vpcscaudit.model.VpcAccessibleServices;
import dev.vpcscaudit.profile.Profile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Computes the smallest additive changes after which the audit passes in the staged mode.
 *
 * <p>Dry-run stage: every regular perimeter whose dry-run view holds the project gets the missing
 * services and VPC settings in its spec. If none holds it there, the regular perimeters that hold
 * it when enforced get it back in their spec (an explicit spec that dropped it); if none holds it
 * at all, {@code --target-perimeter} names the one to add it to.
 *
 * <p>Enforce stage: the regular perimeters whose status holds the project get the fixes in status
 * (if none, those whose explicit spec holds it, or the target, get the project and the fixes), and
 * every explicit spec that holds the project (or belongs to such a target) gets the same fixes, so
 * that a later {@code dry-run enforce} does not undo them.
 *
 * <p>VPC accessible services: a disabled restriction is enabled with {@code RESTRICTED-SERVICES}
 * allowed, so that every restricted service stays reachable and only unrestricted APIs are cut off;
 * an enabled restriction gets just the required services it lacks.
 */
public final class Planner {

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
    String resource = project.resourceName();
    List<ServicePerimeter> regular =
        perimeters.stream()
            .filter(ServicePerimeter::isRegular)
            .sorted(Comparator.comparing(ServicePerimeter::name))
            .toList();

    List<PerimeterChange> out = new ArrayList<>();
    if (stage == Stage.DRY_RUN) {
      List<ServicePerimeter> holders =
          regular.stream().filter(p -> p.dryRunConfig().holds(resource)).toList();
      boolean addProject = holders.isEmpty();
      if (addProject) {
        holders = regular.stream().filter(p -> p.enforcedConfig().holds(resource)).toList();
      }
      if (holders.isEmpty()) {
        holders = List.of(target(target, perimeters, regular, resource));
      } else {
        rejectUnneededTarget(target, holders);
      }
      for (ServicePerimeter p : holders) {
        ConfigChange c = needs(p.dryRunConfig(), profile, resource, addProject, /* spec= */ true);
        if (!c.isEmpty()) {
          out.add(new PerimeterChange(p, List.of(c), notes(p, List.of(c))));
        }
      }
    } else {
      List<ServicePerimeter> statusTargets =
          regular.stream().filter(p -> p.enforcedConfig().holds(resource)).toList();
      boolean addProject = statusTargets.isEmpty();
      if (addProject) {
        statusTargets =
            regular.stream()
                .filter(p -> p.useExplicitDryRunSpec() && p.dryRunConfig().holds(resource))
                .toList();
      }
      if (statusTargets.isEmpty()) {
        statusTargets = List.of(target(target, perimeters, regular, resource));
      } else {
        rejectUnneededTarget(target, statusTargets);
      }
      for (ServicePerimeter p : regular) {
        boolean isTarget = statusTargets.contains(p);
        List<ConfigChange> changes = new ArrayList<>();
        if (isTarget) {
          changes.add(needs(p.enforcedConfig(), profile, resource, addProject, /* spec= */ false));
        }
        if (p.useExplicitDryRunSpec() && (isTarget || p.dryRunConfig().holds(resource))) {
          changes.add(needs(p.dryRunConfig(), profile, resource, isTarget, /* spec= */ true));
        }
        changes.removeIf(ConfigChange::isEmpty);
        if (!changes.isEmpty()) {
          out.add(new PerimeterChange(p, changes, notes(p, changes)));
        }
      }
    }
    return new FixPlan(project, profile, stage, out, verifyCommand);
  }

  /** The additions {@code config} needs to pass the profile's rules. */
  static ConfigChange needs(
      PerimeterConfig config, Profile profile, String resource, boolean addResource, boolean spec) {
    List<String> addResources =
        addResource && !config.holds(resource) ? List.of(resource) : List.of();
    List<String> addRestricted =
        profile.requiredServices().stream()
            .filter(s -> !config.restrictedServices().contains(s))
            .toList();
    boolean enable = false;
    List<String> addAllowed = List.of();
    if (profile.vpcAccessibleServicesRequired()) {
      VpcAccessibleServices vpc = config.vpcOrDefault();
      if (!vpc.enableRestriction()) {
        enable = true;
        addAllowed =
            vpc.allowsRestrictedServices()
                ? List.of()
                : List.of(VpcAccessibleServices.RESTRICTED_SERVICES);
      } else if (!vpc.allowsRestrictedServices()) {
        // Every required service ends up restricted, but RESTRICTED-SERVICES is not allowed:
        // allow the required services that are not listed.
        addAllowed =
            profile.requiredServices().stream()
                .filter(s -> !vpc.allowedServices().contains(s))
                .toList();
      }
    }
    return new ConfigChange(spec, addResources, addRestricted, enable, addAllowed);
  }

  private static ServicePerimeter target(
      String target, List<ServicePerimeter> all, List<ServicePerimeter> regular, String resource) {
    if (target == null) {
      String candidates =
          regular.isEmpty()
              ? "none: the input has no regular perimeter"
              : String.join(", ", regular.stream().map(Planner::describe).toList());
      throw new BadInputException(
          resource
              + " is in no regular perimeter: name the one to add it to with --target-perimeter NAME"
              + " (candidates: "
              + candidates
              + ")");
    }
    List<ServicePerimeter> matches =
        all.stream().filter(p -> p.name().equals(target) || p.shortName().equals(target)).toList();
    if (matches.isEmpty()) {
      throw new BadInputException(
          "--target-perimeter "
              + target
              + ": no such perimeter in the input (regular perimeters: "
              + String.join(", ", regular.stream().map(ServicePerimeter::name).toList())
              + ")");
    }
    if (matches.size() > 1) {
      throw new BadInputException(
          "--target-perimeter "
              + target
              + ": several perimeters have that name; give the full name ("
              + String.join(", ", matches.stream().map(ServicePerimeter::name).toList())
              + ")");
    }
    ServicePerimeter p = matches.get(0);
    if (!p.isRegular()) {
      throw new BadInputException(
          "--target-perimeter "
              + target
              + ": "
              + p.name()
              + " is a bridge perimeter, which cannot restrict services; name a regular one");
    }
    return p;
  }

  private static void rejectUnneededTarget(String target, List<ServicePerimeter> holders) {
    if (target == null) {
      return;
    }
    boolean named =
        holders.stream().anyMatch(p -> p.name().equals(target) || p.shortName().equals(target));
    if (!named) {
      throw new BadInputException(
          "--target-perimeter "
              + target
              + ": the project is already in "
              + String.join(", ", holders.stream().map(ServicePerimeter::name).toList())
              + ", which the plan fixes; a project belongs in one regular perimeter (drop the flag)");
    }
  }

  private static String describe(ServicePerimeter p) {
    return p.title().isEmpty() || p.title().equals(p.shortName())
        ? p.name()
        : p.name() + " (" + p.title() + ")";
  }

  /** Warns when enforcing the spec would enforce more than the plan's fixes. */
  private static List<String> notes(ServicePerimeter p, List<ConfigChange> changes) {
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
    return List.of(
        "its dry-run spec differs from its enforced status beyond these fixes ("
            + String.join(", ", fields)
            + "): 'dry-run enforce' would enforce those differences too");
  }

  private static boolean differ(List<String> a, List<String> b, Set<String> ignore) {
    Set<String> x = new LinkedHashSet<>(a);
    Set<String> y = new LinkedHashSet<>(b);
    x.removeAll(ignore);
    y.removeAll(ignore);
    return !x.equals(y);
  }
}
