package dev.vpcscaudit.model;

import java.util.Objects;

/**
 * An ingress or egress source: exactly one of {@code accessLevel} or {@code resource} is set, the
 * other is empty.
 */
public record Source(
    @Wire(json = "accessLevel", hcl = "access_level") String accessLevel,
    @Wire(json = "resource", hcl = "resource") String resource) {
  public Source {
    accessLevel = Objects.requireNonNullElse(accessLevel, "");
    resource = Objects.requireNonNullElse(resource, "");
  }
}
