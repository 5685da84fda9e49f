package dev.vpcscaudit.audit.rules;

import dev.vpcscaudit.audit.AccessLevels;
import dev.vpcscaudit.audit.BaseRule;
import dev.vpcscaudit.audit.Category;
import dev.vpcscaudit.audit.ConfigRule;
import dev.vpcscaudit.audit.Severity;
import dev.vpcscaudit.model.AccessLevel;

/**
 * {@code access-level-too-broad} (warning): every access level the config uses (its {@code
 * accessLevels} and its ingress sources) admits only IP ranges as narrow as the profile's {@code
 * maxIpPrefix}. A level the audit cannot evaluate (a custom CEL level, a device policy) is an info
 * finding that says so, never a pass.
 */
public final class AccessLevelTooBroad extends BaseRule implements ConfigRule {

  public AccessLevelTooBroad() {
    super("access-level-too-broad", Category.PERIMETER, Severity.WARNING);
  }

  @Override
  public void check(Subject s, Results out) {
    if (!s.levels().read()) {
      return; // not read: the coverage says the access-level checks did not run
    }
    boolean failed = false;
    for (String name : UsedLevels.of(s.config())) {
      AccessLevel level = s.levels().get(name);
      if (level == null) {
        continue; // access-level-unknown reports it
      }
      AccessLevels.Evaluation e = AccessLevels.evaluate(level, s.profile());
      String describe =
          "gcloud access-context-manager levels describe "
              + name.substring(name.lastIndexOf('/') + 1)
              + " --policy="
              + s.perimeter().policyNumber();
      switch (e.reach()) {
        case EVERY_IP, TOO_BROAD -> {
          failed = true;
          out.manual(
              name,
              Severity.WARNING,
              text("message", name, s.field(), e.why()),
              text("step", describe));
        }
        case NOT_EVALUATED -> {
          failed = true;
          out.manual(
              name,
              Severity.INFO,
              text("not-evaluated", name, s.field(), e.why()),
              text("review", describe));
        }
        case NARROW -> {}
      }
    }
    if (!failed) {
      out.pass(null);
    }
  }
}
