package dev.vpcscaudit.plan;

import java.util.List;

/**
 * Additions to one config of a perimeter. A change only ever adds: it never removes a resource,
 * access level, service or rule.
 *
 * @param spec true for the dry-run config (spec), false for the enforced config (status)
 * @param addResources e.g. {@code projects/NUMBER}
 * @param addRestrictedServices services to add to {@code restrictedServices}
 * @param enableVpcRestriction set {@code vpcAccessibleServices.enableRestriction} to true
 * @param addVpcAllowedServices services (or {@code RESTRICTED-SERVICES}) to allow
 */
public record ConfigChange(
    boolean spec,
    List<String> addResources,
    List<String> addRestrictedServices,
    boolean enableVpcRestriction,
    List<String> addVpcAllowedServices) {

  public ConfigChange {
    addResources = List.copyOf(addResources);
    addRestrictedServices = List.copyOf(addRestrictedServices);
    addVpcAllowedServices = List.copyOf(addVpcAllowedServices);
  }

  public boolean isEmpty() {
    return addResources.isEmpty()
        && addRestrictedServices.isEmpty()
        && !enableVpcRestriction
        && addVpcAllowedServices.isEmpty();
  }

  /** Every value this change adds, for comparisons that must ignore the fix itself. */
  List<String> addedValues() {
    List<String> all = new java.util.ArrayList<>(addResources);
    all.addAll(addRestrictedServices);
    all.addAll(addVpcAllowedServices);
    return all;
  }
}
