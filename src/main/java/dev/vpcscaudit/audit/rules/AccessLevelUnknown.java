package dev.vpcscaudit.audit.rules;

import dev.vpcscaudit.audit.BaseRule;
import dev.vpcscaudit.audit.Category;
import dev.vpcscaudit.audit.ConfigRule;

/**
 * {@code access-level-unknown}: every access level the config names (its {@code accessLevels} and
 * its ingress sources) exists in the perimeter's policy. A missing level is a configuration that
 * does not mean what it says.
 */
public final class AccessLevelUnknown extends BaseRule implements ConfigRule {

  public AccessLevelUnknown() {
    super("access-level-unknown", Category.PERIMETER);
  }

  @Override
  public void check(Subject s, Results out) {
    if (!s.levels().read()) {
      return;
    }
    boolean failed = false;
    for (String name : UsedLevels.of(s.config())) {
      if (s.levels().get(name) != null) {
        continue;
      }
      failed = true;
      out.manual(
          name,
          null,
          text("message", s.field(), name, s.perimeter().policy()),
          text(
              "step",
              "gcloud access-context-manager levels create "
                  + name.substring(name.lastIndexOf('/') + 1)
                  + " --policy="
                  + s.perimeter().policyNumber()
                  + " ..."));
    }
    if (!failed) {
      out.pass(null);
    }
  }
}
