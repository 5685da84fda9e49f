package dev.vpcscaudit.audit;

import java.util.Objects;

/** One additive change to a perimeter config. No edit ever removes anything. */
public sealed interface Edit {

  /** Add a resource ({@code projects/NUMBER}) to {@code resources}. */
  record AddResource(String resource) implements Edit {
    public AddResource {
      Objects.requireNonNull(resource, "resource");
    }
  }

  /** Add a service to {@code restrictedServices}. */
  record AddRestrictedService(String service) implements Edit {
    public AddRestrictedService {
      Objects.requireNonNull(service, "service");
    }
  }

  /** Set {@code vpcAccessibleServices.enableRestriction} to true. */
  record EnableVpcRestriction() implements Edit {}

  /**
   * Add a service (or {@code RESTRICTED-SERVICES}) to {@code
   * vpcAccessibleServices.allowedServices}.
   */
  record AddVpcAllowedService(String service) implements Edit {
    public AddVpcAllowedService {
      Objects.requireNonNull(service, "service");
    }
  }
}
