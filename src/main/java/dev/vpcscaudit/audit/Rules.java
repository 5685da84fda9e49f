package dev.vpcscaudit.audit;

import dev.vpcscaudit.audit.rules.AcceptanceExpired;
import dev.vpcscaudit.audit.rules.AccessLevelTooBroad;
import dev.vpcscaudit.audit.rules.AccessLevelUnknown;
import dev.vpcscaudit.audit.rules.DnsInboundForwardingDisabled;
import dev.vpcscaudit.audit.rules.DnsNoAddress;
import dev.vpcscaudit.audit.rules.DnsNotRestrictedVip;
import dev.vpcscaudit.audit.rules.DryRunViolations;
import dev.vpcscaudit.audit.rules.EgressToAnyResource;
import dev.vpcscaudit.audit.rules.EnforcedViolations;
import dev.vpcscaudit.audit.rules.GoogleapisZoneMissing;
import dev.vpcscaudit.audit.rules.GoogleapisZoneNotRestricted;
import dev.vpcscaudit.audit.rules.IngressFromAnyNetwork;
import dev.vpcscaudit.audit.rules.IngressOpenToAnyIdentity;
import dev.vpcscaudit.audit.rules.ProjectNotInPerimeter;
import dev.vpcscaudit.audit.rules.RegistryZoneMissing;
import dev.vpcscaudit.audit.rules.RequiredServiceUnrestricted;
import dev.vpcscaudit.audit.rules.RestrictedVipNotAdvertised;
import dev.vpcscaudit.audit.rules.RestrictedVipRouteMissing;
import dev.vpcscaudit.audit.rules.RestrictedVipRouteShadowed;
import dev.vpcscaudit.audit.rules.ServiceNotOnRestrictedVip;
import dev.vpcscaudit.audit.rules.ServiceNotSupported;
import dev.vpcscaudit.audit.rules.ServiceSupportDeprecated;
import dev.vpcscaudit.audit.rules.ServiceSupportPreview;
import dev.vpcscaudit.audit.rules.VpcAccessibleServicesDisabled;
import dev.vpcscaudit.audit.rules.VpcAllowedServiceMissing;
import java.util.List;

/** The rule catalogue. A new rule is one class in {@code audit.rules} and one line here. */
public final class Rules {

  public static final ProjectRule PROJECT_NOT_IN_PERIMETER = new ProjectNotInPerimeter();
  public static final ConfigRule REQUIRED_SERVICE_UNRESTRICTED = new RequiredServiceUnrestricted();
  public static final ConfigRule VPC_ACCESSIBLE_SERVICES_DISABLED =
      new VpcAccessibleServicesDisabled();
  public static final ConfigRule VPC_ALLOWED_SERVICE_MISSING = new VpcAllowedServiceMissing();
  public static final ConfigRule INGRESS_OPEN_TO_ANY_IDENTITY = new IngressOpenToAnyIdentity();
  public static final ConfigRule INGRESS_FROM_ANY_NETWORK = new IngressFromAnyNetwork();
  public static final ConfigRule EGRESS_TO_ANY_RESOURCE = new EgressToAnyResource();
  public static final ConfigRule ACCESS_LEVEL_UNKNOWN = new AccessLevelUnknown();
  public static final ConfigRule ACCESS_LEVEL_TOO_BROAD = new AccessLevelTooBroad();
  public static final Rule ACCEPTANCE_EXPIRED = new AcceptanceExpired();
  public static final Rule DRY_RUN_VIOLATIONS = new DryRunViolations();
  public static final Rule ENFORCED_VIOLATIONS = new EnforcedViolations();
  public static final ServiceRule SERVICE_NOT_SUPPORTED = new ServiceNotSupported();
  public static final ServiceRule SERVICE_NOT_ON_RESTRICTED_VIP = new ServiceNotOnRestrictedVip();
  public static final ServiceRule SERVICE_SUPPORT_DEPRECATED = new ServiceSupportDeprecated();
  public static final ServiceRule SERVICE_SUPPORT_PREVIEW = new ServiceSupportPreview();
  public static final DnsRule DNS_NOT_RESTRICTED_VIP = new DnsNotRestrictedVip();
  public static final DnsRule DNS_NO_ADDRESS = new DnsNoAddress();
  public static final NetworkRule RESTRICTED_VIP_NOT_ADVERTISED = new RestrictedVipNotAdvertised();
  public static final NetworkRule RESTRICTED_VIP_ROUTE_MISSING = new RestrictedVipRouteMissing();
  public static final NetworkRule RESTRICTED_VIP_ROUTE_SHADOWED = new RestrictedVipRouteShadowed();
  public static final NetworkRule GOOGLEAPIS_ZONE_MISSING = new GoogleapisZoneMissing();
  public static final NetworkRule GOOGLEAPIS_ZONE_NOT_RESTRICTED =
      new GoogleapisZoneNotRestricted();
  public static final NetworkRule REGISTRY_ZONE_MISSING = new RegistryZoneMissing();
  public static final NetworkRule DNS_INBOUND_FORWARDING_DISABLED =
      new DnsInboundForwardingDisabled();
  public static final ProjectRule NETWORK_OUTSIDE_PERIMETER =
      new dev.vpcscaudit.audit.rules.NetworkOutsidePerimeter();
  public static final ProjectRule SHARED_VPC_HOST_OUTSIDE_PERIMETER =
      new dev.vpcscaudit.audit.rules.SharedVpcHostOutsidePerimeter();
  public static final ConfigRule COMPANION_SERVICE_UNRESTRICTED =
      new dev.vpcscaudit.audit.rules.CompanionServiceUnrestricted();

