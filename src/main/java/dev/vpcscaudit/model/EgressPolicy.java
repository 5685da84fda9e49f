package dev.vpcscaudit.model;

import java.util.List;
import java.util.Objects;

/**
 * One egress rule: who inside the perimeter ({@code egressFrom}) may call what outside it ({@code
 * egressTo}).
 *
 * @param title empty when absent
 * @param from null when absent
 * @param to null when absent
 */
public record EgressPolicy(
    @Wire(json = "title", hcl = "title") String title,
    @Wire(json = "egressFrom", hcl = "egress_from") From from,
    @Wire(json = "egressTo", hcl = "egress_to") To to) {

  public EgressPolicy {
    title = Objects.requireNonNullElse(title, "");
  }

  /**
   * {@code egressFrom}; {@code identityType} and {@code sourceRestriction} are empty when absent.
   */
  public record From(
      @Wire(json = "identityType", hcl = "identity_type") String identityType,
      @Wire(json = "identities", hcl = "identities") List<String> identities,
      @Wire(json = "sources", hcl = "sources") List<Source> sources,
      @Wire(json = "sourceRestriction", hcl = "source_restriction") String sourceRestriction) {
    public From {
      identityType = Objects.requireNonNullElse(identityType, "");
      identities = List.copyOf(identities);
      sources = List.copyOf(sources);
      sourceRestriction = Objects.requireNonNullElse(sourceRestriction, "");
    }
  }

  /** {@code egressTo}. */
  public record To(
      @Wire(json = "operations", hcl = "operations") List<ApiOperation> operations,
      @Wire(json = "resources", hcl = "resources") List<String> resources,
      @Wire(json = "externalResources", hcl = "external_resources") List<String> externalResources,
      @Wire(json = "roles", hcl = "roles") List<String> roles) {
    public To {
      operations = List.copyOf(operations);
      resources = List.copyOf(resources);
      externalResources = List.copyOf(externalResources);
      roles = List.copyOf(roles);
    }
  }
}
