package dev.vpcscaudit.audit;

import dev.vpcscaudit.model.PerimeterType;
import java.util.List;

/**
 * A perimeter that holds the project in at least one mode.
 *
 * @param modes the modes whose config lists the project, in {@link Mode} order; {@code dry-run}
 *     only for an explicit spec
 */
public record PerimeterMembership(String name, String title, PerimeterType type, List<Mode> modes) {
  public PerimeterMembership {
    modes = List.copyOf(modes);
  }
}