  /** Every rule, in catalogue order (SARIF {@code ruleIndex}). */
  public static final List<Rule> ALL =
      List.of(
          PROJECT_NOT_IN_PERIMETER,
          REQUIRED_SERVICE_UNRESTRICTED,
          VPC_ACCESSIBLE_SERVICES_DISABLED,
          VPC_ALLOWED_SERVICE_MISSING,
          INGRESS_OPEN_TO_ANY_IDENTITY,
          INGRESS_FROM_ANY_NETWORK,
          EGRESS_TO_ANY_RESOURCE,
          ACCESS_LEVEL_UNKNOWN,
          ACCESS_LEVEL_TOO_BROAD,
          ACCEPTANCE_EXPIRED,
          DRY_RUN_VIOLATIONS,
          ENFORCED_VIOLATIONS,
          SERVICE_NOT_SUPPORTED,
          SERVICE_NOT_ON_RESTRICTED_VIP,
          SERVICE_SUPPORT_DEPRECATED,
          SERVICE_SUPPORT_PREVIEW,
          DNS_NOT_RESTRICTED_VIP,
          DNS_NO_ADDRESS,
          RESTRICTED_VIP_NOT_ADVERTISED,
          RESTRICTED_VIP_ROUTE_MISSING,
          RESTRICTED_VIP_ROUTE_SHADOWED,
          GOOGLEAPIS_ZONE_MISSING,
          GOOGLEAPIS_ZONE_NOT_RESTRICTED,
          REGISTRY_ZONE_MISSING,
          DNS_INBOUND_FORWARDING_DISABLED,
          NETWORK_OUTSIDE_PERIMETER,
          SHARED_VPC_HOST_OUTSIDE_PERIMETER,
          COMPANION_SERVICE_UNRESTRICTED);

  private Rules() {}

  public static List<ProjectRule> projectRules() {
    return of(ProjectRule.class);
  }

  public static List<ConfigRule> configRules() {
    return of(ConfigRule.class);
  }

  public static List<ServiceRule> serviceRules() {
    return of(ServiceRule.class);
  }

  public static List<DnsRule> dnsRules() {
    return of(DnsRule.class);
  }

  public static List<NetworkRule> networkRules() {
    return of(NetworkRule.class);
  }

  /** The rule's position in {@link #ALL}. */
  /** The rule with {@code id}, or null. */
  public static Rule byId(String id) {
    return ALL.stream().filter(r -> r.id().equals(id)).findFirst().orElse(null);
  }

  public static int index(Rule rule) {
    return ALL.indexOf(rule);
  }

  private static <T extends Rule> List<T> of(Class<T> kind) {
    return ALL.stream().filter(kind::isInstance).map(kind::cast).toList();
  }
}
