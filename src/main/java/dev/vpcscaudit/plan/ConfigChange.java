package dev.vpcscaudit.plan;

import dev.vpcscaudit.audit.ConfigTarget;
import dev.vpcscaudit.audit.Edit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

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

  /** The edits of fix actions to one config, as one change (duplicates dropped). */
  static ConfigChange of(ConfigTarget target, List<Edit> edits) {
    Set<String> resources = new LinkedHashSet<>();
    Set<String> restricted = new LinkedHashSet<>();
    Set<String> allowed = new LinkedHashSet<>();
    boolean enable = false;
    for (Edit e : edits) {
      if (e instanceof Edit.AddResource r) {
        resources.add(r.resource());
      } else if (e instanceof Edit.AddRestrictedService r) {
        restricted.add(r.service());
      } else if (e instanceof Edit.EnableVpcRestriction) {
        enable = true;
      } else if (e instanceof Edit.AddVpcAllowedService a) {
        allowed.add(a.service());
      }
    }
    return new ConfigChange(
        target == ConfigTarget.SPEC,
        new ArrayList<>(resources),
        new ArrayList<>(restricted),
        enable,
        new ArrayList<>(allowed));
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
