package dev.vpcscaudit.audit.rules;

import dev.vpcscaudit.audit.AuditInput;
import dev.vpcscaudit.audit.ConfigTarget;
import dev.vpcscaudit.audit.Edit;
import dev.vpcscaudit.audit.FixAction;
import dev.vpcscaudit.audit.Mode;
import dev.vpcscaudit.audit.ProjectRule;
import dev.vpcscaudit.audit.Remedies;
import dev.vpcscaudit.audit.Remedy;
import dev.vpcscaudit.audit.Severity;
import dev.vpcscaudit.i18n.Text;
import dev.vpcscaudit.model.ApiOperation;
import dev.vpcscaudit.model.IngressPolicy;
import dev.vpcscaudit.model.PerimeterConfig;
import dev.vpcscaudit.model.ServicePerimeter;
import dev.vpcscaudit.network.Placement;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether requests that come from a place outside the audited project (the VPC network of {@code
 * --network}, the Shared VPC host) reach the perimeter that holds the project, in one mode. VPC
 * Service Controls admits them when the place (a network, or its project) is a resource of that
 * regular perimeter, or when an ingress rule of the perimeter names it as a source; a place in
 * another regular perimeter is refused (VPC-SC docs, "VPC networks management in service
 * perimeters": a network in SP1 "can access resources in perimeter SP1 but cannot access resources
 * in perimeter SP2"; "Ingress and egress rules").
 *
 * <p>An ingress rule admits fully only when it names the place in {@code ingressFrom.sources},
 * allows {@code ANY_IDENTITY}, reaches the project ({@code ingressTo.resources} {@code *} or the
 * project) and every required service with every method ({@code serviceName: "*"}, or the service
 * with {@code method: "*"}, which "allows ALL methods and permissions"; provider docs of {@code
 * method_selectors}). Anything narrower is partial: the finding names what it leaves out.
 */
final class Reach {

  private Reach() {}

  /** A place to judge. */
  record Place(Text label, List<String> names, String preferred, String fallback) {
    /**
     * @param label e.g. {@code network //compute.../networks/N (project projects/222)}
     * @param names the resource names that stand for it in a perimeter or an ingress source
     * @param preferred what a plan adds when the perimeter already lists networks, or null
     * @param fallback what a plan adds otherwise
     */
    Place {
      names = List.copyOf(names);
    }

    /** What to add to {@code config}: the network when the config lists networks already. */
    String toAdd(PerimeterConfig config) {
      boolean listsNetworks =
          config.resources().stream().anyMatch(r -> r.startsWith(Placement.NETWORK_PREFIX));
      return preferred != null && (listsNetworks || fallback == null) ? preferred : fallback;
    }
  }

  /** Checks {@code place} in each mode the audit evaluates, reporting through {@code out}. */
  static void check(AuditInput in, Place place, ProjectRule.Results out) {
    String project = in.resource();
    boolean dryRunEvaluated =
        in.perimeters().stream()
            .anyMatch(p -> p.useExplicitDryRunSpec() && p.dryRunConfig().holds(project));
    check(in, place, Mode.ENFORCED, out);
    if (dryRunEvaluated) {
      check(in, place, Mode.DRY_RUN, out);
    }
  }

  private static PerimeterConfig config(ServicePerimeter p, Mode mode) {
    return mode == Mode.DRY_RUN ? p.dryRunConfig() : p.enforcedConfig();
  }

  private static Text view(Mode mode) {
    return Text.of(mode == Mode.DRY_RUN ? "reach.dry-run-view" : "reach.enforced-config");
  }

  private static void check(AuditInput in, Place place, Mode mode, ProjectRule.Results out) {
    String project = in.resource();
    List<ServicePerimeter> holders =
        in.regular().stream().filter(p -> config(p, mode).holds(project)).toList();
    if (holders.isEmpty()) {
      return; // project-not-in-perimeter reports it; no perimeter to reach
    }
    for (ServicePerimeter p : holders) {
      if (place.names().stream().anyMatch(n -> config(p, mode).holds(n))) {
        out.pass(mode);
        return;
      }
    }
    Severity severity = mode == Mode.DRY_RUN ? Severity.WARNING : Severity.ERROR;
    String holderNames = String.join(", ", holders.stream().map(ServicePerimeter::name).toList());
    List<String> others =
        in.regular().stream()
            .filter(p -> !holders.contains(p))
            .filter(p -> place.names().stream().anyMatch(n -> config(p, mode).holds(n)))
            .map(ServicePerimeter::name)
            .toList();
    List<Text> partial = new ArrayList<>();
    for (ServicePerimeter p : holders) {
      List<IngressPolicy> rules = config(p, mode).ingressPolicies();
      for (int i = 0; i < rules.size(); i++) {
        List<Text> missing = leftOut(rules.get(i), place, project, in);
        if (missing == null) {
          continue;
        }
        if (missing.isEmpty()) {
          out.pass(mode);
          return;
        }
        partial.add(
            Text.of(
                "reach.partial",
                Openings.named(
                    p.name()
                        + " "
                        + (mode == Mode.DRY_RUN && p.useExplicitDryRunSpec() ? "spec" : "status")
                        + ".ingressPolicies["
                        + i
                        + "]",
                    rules.get(i).title()),
                Text.list(missing)));
      }
    }
    if (!others.isEmpty()) {
      Text step =
          Text.of(
              "reach.choose",
              holderNames,
              place.names().get(0),
              String.join(", ", others),
              holders.get(0).name());
      out.check(
          mode,
          severity,
          Text.of(
              partial.isEmpty() ? "reach.other-perimeter" : "reach.other-perimeter-partial",
              place.label(),
              String.join(", ", others),
              holderNames,
              project,
              view(mode),
              Text.list(partial)),
          Remedies.both(new Remedy.Manual(Text.of("reach.move-is-a-choice"), step)));
      return;
    }
    if (!partial.isEmpty()) {
      out.check(
          mode,
          Severity.WARNING,
          Text.of("reach.partly", place.label(), holderNames, view(mode), Text.list(partial)),
          Remedies.both(
              new Remedy.Manual(
                  Text.of("reach.widen-is-a-decision"),
                  Text.of(
                      "reach.widen",
                      place.toAdd(config(holders.get(0), mode)),
                      holders.get(0).name()))));
      return;
    }
    ServicePerimeter holder = holders.get(0);
    String add = place.toAdd(config(holder, mode));
    out.check(
        mode,
        severity,
        Text.of("reach.outside", place.label(), view(mode), holderNames, project),
        new Remedies(
            new Remedy.Fix(
                List.of(
                    new FixAction(holder.name(), ConfigTarget.SPEC, new Edit.AddResource(add)))),
            new Remedy.Fix(
                List.of(
                    new FixAction(
                        holder.name(), ConfigTarget.STATUS, new Edit.AddResource(add))))));
  }

  /**
   * What an ingress rule leaves out of admitting {@code place} to the project: null when it does
   * not name the place as a source or does not reach the project; empty when it admits fully.
   */
  private static List<Text> leftOut(
      IngressPolicy rule, Place place, String project, AuditInput in) {
    if (rule.from() == null || rule.to() == null) {
      return null;
    }
    boolean named =
        rule.from().sources().stream().anyMatch(s -> place.names().contains(s.resource()));
    if (!named || !Openings.reachesProject(rule.to().resources(), project)) {
      return null;
    }
    List<Text> missing = new ArrayList<>();
    String type = rule.from().identityType();
    if (!type.equals("ANY_IDENTITY")) {
      List<String> who = new ArrayList<>();
      if (!type.isEmpty()) {
        who.add(type);
      }
      who.addAll(rule.from().identities());
      missing.add(Text.of("reach.other-identities", Text.list(who)));
    }
    List<String> services = new ArrayList<>();
    List<String> methods = new ArrayList<>();
    for (String service : in.profile().requiredServices()) {
      Coverage c = coverage(rule.to().operations(), service);
      if (c == Coverage.NONE) {
        services.add(service);
      } else if (c == Coverage.SOME_METHODS) {
        methods.add(service);
      }
    }
    if (!services.isEmpty()) {
      missing.add(Text.of("reach.services", Text.list(services)));
    }
    if (!methods.isEmpty()) {
      missing.add(Text.of("reach.methods", Text.list(methods)));
    }
    return missing;
  }

  private enum Coverage {
    ALL,
    SOME_METHODS,
    NONE
  }

  private static Coverage coverage(List<ApiOperation> operations, String service) {
    Coverage best = Coverage.NONE;
    for (ApiOperation op : operations) {
      if (op.serviceName().equals("*")) {
        return Coverage.ALL;
      }
      if (op.serviceName().equals(service)) {
        if (op.methodSelectors().stream().anyMatch(m -> m.method().equals("*"))) {
          return Coverage.ALL;
        }
        best = Coverage.SOME_METHODS;
      }
    }
    return best;
  }
}
