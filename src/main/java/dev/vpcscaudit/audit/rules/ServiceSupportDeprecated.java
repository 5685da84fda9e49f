package dev.vpcscaudit.audit.rules;

import dev.vpcscaudit.audit.BaseRule;
import dev.vpcscaudit.audit.Category;
import dev.vpcscaudit.audit.ServiceRule;
import dev.vpcscaudit.audit.Severity;
import dev.vpcscaudit.audit.SubjectResults;
import dev.vpcscaudit.model.SupportedService;
import dev.vpcscaudit.profile.Profile;

/** {@code service-support-deprecated}. */
public final class ServiceSupportDeprecated extends BaseRule implements ServiceRule {

  public ServiceSupportDeprecated() {
    super(
        "service-support-deprecated",
        "VPC Service Controls support for a required service is deprecated",
        "Read the service's VPC Service Controls notes and plan for the end of support.",
        Category.SERVICES,
        Severity.WARNING);
  }

  @Override
  public void check(
      String service, SupportedService supported, Profile profile, SubjectResults out) {
    if (supported != null && supported.serviceSupportStage().equals("DEPRECATED")) {
      out.fail(
          Severity.WARNING,
          "VPC Service Controls support for " + service + " is deprecated",
          elsewhere("no change to a perimeter fixes it"));
    }
  }
}
