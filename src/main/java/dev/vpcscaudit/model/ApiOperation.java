package dev.vpcscaudit.model;

import java.util.List;
import java.util.Objects;

/** An ingress/egress {@code operations} entry: a service and, optionally, methods in it. */
public record ApiOperation(String serviceName, List<MethodSelector> methodSelectors) {
  public ApiOperation {
    serviceName = Objects.requireNonNullElse(serviceName, "");
    methodSelectors = List.copyOf(methodSelectors);
  }

  /** One of {@code method} or {@code permission}; the other is empty. */
  public record MethodSelector(String method, String permission) {
    public MethodSelector {
      method = Objects.requireNonNullElse(method, "");
      permission = Objects.requireNonNullElse(permission, "");
    }
  }
}
