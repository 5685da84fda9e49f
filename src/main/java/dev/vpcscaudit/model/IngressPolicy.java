package dev.vpcscaudit.model;

import java.util.List;
import java.util.Objects;

/**
 * One ingress rule: who from where ({@code ingressFrom}) may call what inside the perimeter ({@code
 * ingressTo}).
 *
 * @param title empty when absent
 * @param from null when absent
 * @param to null when absent
 */
public record IngressPolicy(
    @Wire(json = "title", hcl = "title") String title,
    @Wire(json = "ingressFrom", hcl = "ingress_from") From from,
    @Wire(json = "ingressTo", hcl = "ingress_to") To to) {

  public IngressPolicy {
    title = Objects.requireNonNullElse(title, "");
  }

  /** {@code ingressFrom}; {@code identityType} is empty when absent. */
  public record From(
      @Wire(json = "identityType", hcl = "identity_type") String identityType,
      @Wire(json = "identities", hcl = "identities") List<String> identities,
      @Wire(json = "sources", hcl = "sources") List<Source> sources) {
    public From {
      identityType = Objects.requireNonNullElse(identityType, "");
      identities = List.copyOf(identities);
      sources = List.copyOf(sources);
    }
  }

  /** {@code ingressTo}. */
  public record To(
      @Wire(json = "operations", hcl = "operations") List<ApiOperation> operations,
      @Wire(json = "resources", hcl = "resources") List<String> resources,
      @Wire(json = "roles", hcl = "roles") List<String> roles) {
    public To {
      operations = List.copyOf(operations);
      resources = List.copyOf(resources);
      roles = List.copyOf(roles);
    }
  }
}
