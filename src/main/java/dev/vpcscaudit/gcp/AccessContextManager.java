package dev.vpcscaudit.gcp;

import dev.vpcscaudit.model.ServicePerimeter;
import dev.vpcscaudit.model.SupportedService;
import java.util.List;

/** The read-only part of the Access Context Manager v1 API that the audit needs. */
public interface AccessContextManager {

  /** {@code GET v1/accessPolicies?parent=ORGANIZATION}, every page. */
  List<PolicyInfo> policies(String organization);

  /** {@code GET v1/{policy}/servicePerimeters}, every page, every field kept. */
  List<ServicePerimeter> perimeters(String policy);

  /**
   * {@code GET v1/{policy}/accessLevels?accessLevelFormat=AS_DEFINED}, every page (the levels as
   * written, not converted to CEL).
   */
  List<dev.vpcscaudit.model.AccessLevel> accessLevels(String policy);

  /** {@code GET v1/services}, every page: the services VPC Service Controls supports. */
  List<SupportedService> supportedServices();

  /**
   * An access policy.
   *
   * @param name {@code accessPolicies/N}
   * @param scopes empty for the organization-level policy, else one {@code folders/N} or {@code
   *     projects/N}
   */
  record PolicyInfo(String name, String title, List<String> scopes) {
    public PolicyInfo {
      scopes = List.copyOf(scopes);
    }
  }
}
