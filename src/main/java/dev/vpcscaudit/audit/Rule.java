package dev.vpcscaudit.audit;

/** The audit's rules; {@link #id()} is the stable ID in every report format. */
public enum Rule {
  PROJECT_NOT_IN_PERIMETER(
      "project-not-in-perimeter",
      "The project is not in a regular service perimeter",
      "Add projects/NUMBER to the resources of a regular perimeter."),
  REQUIRED_SERVICE_UNRESTRICTED(
      "required-service-unrestricted",
      "A required service is not restricted by the perimeter",
      "Add the service to the perimeter's restricted services."),
  VPC_ACCESSIBLE_SERVICES_DISABLED(
      "vpc-accessible-services-disabled",
      "VPC accessible services are not restricted",
      "Enable VPC accessible services and allow RESTRICTED-SERVICES."),
  VPC_ALLOWED_SERVICE_MISSING(
      "vpc-allowed-service-missing",
      "A required service is not accessible from the perimeter's VPC networks",
      "Add the service (or RESTRICTED-SERVICES) to the VPC allowed services."),
  SERVICE_NOT_SUPPORTED(
      "service-not-supported",
      "A required service is not supported by VPC Service Controls",
      "Check the service name in the profile: a perimeter cannot protect an unsupported service."),
  SERVICE_NOT_ON_RESTRICTED_VIP(
      "service-not-on-restricted-vip",
      "A required service is not available on the restricted VIP",
      "Workloads cannot reach it through restricted.googleapis.com; plan another path and review"
          + " the profile."),
  SERVICE_SUPPORT_DEPRECATED(
      "service-support-deprecated",
      "VPC Service Controls support for a required service is deprecated",
      "Read the service's VPC Service Controls notes and plan for the end of support."),
  SERVICE_SUPPORT_PREVIEW(
      "service-support-preview",
      "VPC Service Controls support for a required service is in preview",
      "Read the service's known limitations before relying on the perimeter for it."),
  DNS_NOT_RESTRICTED_VIP(
      "dns-not-restricted-vip",
      "A host name does not resolve to the restricted VIP",
      "Serve a private googleapis.com zone: A restricted.googleapis.com -> 199.36.153.4-7, CNAME"
          + " *.googleapis.com -> restricted.googleapis.com (and gcr.io, pkg.dev the same way)."),
  DNS_NO_ADDRESS(
      "dns-no-address",
      "A host name does not resolve at all",
      "Add the name to the private zone (CNAME to the restricted VIP) on the resolver the hosts"
          + " use.");

  private final String id;
  private final String title;
  private final String fix;

  Rule(String id, String title, String fix) {
    this.id = id;
    this.title = title;
    this.fix = fix;
  }

  public String id() {
    return id;
  }

  /** One sentence naming the problem, for rule catalogues (SARIF, help). */
  public String title() {
    return title;
  }

  /** One sentence on what to change. */
  public String fix() {
    return fix;
  }

  /** True for the rules about a service's support, not about a perimeter or the project. */
  public boolean isServiceRule() {
    return this == SERVICE_NOT_SUPPORTED
        || this == SERVICE_NOT_ON_RESTRICTED_VIP
        || this == SERVICE_SUPPORT_DEPRECATED
        || this == SERVICE_SUPPORT_PREVIEW;
  }

  /** True for the rules a fix plan can fix: the perimeter rules. */
  public boolean isPerimeterRule() {
    return !isServiceRule() && !isDnsRule();
  }

  /** True for the rules about what host names resolve to. */
  public boolean isDnsRule() {
    return this == DNS_NOT_RESTRICTED_VIP || this == DNS_NO_ADDRESS;
  }
}
