package dev.vpcscaudit.audit.rules;

import dev.vpcscaudit.audit.BaseRule;
import dev.vpcscaudit.audit.Category;
import dev.vpcscaudit.audit.ConfigRule;
import dev.vpcscaudit.audit.Edit;
import dev.vpcscaudit.profile.Profile;
import java.util.List;
import java.util.Map;

/**
 * {@code companion-service-unrestricted} (warning): a required service whose companions (the
 * services VPC Service Controls' documentation says must be restricted with it for it to be fully
 * protected; the profile's {@code companionServices}, each with its source) are not all in {@code
 * restrictedServices}. One check per companion; the plan adds it like a required service.
 */
public final class CompanionServiceUnrestricted extends BaseRule implements ConfigRule {

  public CompanionServiceUnrestricted() {
    super(
        "companion-service-unrestricted",
        Category.PERIMETER,
        dev.vpcscaudit.audit.Severity.WARNING);
  }

  @Override
  public boolean warningOnly() {
    return true;
  }

  @Override
  public void check(Subject s, Results out) {
    for (Map.Entry<String, List<Profile.Companion>> e :
        s.profile().companionServices().entrySet()) {
      for (Profile.Companion c : e.getValue()) {
        if (s.config().restrictedServices().contains(c.service())) {
          out.pass(c.service());
        } else {
          out.fail(
              c.service(),
              text("message", c.service(), s.field(), e.getKey(), c.source()),
              List.of(new Edit.AddRestrictedService(c.service())));
        }
      }
    }
  }
}
