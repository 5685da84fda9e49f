package dev.vpcscaudit.audit.rules;

import dev.vpcscaudit.audit.BaseRule;
import dev.vpcscaudit.audit.Category;
import dev.vpcscaudit.audit.ConfigRule;
import dev.vpcscaudit.audit.Edit;
import dev.vpcscaudit.model.VpcAccessibleServices;
import java.util.List;

/**
 * {@code vpc-allowed-service-missing}: with the restriction enabled, each required service is
 * allowed by name or through {@code RESTRICTED-SERVICES} (which covers only restricted services). A
 * service that is unrestricted while {@code RESTRICTED-SERVICES} is allowed is left to {@link
 * RequiredServiceUnrestricted}: restricting it also makes it accessible.
 */
public final class VpcAllowedServiceMissing extends BaseRule implements ConfigRule {

  public VpcAllowedServiceMissing() {
    super("vpc-allowed-service-missing", Category.PERIMETER);
  }

  @Override
  public void check(Subject s, Results out) {
    if (!s.profile().vpcAccessibleServicesRequired()) {
      return;
    }
    VpcAccessibleServices vpc = s.config().vpcOrDefault();
    for (String service : s.profile().requiredServices()) {
      boolean restricted = s.config().restrictedServices().contains(service);
      boolean allowed =
          vpc.allowedServices().contains(service) || vpc.allowsRestrictedServices() && restricted;
      boolean leftToUnrestricted = !restricted && vpc.allowsRestrictedServices();
      if (!vpc.enableRestriction() || allowed || leftToUnrestricted) {
        // Disabled: vpc-accessible-services-disabled reports it, and its fix allows
        // RESTRICTED-SERVICES.
        out.pass(service);
      } else {
        out.fail(
            service,
            text("message", service, s.field(), VpcAccessibleServices.RESTRICTED_SERVICES),
            List.of(new Edit.AddVpcAllowedService(service)));
      }
    }
  }
}
