package dev.vpcscaudit.model;

import java.util.List;
import java.util.Objects;

/**
 * One entry of {@code vpcAccessibleServices.allowedServicePatterns}: a URL pattern of a supported
 * service that VPC networks in the perimeter may reach. Example: {@code {"service":
 * "storage.googleapis.com", "pattern": "storage.googleapis.com/b/my-bucket/*"}}.
 */
public record ServicePattern(
    @Wire(json = "service", hcl = "service") String service,
    @Wire(json = "pattern", hcl = "pattern") String pattern,
    @Wire(json = "modifiers", hcl = "modifiers") List<Modifier> modifiers) {

  /** A change applied to requests that match the pattern. */
  public record Modifier(
      @Wire(json = "addRequestHeader", hcl = "add_request_header") Header addRequestHeader) {}

  /** An HTTP request header to add. */
  public record Header(
      @Wire(json = "key", hcl = "key") String key,
      @Wire(json = "value", hcl = "value") String value) {
    public Header {
      key = Objects.requireNonNullElse(key, "");
      value = Objects.requireNonNullElse(value, "");
    }
  }

  public ServicePattern {
    modifiers = List.copyOf(modifiers);
    service = Objects.requireNonNullElse(service, "");
    pattern = Objects.requireNonNullElse(pattern, "");
  }
}
