package dev.vpcscaudit.audit.rules;

import dev.vpcscaudit.audit.BaseRule;
import dev.vpcscaudit.audit.Category;
import dev.vpcscaudit.audit.ConfigRule;
import dev.vpcscaudit.i18n.Text;
import dev.vpcscaudit.model.EgressPolicy;
import java.util.List;

/**
 * {@code egress-to-any-resource}: no egress rule lets anybody ({@code ANY_IDENTITY} or {@code
 * ANY_USER_ACCOUNT}) inside the perimeter call a required service (or {@code *}) on any resource
 * ({@code resources: ["*"]}) or on resources outside Google Cloud ({@code externalResources}): a
 * way out for data, from any workload.
 */
public final class EgressToAnyResource extends BaseRule implements ConfigRule {

  public EgressToAnyResource() {
    super("egress-to-any-resource", Category.PERIMETER);
  }

  @Override
  public void check(Subject s, Results out) {
    List<EgressPolicy> rules = s.config().egressPolicies();
    boolean failed = false;
    for (int i = 0; i < rules.size(); i++) {
      EgressPolicy r = rules.get(i);
      if (r.from() == null || r.to() == null) {
        continue;
      }
      String type = r.from().identityType();
      List<String> reached = Openings.reached(r.to().operations(), s.profile());
      boolean anyResource = r.to().resources().contains("*");
      boolean external = !r.to().externalResources().isEmpty();
      if (!Openings.ANYBODY.contains(type) || reached.isEmpty() || !(anyResource || external)) {
        continue;
      }
      failed = true;
      String part = s.field() + ".egressPolicies[" + i + "]";
      out.manual(
          part,
          null,
          text(
              "message",
              Openings.named(part, r.title()),
              type,
              Openings.services(reached),
              anyResource
                  ? text("any-resource")
                  : text("external", Text.list(r.to().externalResources()))),
          Openings.narrow(
              s,
              "egressPolicies",
              i,
              anyResource ? text("how-any", type) : text("how-external", type)));
    }
    if (!failed) {
      out.pass(null);
    }
  }
}
