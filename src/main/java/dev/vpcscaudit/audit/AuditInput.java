package dev.vpcscaudit.audit;

import dev.vpcscaudit.model.ProjectRef;
import dev.vpcscaudit.model.ServicePerimeter;
import dev.vpcscaudit.profile.Profile;
import java.util.Comparator;
import java.util.List;

/**
 * What the rules see: the project (its number known), every perimeter of every candidate policy
 * that matters for it sorted by name, the profile, and the perimeter a plan may add the project to.
 *
 * @param targetPerimeter the full name of {@code --target-perimeter}, or null
 * @param otherRegular names of regular perimeters read but not kept (a streamed export keeps only
 *     the perimeters that hold the project or are the target), for candidate lists
 * @param accessLevels the access levels of the candidate policies, or {@link AccessLevels#NOT_READ}
 * @param placement the network the cluster's requests come through and the project's Shared VPC
 *     host, or null when neither was read or given
 */
public record AuditInput(
    ProjectRef project,
    List<ServicePerimeter> perimeters,
    Profile profile,
    String targetPerimeter,
    List<String> otherRegular,
    AccessLevels accessLevels,
    dev.vpcscaudit.network.Placement placement) {

  public AuditInput {
    perimeters = perimeters.stream().sorted(Comparator.comparing(ServicePerimeter::name)).toList();
    otherRegular = otherRegular.stream().sorted().toList();
    accessLevels = accessLevels == null ? AccessLevels.NOT_READ : accessLevels;
  }

  public AuditInput(
      ProjectRef project,
      List<ServicePerimeter> perimeters,
      Profile profile,
      String targetPerimeter,
      List<String> otherRegular,
      AccessLevels accessLevels) {
    this(project, perimeters, profile, targetPerimeter, otherRegular, accessLevels, null);
  }

  /** The same input with {@code p} (null: none). */
  public AuditInput withPlacement(dev.vpcscaudit.network.Placement p) {
    return new AuditInput(
        project, perimeters, profile, targetPerimeter, otherRegular, accessLevels, p);
  }

  public AuditInput(
      ProjectRef project,
      List<ServicePerimeter> perimeters,
      Profile profile,
      String targetPerimeter,
      List<String> otherRegular) {
    this(project, perimeters, profile, targetPerimeter, otherRegular, AccessLevels.NOT_READ);
  }

  public AuditInput(
      ProjectRef project, List<ServicePerimeter> perimeters, Profile profile, String target) {
    this(project, perimeters, profile, target, List.of());
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
