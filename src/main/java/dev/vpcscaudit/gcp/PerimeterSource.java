package dev.vpcscaudit.gcp;

import dev.vpcscaudit.model.ProjectRef;
import dev.vpcscaudit.model.ServicePerimeter;
import java.util.List;

/** Where the perimeters that may hold a project come from: a file or the live API. */
public interface PerimeterSource {

  /**
   * Resolves {@code project} to its number and returns every perimeter of every candidate policy. A
   * failed or partial read throws; it never returns a partial list.
   */
  Discovery discover(ProjectRef project);

  /**
   * What a source found.
   *
   * @param project the project with its number resolved
   * @param source {@code api} or {@code file}, as reports name it
   */
  record Discovery(ProjectRef project, List<ServicePerimeter> perimeters, String source) {
    public Discovery {
      perimeters = List.copyOf(perimeters);
    }
  }
}
