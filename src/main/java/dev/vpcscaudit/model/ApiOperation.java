package dev.vpcscaudit.model;

import java.util.List;
import java.util.Objects;

/** An ingress/egress {@code operations} entry: a service and, optionally, methods in it. */
public record ApiOperation(
    @Wire(json = "serviceName", hcl = "service_name") String serviceName,
    @Wire(json = "methodSelectors", hcl = "method_selectors")
        List<MethodSelector> methodSelectors) {
  public ApiOperation {
    serviceName = Objects.requireNonNullElse(serviceName, "");
    methodSelectors = List.copyOf(methodSelectors);
  }

  /** One of {@code method} or {@code permission}; the other is empty. */
  public record MethodSelector(
      @Wire(json = "method", hcl = "method") String method,
      @Wire(json = "permission", hcl = "permission") String permission) {
    public MethodSelector {
      method = Objects.requireNonNullElse(method, "");
      permission = Objects.requireNonNullElse(permission, "");
    }
  }
}
