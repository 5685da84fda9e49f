package dev.vpcscaudit.audit.rules;

import dev.vpcscaudit.audit.ConfigRule;
import dev.vpcscaudit.escape.Shell;
import dev.vpcscaudit.i18n.Text;
import dev.vpcscaudit.model.ApiOperation;
import dev.vpcscaudit.model.IngressPolicy;
import dev.vpcscaudit.profile.Profile;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What the rules about openings share: which services an ingress or egress rule's operations reach,
 * and the manual step that narrows a rule (plans never remove or narrow anything).
 */
final class Openings {

  /** Identity types that admit anybody (ANY_SERVICE_ACCOUNT names a narrower class). */
  static final Set<String> ANYBODY = Set.of("ANY_IDENTITY", "ANY_USER_ACCOUNT");

  private Openings() {}

  /**
   * The required services (or {@code *}) that {@code operations} reach: {@code serviceName: "*"}
   * reaches every service, whatever its method selectors say.
   */
  static List<String> reached(List<ApiOperation> operations, Profile profile) {
    List<String> out = new ArrayList<>();
    for (ApiOperation op : operations) {
      if (op.serviceName().equals("*")) {
        return List.of("*");
      }
      if (profile.requiredServices().contains(op.serviceName())
          && !out.contains(op.serviceName())) {
        out.add(op.serviceName());
      }
    }
    return out;
  }

  /** An ingress rule of the config under audit that reaches {@code reached} on the project. */
  record Ingress(int index, IngressPolicy rule, List<String> reached) {
    /** {@code status.ingressPolicies[0]}, with the rule's title when it has one. */
    String part(ConfigRule.Subject s) {
      return s.field() + ".ingressPolicies[" + index + "]";
    }

    Text named(ConfigRule.Subject s) {
      return Openings.named(part(s), rule.title());
    }
  }

  /**
   * The ingress rules of the config that reach a required service (or {@code *}) on the audited
   * project (its name or {@code *} in {@code ingressTo.resources}): the ones that can open it.
   */
  static List<Ingress> ingressToProject(ConfigRule.Subject s) {
    List<Ingress> out = new ArrayList<>();
    List<IngressPolicy> rules = s.config().ingressPolicies();
    for (int i = 0; i < rules.size(); i++) {
      IngressPolicy r = rules.get(i);
      if (r.from() == null || r.to() == null) {
        continue;
      }
      List<String> reached = reached(r.to().operations(), s.profile());
      if (!reached.isEmpty() && reachesProject(r.to().resources(), s.resource())) {
        out.add(new Ingress(i, r, reached));
      }
    }
    return out;
  }

  /** {@code resources} of an ingressTo reach the audited project: {@code *} or its name. */
  static boolean reachesProject(List<String> resources, String project) {
    return resources.contains("*") || project != null && resources.contains(project);
  }

  /** {@code status.ingressPolicies[0]}, followed by the rule's title in quotes when it has one. */
  static Text named(String part, String title) {
    return title.isEmpty() ? Text.verbatim(part) : Text.of("rules.titled", part, title);
  }

  /** "every service (*)" or "logging.googleapis.com, storage.googleapis.com". */
  static Text services(List<String> reached) {
    return reached.equals(List.of("*")) ? Text.of("rules.every-service") : Text.list(reached);
  }

  /**
   * The step that narrows one rule of {@code part} ({@code ingressPolicies} or {@code
   * egressPolicies}) in the config under audit: gcloud's set flag takes the whole list from a file.
   */
  static Text narrow(ConfigRule.Subject s, String part, int index, Text how) {
    boolean spec = s.field().equals("spec");
    String name = Shell.quote(s.perimeter().shortName());
    String policy = Shell.flag("--policy", s.perimeter().policyNumber());
    String export =
        "gcloud access-context-manager perimeters "
            + (spec ? "dry-run describe" : "describe")
            + " "
            + name
            + " "
            + policy
            + " --format=yaml("
            + s.field()
            + "."
            + part
            + ")";
    String update =
        "gcloud access-context-manager perimeters "
            + (spec ? "dry-run update" : "update")
            + " "
            + name
            + " "
            + policy
            + " --set-"
            + (part.equals("ingressPolicies") ? "ingress" : "egress")
            + "-policies=FILE";
    return Text.of("rules.narrow", how, export, part + "[" + index + "]", update);
  }
}
