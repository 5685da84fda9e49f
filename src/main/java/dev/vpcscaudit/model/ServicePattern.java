package dev.vpcscaudit.model;

import java.util.Objects;

/**
 * One entry of {@code vpcAccessibleServices.allowedServicePatterns}: a URL pattern of a supported
 * service that VPC networks in the perimeter may reach. Example: {@code {"service":
 * "storage.googleapis.com", "pattern": "storage.googleapis.com/b/my-bucket/*"}}.
 */
public record ServicePattern(
    @Wire(json = "service", hcl = "service") String service,
    @Wire(json = "pattern", hcl = "pattern") String pattern) {
  public ServicePattern {
    service = Objects.requireNonNullElse(service, "");
    pattern = Objects.requireNonNullElse(pattern, "");
  }
}
