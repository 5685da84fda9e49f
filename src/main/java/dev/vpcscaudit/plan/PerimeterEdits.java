package dev.vpcscaudit.plan;

import dev.vpcscaudit.model.PerimeterConfig;
import dev.vpcscaudit.model.ServicePerimeter;
import dev.vpcscaudit.model.VpcAccessibleServices;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Applies {@link ConfigChange}s the way gcloud does: {@code --add-*} flags add what is missing
 * (adding an existing item is a no-op), and a change to the spec of a perimeter without an explicit
 * spec first copies status into spec and sets {@code useExplicitDryRunSpec}.
 */
final class PerimeterEdits {

  private PerimeterEdits() {}

  static ServicePerimeter apply(ServicePerimeter p, List<ConfigChange> changes) {
    PerimeterConfig status = p.status();
    PerimeterConfig spec = p.spec();
    boolean explicit = p.useExplicitDryRunSpec();
    for (ConfigChange c : changes) {
      if (c.spec()) {
        if (!explicit) {
          spec = status == null ? PerimeterConfig.EMPTY : status;
          explicit = true;
        }
        spec = apply(spec == null ? PerimeterConfig.EMPTY : spec, c);
      } else {
        status = apply(status == null ? PerimeterConfig.EMPTY : status, c);
      }
    }
    return p.withConfigs(status, spec, explicit);
  }

  static PerimeterConfig apply(PerimeterConfig c, ConfigChange change) {
    VpcAccessibleServices vpc = c.vpcAccessibleServices();
    if (change.enableVpcRestriction() || !change.addVpcAllowedServices().isEmpty()) {
      VpcAccessibleServices base = c.vpcOrDefault();
      vpc =
          new VpcAccessibleServices(
              base.enableRestriction() || change.enableVpcRestriction(),
              union(base.allowedServices(), change.addVpcAllowedServices()),
              base.allowedServicePatterns(),
              base.servicePatternsEnforcementScopes());
    }
    return new PerimeterConfig(
        union(c.resources(), change.addResources()),
        c.accessLevels(),
        union(c.restrictedServices(), change.addRestrictedServices()),
        vpc,
        c.ingressPolicies(),
        c.egressPolicies());
  }

  private static List<String> union(List<String> existing, List<String> added) {
    LinkedHashSet<String> out = new LinkedHashSet<>(existing);
    out.addAll(added);
    return new ArrayList<>(out);
  }
}
