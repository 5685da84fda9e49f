package dev.vpcscaudit.audit.rules;

import dev.vpcscaudit.audit.BaseRule;
import dev.vpcscaudit.audit.Category;
import dev.vpcscaudit.audit.ServiceRule;
import dev.vpcscaudit.audit.Severity;
import dev.vpcscaudit.audit.SubjectResults;
import dev.vpcscaudit.i18n.Text;
import dev.vpcscaudit.model.SupportedService;
import dev.vpcscaudit.profile.Profile;

/** {@code service-not-on-restricted-vip}. */
public final class ServiceNotOnRestrictedVip extends BaseRule implements ServiceRule {

  public ServiceNotOnRestrictedVip() {
    super("service-not-on-restricted-vip", Category.SERVICES);
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
          text("message", service),
          elsewhere(Text.of("remedy.no-perimeter-change")));
    }
  }
}
