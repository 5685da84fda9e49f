package dev.vpcscaudit.audit.rules;

import dev.vpcscaudit.audit.Category;
import dev.vpcscaudit.audit.Remedy;
import dev.vpcscaudit.audit.ServiceRule;
import dev.vpcscaudit.audit.Severity;
import dev.vpcscaudit.audit.SubjectResults;
import dev.vpcscaudit.model.SupportedService;
import dev.vpcscaudit.profile.Profile;

/** {@code service-support-deprecated}. */
public final class ServiceSupportDeprecated implements ServiceRule {

  @Override
  public String id() {
    return "service-support-deprecated";
  }

  @Override
  public String title() {
    return "VPC Service Controls support for a required service is deprecated";
  }

  @Override
  public String help() {
    return "Read the service's VPC Service Controls notes and plan for the end of support.";
  }

  @Override
  public Category category() {
    return Category.SERVICES;
  }

  @Override
  public void check(
      String service, SupportedService supported, Profile profile, SubjectResults out) {
    if (supported != null && supported.serviceSupportStage().equals("DEPRECATED")) {
      out.fail(
          Severity.WARNING,
          "VPC Service Controls support for " + service + " is deprecated",
          remedy());
    }
  }

  private Remedy remedy() {
    return new Remedy.Manual("no change to a perimeter fixes it", help());
  }
}
