package dev.vpcscaudit.model;

import java.util.List;
import java.util.Objects;

/**
 * An access level, as far as the audit evaluates it: the IP ranges each condition of a basic level
 * admits, and what else a condition requires. Read from {@code GET
 * v1/accessPolicies/P/accessLevels?accessLevelFormat=AS_DEFINED}, {@code gcloud
 * access-context-manager levels list --format=json}, or a Cloud Asset Inventory export. Example:
 *
 * <pre>{@code
 * {"name": "accessPolicies/1/accessLevels/corp", "title": "corp",
 *  "basic": {"conditions": [{"ipSubnetworks": ["203.0.113.0/24"]}], "combiningFunction": "AND"}}
 * }</pre>
 *
 * @param conditions a basic level's conditions; empty for a custom level
 * @param combineWithOr {@code combiningFunction: OR} (the default is AND)
 * @param custom a custom level (a CEL expression), which the audit does not evaluate
 */
public record AccessLevel(
    String name, String title, List<Condition> conditions, boolean combineWithOr, boolean custom) {

  public AccessLevel {
    Objects.requireNonNull(name, "name");
    title = Objects.requireNonNullElse(title, "");
    conditions = List.copyOf(conditions);
  }

  /**
   * One condition of a basic level: every field it sets must hold.
   *
   * @param devicePolicy the condition has a device policy (not evaluated)
   * @param otherRequirements the other fields it sets: {@code members}, {@code regions}, {@code
   *     requiredAccessLevels}, {@code vpcNetworkSources}
   */
  public record Condition(
      List<String> ipSubnetworks,
      boolean negate,
      boolean devicePolicy,
      List<String> otherRequirements) {
    public Condition {
      ipSubnetworks = List.copyOf(ipSubnetworks);
      otherRequirements = List.copyOf(otherRequirements);
    }
  }

  /** {@code accessPolicies/P}. */
  public String policy() {
    int at = name.indexOf("/accessLevels/");
    return at < 0 ? "" : name.substring(0, at);
  }
}
