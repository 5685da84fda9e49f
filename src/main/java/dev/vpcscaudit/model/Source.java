package dev.vpcscaudit.model;

import java.util.Objects;

/**
 * An ingress or egress source: exactly one of {@code accessLevel} or {@code resource} is set, the
 * other is empty.
 */
public record Source(
    @Wire(json = "accessLevel", hcl = "access_level") String accessLevel,
    @Wire(json = "resource", hcl = "resource") String resource,
    @Wire(json = "pscEndpoint", hcl = "psc_endpoint") PscEndpoint pscEndpoint) {

  /** A Private Service Connect endpoint as a source: its forwarding rule. */
  public record PscEndpoint(
      @Wire(json = "forwardingRule", hcl = "forwarding_rule") String forwardingRule) {
    public PscEndpoint {
      forwardingRule = Objects.requireNonNullElse(forwardingRule, "");
    }
  }

  public Source {
    accessLevel = Objects.requireNonNullElse(accessLevel, "");
    resource = Objects.requireNonNullElse(resource, "");
  }
}
