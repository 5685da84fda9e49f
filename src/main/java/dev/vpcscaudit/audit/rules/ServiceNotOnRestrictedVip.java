package dev.vpcscaudit.audit.rules;

import dev.vpcscaudit.audit.BaseRule;
import dev.vpcscaudit.audit.Category;
import dev.vpcscaudit.audit.ServiceRule;
import dev.vpcscaudit.audit.Severity;
import dev.vpcscaudit.audit.SubjectResults;
import dev.vpcscaudit.model.SupportedService;
import dev.vpcscaudit.profile.Profile;

/** {@code service-not-on-restricted-vip}. */
public final class ServiceNotOnRestrictedVip extends BaseRule implements ServiceRule {

  public ServiceNotOnRestrictedVip() {
    super(
        "service-not-on-restricted-vip",
        "A required service is not available on the restricted VIP",
        "Workloads cannot reach it through restricted.googleapis.com; plan another path and review"
            + " the profile.",
        Category.SERVICES);
  }

  @Override
  public void check(
      String service, SupportedService supported, Profile profile, SubjectResults out) {
    if (!profile.restrictedVipRequired()) {
      return;
    }
    if (supported == null || supported.availableOnRestrictedVip()) {
      out.pass();
    } else {
      out.fail(
          Severity.ERROR,
          service + " is not available on the restricted VIP (restricted.googleapis.com)",
          elsewhere("no change to a perimeter fixes it"));
    }
  }
}
