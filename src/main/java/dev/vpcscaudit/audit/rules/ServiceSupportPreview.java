package dev.vpcscaudit.audit.rules;

import dev.vpcscaudit.audit.BaseRule;
import dev.vpcscaudit.audit.Category;
import dev.vpcscaudit.audit.ServiceRule;
import dev.vpcscaudit.audit.Severity;
import dev.vpcscaudit.audit.SubjectResults;
import dev.vpcscaudit.model.SupportedService;
import dev.vpcscaudit.profile.Profile;

/** {@code service-support-preview}. */
public final class ServiceSupportPreview extends BaseRule implements ServiceRule {

  public ServiceSupportPreview() {
    super(
        "service-support-preview",
        "VPC Service Controls support for a required service is in preview",
        "Read the service's known limitations before relying on the perimeter for it.",
        Category.SERVICES,
        Severity.INFO);
  }

  @Override
  public void check(
      String service, SupportedService supported, Profile profile, SubjectResults out) {
    if (supported != null && supported.serviceSupportStage().equals("PREVIEW")) {
      out.fail(
          Severity.INFO,
          "VPC Service Controls support for "
              + service
              + " is in preview"
              + (supported.knownLimitations() ? ", with known limitations" : ""),
          elsewhere("no change to a perimeter fixes it"));
    }
  }
}
