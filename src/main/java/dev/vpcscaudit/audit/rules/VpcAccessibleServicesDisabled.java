package dev.vpcscaudit.audit.rules;

import dev.vpcscaudit.audit.BaseRule;
import dev.vpcscaudit.audit.Category;
import dev.vpcscaudit.audit.ConfigRule;
import dev.vpcscaudit.audit.Edit;
import dev.vpcscaudit.model.VpcAccessibleServices;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code vpc-accessible-services-disabled}: when the profile requires it, {@code
 * vpcAccessibleServices.enableRestriction} is true. The fix enables it with {@code
 * RESTRICTED-SERVICES} allowed, so that every restricted service stays reachable and only
 * unrestricted APIs are cut off.
 */
public final class VpcAccessibleServicesDisabled extends BaseRule implements ConfigRule {

  public VpcAccessibleServicesDisabled() {
    super("vpc-accessible-services-disabled", Category.PERIMETER);
  }

  @Override
  public void check(Subject s, Results out) {
    if (!s.profile().vpcAccessibleServicesRequired()) {
      return;
    }
    VpcAccessibleServices vpc = s.config().vpcOrDefault();
    if (vpc.enableRestriction()) {
      out.pass(null);
      return;
    }
    List<Edit> edits = new ArrayList<>();
    edits.add(new Edit.EnableVpcRestriction());
    if (!vpc.allowsRestrictedServices()) {
      edits.add(new Edit.AddVpcAllowedService(VpcAccessibleServices.RESTRICTED_SERVICES));
    }
    out.fail(null, text("message", s.field()), edits);
  }
}
