package dev.vpcscaudit.model;

import java.util.Objects;

/**
 * One entry of {@code vpcAccessibleServices.allowedServicePatterns}: a URL pattern of a supported
 * service that VPC networks in the perimeter may reach. Example: {@code {"service":
 * "storage.googleapis.com", "pattern": "storage.googleapis.com/b/my-bucket/*"}}.
 */
public record ServicePattern(String service, String pattern) {
  public ServicePattern {
    service = Objects.requireNonNullElse(service, "");
    pattern = Objects.requireNonNullElse(pattern, "");
  }
}
