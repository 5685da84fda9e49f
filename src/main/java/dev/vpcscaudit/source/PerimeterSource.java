package dev.vpcscaudit.source;

import dev.vpcscaudit.model.ProjectRef;
import dev.vpcscaudit.model.ServicePerimeter;
import dev.vpcscaudit.model.SupportedService;
import java.util.List;

/** Where the perimeters that may hold a project come from: a file or the live API. */
public interface PerimeterSource {

  /**
   * Resolves {@code project} to its number and returns every perimeter of every candidate policy. A
   * failed or partial read throws; it never returns a partial list.
   */
  Discovery discover(ProjectRef project);

  /**
   * Reads the perimeters of many projects at once: each candidate policy's perimeters once, each
   * project evaluated with its own ancestry. A project that cannot be read is reported with its
   * reason; a failure of the shared reads (the project or policy listing) throws.
   *
   * @param organization {@code organizations/N} (live), or null offline
   */
  ProjectSelection.Result discoverMany(ProjectSelection selection, String organization);

  /**
   * What a source found.
   *
   * @param project the project with its number resolved
   * @param source {@code api} or {@code file}, as reports name it
   * @param supportedServices the services VPC Service Controls supports, or null when that list was
   *     not read (the supported-services check is off)
   * @param otherRegular names of regular perimeters that were read but not kept (a large export is
   *     streamed keeping only the perimeters that hold the project), for candidate lists
   * @param network the VPC network read for {@code --network}, or null
   * @param accessLevels the access levels of the candidate policies, or null when they were not
   *     read (the access-level checks are off)
   * @param violations the VPC Service Controls denials read from the project's audit logs ({@code
   *     --violations}), or null when they were not read
   */
  record Discovery(
      ProjectRef project,
      List<ServicePerimeter> perimeters,
      String source,
      List<SupportedService> supportedServices,
      List<String> otherRegular,
      dev.vpcscaudit.network.NetworkState network,
      List<dev.vpcscaudit.model.AccessLevel> accessLevels,
      dev.vpcscaudit.audit.Violations violations) {
    public Discovery {
      perimeters = List.copyOf(perimeters);
      supportedServices = supportedServices == null ? null : List.copyOf(supportedServices);
      otherRegular = List.copyOf(otherRegular);
      accessLevels = accessLevels == null ? null : List.copyOf(accessLevels);
    }

    /** A discovery without the supported-services list. */
    public Discovery(ProjectRef project, List<ServicePerimeter> perimeters, String source) {
      this(project, perimeters, source, null, List.of(), null, null, null);
    }

    /** A discovery of its perimeters, with no log read. */
    public Discovery(
        ProjectRef project,
        List<ServicePerimeter> perimeters,
        String source,
        List<SupportedService> supportedServices,
        List<String> otherRegular,
        dev.vpcscaudit.network.NetworkState network,
        List<dev.vpcscaudit.model.AccessLevel> accessLevels) {
      this(
          project,
          perimeters,
          source,
          supportedServices,
          otherRegular,
          network,
          accessLevels,
          null);
    }

    /** The same discovery with the supported-services list. */
    public Discovery withSupportedServices(List<SupportedService> services) {
      return new Discovery(
          project, perimeters, source, services, otherRegular, network, accessLevels, violations);
    }

    /** The same discovery with the network read for {@code --network}. */
    public Discovery withNetwork(dev.vpcscaudit.network.NetworkState read) {
      return new Discovery(
          project,
          perimeters,
          source,
          supportedServices,
          otherRegular,
          read,
          accessLevels,
          violations);
    }

    /** The same discovery with the access levels read (null: not read). */
    public Discovery withAccessLevels(List<dev.vpcscaudit.model.AccessLevel> levels) {
      return new Discovery(
          project,
          perimeters,
          source,
          supportedServices,
          otherRegular,
          network,
          levels,
          violations);
    }

    /** The same discovery with the denials read from the audit logs. */
    public Discovery withViolations(dev.vpcscaudit.audit.Violations read) {
      return new Discovery(
          project,
          perimeters,
          source,
          supportedServices,
          otherRegular,
          network,
          accessLevels,
          read);
    }

    /** The levels for the audit engine. */
    public dev.vpcscaudit.audit.AccessLevels levels() {
      return accessLevels == null
          ? dev.vpcscaudit.audit.AccessLevels.NOT_READ
          : dev.vpcscaudit.audit.AccessLevels.of(accessLevels);
    }
  }
}
