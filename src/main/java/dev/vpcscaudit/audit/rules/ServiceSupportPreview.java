package dev.vpcscaudit.audit.rules;

import dev.vpcscaudit.audit.BaseRule;
import dev.vpcscaudit.audit.Category;
import dev.vpcscaudit.audit.ServiceRule;
import dev.vpcscaudit.audit.Severity;
import dev.vpcscaudit.audit.SubjectResults;
import dev.vpcscaudit.i18n.Text;
import dev.vpcscaudit.model.SupportedService;
import dev.vpcscaudit.profile.Profile;

/** {@code service-support-preview}. */
public final class ServiceSupportPreview extends BaseRule implements ServiceRule {

  public ServiceSupportPreview() {
    super("service-support-preview", Category.SERVICES, Severity.INFO);
  }

  @Override
  public void check(
      String service, SupportedService supported, Profile profile, SubjectResults out) {
    if (supported != null && supported.serviceSupportStage().equals("PREVIEW")) {
      out.fail(
          Severity.INFO,
          supported.knownLimitations() ? text("limitations", service) : text("message", service),
          elsewhere(Text.of("remedy.no-perimeter-change")));
    }
  }
}
