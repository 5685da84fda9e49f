package dev.vpcscaudit.model;

import java.util.List;

/**
 * A perimeter's {@code status} or {@code spec} ({@code ServicePerimeterConfig}).
 *
 * @param resources {@code projects/NUMBER} entries and VPC networks ({@code
 *     //compute.googleapis.com/projects/ID/global/networks/NAME})
 * @param vpcAccessibleServices null when the field is absent
 */
public record PerimeterConfig(
    @Wire(json = "resources", hcl = "resources") List<String> resources,
    @Wire(json = "accessLevels", hcl = "access_levels") List<String> accessLevels,
    @Wire(json = "restrictedServices", hcl = "restricted_services") List<String> restrictedServices,
    @Wire(json = "vpcAccessibleServices", hcl = "vpc_accessible_services")
        VpcAccessibleServices vpcAccessibleServices,
    @Wire(json = "ingressPolicies", hcl = "ingress_policies") List<IngressPolicy> ingressPolicies,
    @Wire(json = "egressPolicies", hcl = "egress_policies") List<EgressPolicy> egressPolicies) {

  public static final PerimeterConfig EMPTY =
      new PerimeterConfig(List.of(), List.of(), List.of(), null, List.of(), List.of());

  public PerimeterConfig {
    resources = List.copyOf(resources);
    accessLevels = List.copyOf(accessLevels);
    restrictedServices = List.copyOf(restrictedServices);
    ingressPolicies = List.copyOf(ingressPolicies);
    egressPolicies = List.copyOf(egressPolicies);
  }

  /** True when {@code resources} lists this exact resource, e.g. {@code projects/123}. */
  public boolean holds(String resource) {
    return resources.contains(resource);
  }

  /** The VPC accessible services settings; absent settings read as restriction disabled. */
  public VpcAccessibleServices vpcOrDefault() {
    return vpcAccessibleServices == null ? VpcAccessibleServices.DISABLED : vpcAccessibleServices;
  }
}
