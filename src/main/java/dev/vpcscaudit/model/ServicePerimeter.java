package dev.vpcscaudit.model;

import java.util.List;
import java.util.Objects;

/**
 * One service perimeter as the Access Context Manager v1 API returns it.
 *
 * <p>{@code status} is the enforced config and is null when the perimeter was created dry-run only;
 * {@code spec} is the explicit dry-run config and only counts when {@code useExplicitDryRunSpec} is
 * true. {@code unmodeledFields} lists the JSON paths of fields the reader accepted but this model
 * does not hold, so that a renderer that must reproduce the whole perimeter can refuse instead of
 * silently dropping them.
 *
 * @param name full name, {@code accessPolicies/POLICY/servicePerimeters/NAME}
 * @param title display title; empty when absent
 * @param description description; empty when absent
 * @param etag the API's etag; empty when absent
 * @param createTime output only, RFC 3339; empty when absent
 * @param updateTime output only, RFC 3339; empty when absent
 */
public record ServicePerimeter(
    @Wire(json = "name", hcl = "name", required = true) String name,
    @Wire(json = "title", hcl = "title", hclAlways = true) String title,
    @Wire(json = "description", hcl = "description") String description,
    @Wire(json = "perimeterType", hcl = "perimeter_type", hclAlways = true) PerimeterType type,
    @Wire(json = "status", hcl = "status") PerimeterConfig status,
    @Wire(json = "spec", hcl = "spec") PerimeterConfig spec,
    @Wire(json = "useExplicitDryRunSpec", hcl = "use_explicit_dry_run_spec", hclAlways = true)
        boolean useExplicitDryRunSpec,
    @Wire(json = "etag", outputOnly = true) String etag,
    @Wire(json = "createTime", outputOnly = true) String createTime,
    @Wire(json = "updateTime", outputOnly = true) String updateTime,
    List<String> unmodeledFields) {

  public ServicePerimeter {
    Objects.requireNonNull(name, "name");
    title = Objects.requireNonNullElse(title, "");
    description = Objects.requireNonNullElse(description, "");
    type = Objects.requireNonNullElse(type, PerimeterType.REGULAR);
    etag = Objects.requireNonNullElse(etag, "");
    createTime = Objects.requireNonNullElse(createTime, "");
    updateTime = Objects.requireNonNullElse(updateTime, "");
    unmodeledFields = List.copyOf(unmodeledFields);
  }

  /** This perimeter with other configs (what a write of status and spec leaves). */
  public ServicePerimeter withConfigs(
      PerimeterConfig status, PerimeterConfig spec, boolean useExplicitDryRunSpec) {
    return copy(status, spec, useExplicitDryRunSpec, unmodeledFields);
  }

  /** This perimeter with the JSON paths of fields the reader did not model. */
  public ServicePerimeter withUnmodeledFields(List<String> paths) {
    return copy(status, spec, useExplicitDryRunSpec, paths);
  }

  private ServicePerimeter copy(
      PerimeterConfig status,
      PerimeterConfig spec,
      boolean useExplicitDryRunSpec,
      List<String> unmodeledFields) {
    return new ServicePerimeter(
        name,
        title,
        description,
        type,
        status,
        spec,
        useExplicitDryRunSpec,
        etag,
        createTime,
        updateTime,
        unmodeledFields);
  }

  /** The enforced config; an absent status is an empty config. */
  public PerimeterConfig enforcedConfig() {
    return status == null ? PerimeterConfig.EMPTY : status;
  }

  /**
   * The dry-run config: the explicit spec when {@code useExplicitDryRunSpec} is true (an absent
   * spec is then empty), otherwise the status itself.
   */
  public PerimeterConfig dryRunConfig() {
    if (!useExplicitDryRunSpec) {
      return enforcedConfig();
    }
    return spec == null ? PerimeterConfig.EMPTY : spec;
  }

  /** The policy part of the name, e.g. {@code accessPolicies/123}. */
  public String policy() {
    int slash = name.indexOf("/servicePerimeters/");
    return slash < 0 ? "" : name.substring(0, slash);
  }

  /** The policy number, e.g. {@code 123} for {@code accessPolicies/123/servicePerimeters/p}. */
  public String policyNumber() {
    String policy = policy();
    return policy.startsWith("accessPolicies/") ? policy.substring("accessPolicies/".length()) : "";
  }

  /** The short name, e.g. {@code p} for {@code accessPolicies/123/servicePerimeters/p}. */
  public String shortName() {
    return name.substring(name.lastIndexOf('/') + 1);
  }

  public boolean isRegular() {
    return type == PerimeterType.REGULAR;
  }
}
