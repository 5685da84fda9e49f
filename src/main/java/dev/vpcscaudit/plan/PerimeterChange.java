package dev.vpcscaudit.plan;

import dev.vpcscaudit.i18n.Text;
import dev.vpcscaudit.model.ServicePerimeter;
import java.util.List;

/**
 * The changes a plan makes to one perimeter, in the order they are applied, and notes for the
 * person who applies them.
 *
 * @param before the perimeter as read
 * @param changes non-empty; at most one for status and one for spec
 * @param notes warnings about the perimeter, e.g. a spec that differs from status beyond the fix
 */
public record PerimeterChange(
    ServicePerimeter before, List<ConfigChange> changes, List<Text> notes) {
  public PerimeterChange {
    changes = List.copyOf(changes);
    notes = List.copyOf(notes);
  }

  /** The perimeter after the changes, as gcloud's add flags and dry-run update produce it. */
  public ServicePerimeter after() {
    return PerimeterEdits.apply(before, changes);
  }
}
