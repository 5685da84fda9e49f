package dev.vpcscaudit.audit.rules;

import dev.vpcscaudit.audit.Category;
import dev.vpcscaudit.audit.Remedy;
import dev.vpcscaudit.audit.ServiceRule;
import dev.vpcscaudit.audit.Severity;
import dev.vpcscaudit.audit.SubjectResults;
import dev.vpcscaudit.model.SupportedService;
import dev.vpcscaudit.profile.Profile;

/** {@code service-not-supported}. */
public final class ServiceNotSupported implements ServiceRule {

  @Override
  public String id() {
    return "service-not-supported";
  }

  @Override
  public String title() {
    return "A required service is not supported by VPC Service Controls";
  }

  @Override
  public String help() {
    return "Check the service name in the profile: a perimeter cannot protect an unsupported service.";
  }

  @Override
  public Category category() {
    return Category.SERVICES;
  }

  @Override
  public void check(
      String service, SupportedService supported, Profile profile, SubjectResults out) {
    if (supported != null) {
      out.pass();
    } else {
      out.fail(
          Severity.ERROR,
          service + " is not in the list of services VPC Service Controls supports",
          remedy());
    }
  }

  private Remedy remedy() {
    return new Remedy.Manual("no change to a perimeter fixes it", help());
  }
}
