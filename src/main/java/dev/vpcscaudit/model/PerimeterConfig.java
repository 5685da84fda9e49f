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
    List<String> resources,
    List<String> accessLevels,
    List<String> restrictedServices,
    VpcAccessibleServices vpcAccessibleServices,
    List<IngressPolicy> ingressPolicies,
    List<EgressPolicy> egressPolicies) {

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
