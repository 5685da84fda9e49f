package dev.vpcscaudit.audit.rules;

import dev.vpcscaudit.audit.Category;
import dev.vpcscaudit.audit.Remedy;
import dev.vpcscaudit.audit.ServiceRule;
import dev.vpcscaudit.audit.Severity;
import dev.vpcscaudit.audit.SubjectResults;
import dev.vpcscaudit.model.SupportedService;
import dev.vpcscaudit.profile.Profile;

/** {@code service-not-on-restricted-vip}. */
public final class ServiceNotOnRestrictedVip implements ServiceRule {

  @Override
  public String id() {
    return "service-not-on-restricted-vip";
  }

  @Override
  public String title() {
    return "A required service is not available on the restricted VIP";
  }

  @Override
  public String help() {
    return "Workloads cannot reach it through restricted.googleapis.com; plan another path and review"
        + " the profile.";
  }

  @Override
  public Category category() {
    return Category.SERVICES;
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
          remedy());
    }
  }

  private Remedy remedy() {
    return new Remedy.Manual("no change to a perimeter fixes it", help());
  }
}
