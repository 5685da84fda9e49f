package dev.vpcscaudit.audit.rules;

import dev.vpcscaudit.audit.BaseRule;
import dev.vpcscaudit.audit.Category;
import dev.vpcscaudit.audit.ConfigRule;
import dev.vpcscaudit.model.IngressPolicy;
import dev.vpcscaudit.model.Source;
import java.util.List;

/**
 * {@code ingress-open-to-any-identity}: no ingress rule admits anybody ({@code ANY_IDENTITY} or
 * {@code ANY_USER_ACCOUNT}) from any source (no sources, or {@code accessLevel: "*"}) to a required
 * service or to {@code *} of the audited project. Such a rule restricts nothing that matters. A
 * profile may accept an identity type ({@code allowIngressIdentities}).
 */
public final class IngressOpenToAnyIdentity extends BaseRule implements ConfigRule {

  public IngressOpenToAnyIdentity() {
    super(
        "ingress-open-to-any-identity",
        "An ingress rule admits any identity from any source",
        "Narrow the ingress rule to the identities that need access, or require an access level"
            + " for its sources.",
        Category.PERIMETER);
  }

  @Override
  public void check(Subject s, Results out) {
    List<IngressPolicy> rules = s.config().ingressPolicies();
    boolean failed = false;
    for (int i = 0; i < rules.size(); i++) {
      IngressPolicy r = rules.get(i);
      if (r.from() == null || r.to() == null) {
        continue;
      }
      String type = r.from().identityType();
      if (!Openings.ANYBODY.contains(type) || s.profile().allowIngressIdentities().contains(type)) {
        continue;
      }
      List<Source> sources = r.from().sources();
      boolean anySource =
          sources.isEmpty() || sources.stream().anyMatch(src -> src.accessLevel().equals("*"));
      List<String> reached = Openings.reached(r.to().operations(), s.profile());
      if (!anySource
          || reached.isEmpty()
          || !Openings.reachesProject(r.to().resources(), s.resource())) {
        continue;
      }
      failed = true;
      String part = s.field() + ".ingressPolicies[" + i + "]";
      out.manual(
          part,
          null,
          part
              + (r.title().isEmpty() ? "" : " ('" + r.title() + "')")
              + " admits "
              + type
              + " from any source to "
              + Openings.services(reached)
              + ": the perimeter does not protect "
              + (reached.equals(List.of("*")) ? "anything" : "them")
              + " from anybody on the internet",
          Openings.narrow(
              s,
              "ingressPolicies",
              i,
              "Name the identities (service accounts, groups) that need access instead of "
                  + type
                  + ", or require an access level in its sources"));
    }
    if (!failed) {
      out.pass(null);
    }
  }
}
