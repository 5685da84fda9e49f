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
    boolean failed = false;
    for (Openings.Ingress in : Openings.ingressToProject(s)) {
      IngressPolicy r = in.rule();
      String type = r.from().identityType();
      if (!Openings.ANYBODY.contains(type) || s.profile().allowIngressIdentities().contains(type)) {
        continue;
      }
      List<Source> sources = r.from().sources();
      if (!sources.isEmpty() && sources.stream().noneMatch(src -> src.accessLevel().equals("*"))) {
        continue;
      }
      failed = true;
      out.manual(
          in.part(s),
          null,
          in.named(s)
              + " admits "
              + type
              + " from any source to "
              + Openings.services(in.reached())
              + ": the perimeter does not protect "
              + (in.reached().equals(List.of("*")) ? "anything" : "them")
              + " from anybody on the internet",
          Openings.narrow(
              s,
              "ingressPolicies",
              in.index(),
              "Name the identities (service accounts, groups) that need access instead of "
                  + type
                  + ", or require an access level in its sources"));
    }
    if (!failed) {
      out.pass(null);
    }
  }
}
