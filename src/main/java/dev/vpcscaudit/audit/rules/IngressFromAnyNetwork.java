package dev.vpcscaudit.audit.rules;

import dev.vpcscaudit.audit.AccessLevels;
import dev.vpcscaudit.audit.BaseRule;
import dev.vpcscaudit.audit.Category;
import dev.vpcscaudit.audit.ConfigRule;
import dev.vpcscaudit.i18n.Text;
import dev.vpcscaudit.model.AccessLevel;
import dev.vpcscaudit.model.Source;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ingress-from-any-network}: no ingress rule to a required service (or {@code *}) of the
 * audited project takes its sources from every network: a {@code resource: "*"} source, or an
 * access level that admits every IP address (0.0.0.0/0, ::/0). The access-level part needs the
 * levels read; without them only {@code *} resources are checked (the coverage says so).
 */
public final class IngressFromAnyNetwork extends BaseRule implements ConfigRule {

  public IngressFromAnyNetwork() {
    super("ingress-from-any-network", Category.PERIMETER);
  }

  @Override
  public void check(Subject s, Results out) {
    boolean failed = false;
    for (Openings.Ingress in : Openings.ingressToProject(s)) {
      var from = in.rule().from();
      if (from.identityType().isEmpty()
          && !from.identities().isEmpty()
          && s.profile().allowIngressIdentities().containsAll(from.identities())) {
        continue; // only identities the profile accepts from anywhere
      }
      List<Text> open = new ArrayList<>();
      for (Source src : in.rule().from().sources()) {
        if (src.resource().equals("*")) {
          open.add(text("any-resource"));
        } else if (!src.accessLevel().isEmpty() && !src.accessLevel().equals("*")) {
          AccessLevel level = s.levels().get(src.accessLevel());
          if (level != null
              && AccessLevels.evaluate(level, s.profile()).reach() == AccessLevels.Reach.EVERY_IP) {
            open.add(text("every-ip", src.accessLevel()));
          }
        }
      }
      if (open.isEmpty()) {
        continue;
      }
      failed = true;
      out.manual(
          in.part(s),
          null,
          text("message", in.named(s), Text.list(open), Openings.services(in.reached())),
          Openings.narrow(s, "ingressPolicies", in.index(), text("how")));
    }
    if (!failed) {
      out.pass(null);
    }
  }
}
