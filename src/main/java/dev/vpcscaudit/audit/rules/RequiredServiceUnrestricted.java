package dev.vpcscaudit.audit.rules;

import dev.vpcscaudit.audit.Category;
import dev.vpcscaudit.audit.ConfigRule;
import dev.vpcscaudit.audit.Edit;
import java.util.List;

/**
 * {@code required-service-unrestricted}: each required service is in {@code restrictedServices}.
 */
public final class RequiredServiceUnrestricted implements ConfigRule {

  @Override
  public String id() {
    return "required-service-unrestricted";
  }

  @Override
  public String title() {
    return "A required service is not restricted by the perimeter";
  }

  @Override
  public String help() {
    return "Add the service to the perimeter's restricted services.";
  }

  @Override
  public Category category() {
    return Category.PERIMETER;
  }

  @Override
  public void check(Subject s, Results out) {
    for (String service : s.profile().requiredServices()) {
      if (s.config().restrictedServices().contains(service)) {
        out.pass(service);
      } else {
        out.fail(
            service,
            service + " is not in " + s.field() + ".restrictedServices",
            List.of(new Edit.AddRestrictedService(service)));
      }
    }
  }
}
