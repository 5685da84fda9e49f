package dev.vpcscaudit.audit;

import dev.vpcscaudit.model.ProjectRef;
import dev.vpcscaudit.model.ServicePerimeter;
import dev.vpcscaudit.profile.Profile;
import java.util.Comparator;
import java.util.List;

/**
 * What the rules see: the project (its number known), every perimeter of every candidate policy
 * sorted by name, the profile, and the perimeter a plan may add the project to.
 *
 * @param targetPerimeter the full name of {@code --target-perimeter}, or null
 */
public record AuditInput(
    ProjectRef project,
    List<ServicePerimeter> perimeters,
    Profile profile,
    String targetPerimeter) {

  public AuditInput {
    perimeters = perimeters.stream().sorted(Comparator.comparing(ServicePerimeter::name)).toList();
  }

  /** {@code projects/NUMBER}. */
  public String resource() {
    return project.resourceName();
  }

  public List<ServicePerimeter> regular() {
    return perimeters.stream().filter(ServicePerimeter::isRegular).toList();
  }

  public ServicePerimeter perimeter(String name) {
    return perimeters.stream().filter(p -> p.name().equals(name)).findFirst().orElse(null);
  }
}
