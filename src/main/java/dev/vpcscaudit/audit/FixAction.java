package dev.vpcscaudit.audit;

import java.util.Objects;

/**
 * A typed, additive fix: one {@link Edit} to one config of one perimeter.
 *
 * @param perimeter the full perimeter name, {@code accessPolicies/P/servicePerimeters/N}
 */
public record FixAction(String perimeter, ConfigTarget target, Edit edit) {
  public FixAction {
    Objects.requireNonNull(perimeter, "perimeter");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(edit, "edit");
  }
}
