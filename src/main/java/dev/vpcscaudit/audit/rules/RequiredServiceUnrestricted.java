package dev.vpcscaudit.audit.rules;

import dev.vpcscaudit.audit.BaseRule;
import dev.vpcscaudit.audit.Category;
import dev.vpcscaudit.audit.ConfigRule;
import dev.vpcscaudit.audit.Edit;
import java.util.List;

/**
 * {@code required-service-unrestricted}: each required service is in {@code restrictedServices}.
 */
public final class RequiredServiceUnrestricted extends BaseRule implements ConfigRule {

  public RequiredServiceUnrestricted() {
    super("required-service-unrestricted", Category.PERIMETER);
  }

  @Override
  public void check(Subject s, Results out) {
    for (String service : s.profile().requiredServices()) {
      if (s.config().restrictedServices().contains(service)) {
        out.pass(service);
      } else {
        out.fail(
            service,
            text("message", service, s.field()),
            List.of(new Edit.AddRestrictedService(service)));
      }
    }
  }
}
