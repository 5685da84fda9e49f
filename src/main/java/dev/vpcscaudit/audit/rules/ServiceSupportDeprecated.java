package dev.vpcscaudit.audit.rules;

import dev.vpcscaudit.audit.BaseRule;
import dev.vpcscaudit.audit.Category;
import dev.vpcscaudit.audit.ServiceRule;
import dev.vpcscaudit.audit.Severity;
import dev.vpcscaudit.audit.SubjectResults;
import dev.vpcscaudit.i18n.Text;
import dev.vpcscaudit.model.SupportedService;
import dev.vpcscaudit.profile.Profile;

/** {@code service-support-deprecated}. */
public final class ServiceSupportDeprecated extends BaseRule implements ServiceRule {

  public ServiceSupportDeprecated() {
    super("service-support-deprecated", Category.SERVICES, Severity.WARNING);
  }

  @Override
  public void check(
      String service, SupportedService supported, Profile profile, SubjectResults out) {
    if (supported != null && supported.serviceSupportStage().equals("DEPRECATED")) {
      out.fail(
          Severity.WARNING,
          text("message", service),
          elsewhere(Text.of("remedy.no-perimeter-change")));
    }
  }
}
