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
    super("ingress-open-to-any-identity", Category.PERIMETER);
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
          text(
              in.reached().equals(List.of("*")) ? "message-all" : "message",
              in.named(s),
              type,
              Openings.services(in.reached())),
          Openings.narrow(s, "ingressPolicies", in.index(), text("how", type)));
    }
    if (!failed) {
      out.pass(null);
    }
  }
}
