package dev.vpcscaudit.model;

import java.util.List;

/**
 * {@code vpcAccessibleServices} of a perimeter config: which Google APIs the perimeter's VPC
 * networks may reach. {@code allowedServices} may hold {@link #RESTRICTED_SERVICES}.
 */
public record VpcAccessibleServices(
    @Wire(json = "enableRestriction", hcl = "enable_restriction", hclAlways = true)
        boolean enableRestriction,
    @Wire(json = "allowedServices", hcl = "allowed_services") List<String> allowedServices,
    @Wire(json = "allowedServicePatterns", hcl = "allowed_service_patterns")
        List<ServicePattern> allowedServicePatterns,
    @Wire(json = "servicePatternsEnforcementScopes", hcl = "service_patterns_enforcement_scopes")
        List<String> servicePatternsEnforcementScopes) {

  /** The special allowed-service value meaning "every service this perimeter restricts". */
  public static final String RESTRICTED_SERVICES = "RESTRICTED-SERVICES";

  public static final VpcAccessibleServices DISABLED =
      new VpcAccessibleServices(false, List.of(), List.of(), List.of());

  public VpcAccessibleServices {
    allowedServices = List.copyOf(allowedServices);
    allowedServicePatterns = List.copyOf(allowedServicePatterns);
    servicePatternsEnforcementScopes = List.copyOf(servicePatternsEnforcementScopes);
  }

  public boolean allowsRestrictedServices() {
    return allowedServices.contains(RESTRICTED_SERVICES);
  }
}
