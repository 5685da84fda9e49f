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
public record EgressPolicy(String title, From from, To to) {

  public EgressPolicy {
    title = Objects.requireNonNullElse(title, "");
  }

  /**
   * {@code egressFrom}; {@code identityType} and {@code sourceRestriction} are empty when absent.
   */
  public record From(
      String identityType,
      List<String> identities,
      List<Source> sources,
      String sourceRestriction) {
    public From {
      identityType = Objects.requireNonNullElse(identityType, "");
      identities = List.copyOf(identities);
      sources = List.copyOf(sources);
      sourceRestriction = Objects.requireNonNullElse(sourceRestriction, "");
    }
  }

  /** {@code egressTo}. */
  public record To(
      List<ApiOperation> operations,
      List<String> resources,
      List<String> externalResources,
      List<String> roles) {
    public To {
      operations = List.copyOf(operations);
      resources = List.copyOf(resources);
      externalResources = List.copyOf(externalResources);
      roles = List.copyOf(roles);
    }
  }
}
