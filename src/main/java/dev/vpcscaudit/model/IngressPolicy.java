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
public record IngressPolicy(String title, From from, To to) {

  public IngressPolicy {
    title = Objects.requireNonNullElse(title, "");
  }

  /** {@code ingressFrom}; {@code identityType} is empty when absent. */
  public record From(String identityType, List<String> identities, List<Source> sources) {
    public From {
      identityType = Objects.requireNonNullElse(identityType, "");
      identities = List.copyOf(identities);
      sources = List.copyOf(sources);
    }
  }

  /** {@code ingressTo}. */
  public record To(List<ApiOperation> operations, List<String> resources, List<String> roles) {
    public To {
      operations = List.copyOf(operations);
      resources = List.copyOf(resources);
      roles = List.copyOf(roles);
    }
  }
}
