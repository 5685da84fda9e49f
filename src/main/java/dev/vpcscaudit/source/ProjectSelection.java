package dev.vpcscaudit.source;

import java.util.List;
import java.util.Objects;

/**
 * Which projects of an organization (or of an export) to audit in one run.
 *
 * @param query for {@link Kind#QUERY}: Resource Manager {@code projects:search} syntax, e.g. {@code
 *     labels.gdc:true} or {@code parent:folders/123}
 * @param listed for {@link Kind#FILE}: project IDs or numbers, one per line of the file
 */
public record ProjectSelection(Kind kind, String query, List<String> listed) {

  /** {@code --all-projects}, {@code --projects-query}, {@code --projects-file}. */
  public enum Kind {
    ALL,
    QUERY,
    FILE
  }

  public ProjectSelection {
    Objects.requireNonNull(kind, "kind");
    query = Objects.requireNonNullElse(query, "");
    listed = List.copyOf(listed);
  }

  /**
   * The perimeters that hold each project, or why it could not be read.
   *
   * @param scope what was audited: {@code organizations/N} or the export's name
   */
  public record Result(
      String scope,
      String source,
      List<ProjectPerimeters> projects,
      List<dev.vpcscaudit.model.SupportedService> supportedServices,
      List<dev.vpcscaudit.model.AccessLevel> accessLevels) {
    public Result {
      projects = List.copyOf(projects);
      supportedServices = supportedServices == null ? null : List.copyOf(supportedServices);
      accessLevels = accessLevels == null ? null : List.copyOf(accessLevels);
    }

    public Result(
        String scope,
        String source,
        List<ProjectPerimeters> projects,
        List<dev.vpcscaudit.model.SupportedService> supportedServices) {
      this(scope, source, projects, supportedServices, null);
    }

    public Result withSupportedServices(List<dev.vpcscaudit.model.SupportedService> services) {
      return new Result(scope, source, projects, services, accessLevels);
    }

    /** The same result with these projects (in the same order). */
    public Result withProjects(List<ProjectPerimeters> replaced) {
      return new Result(scope, source, replaced, supportedServices, accessLevels);
    }

    /** The same result with the access levels of every policy read (null: not read). */
    public Result withAccessLevels(List<dev.vpcscaudit.model.AccessLevel> levels) {
      return new Result(scope, source, projects, supportedServices, levels);
    }

    /**
     * The one line of a run that could not read every project, or null when it read them all: how
     * many, {@code consequence} (about "it" or "them"), and the first one with its reason, so that
     * the reason is seen even when the output went to a file.
     *
     * @param consequence e.g. {@code so the plan does not fix %s}, {@code %s} being it or them
     */
    public dev.vpcscaudit.i18n.Text unreadableLine(String consequence) {
      List<ProjectPerimeters> unread = projects.stream().filter(p -> p.error() != null).toList();
      if (unread.isEmpty()) {
        return null;
      }
      ProjectPerimeters first = unread.get(0);
      return dev.vpcscaudit.i18n.Text.of(
          projects.size() == 1 ? "unreadable.one" : "unreadable",
          unread.size(),
          projects.size(),
          dev.vpcscaudit.i18n.Text.of(consequence + (unread.size() == 1 ? ".one" : "")),
          first.project().display(),
          first.error());
    }

    /** The levels for the audit engine. */
    public dev.vpcscaudit.audit.AccessLevels levels() {
      return accessLevels == null
          ? dev.vpcscaudit.audit.AccessLevels.NOT_READ
          : dev.vpcscaudit.audit.AccessLevels.of(accessLevels);
    }
  }

  /**
   * One project: the perimeters of its candidate policies that hold it (in some mode), or the
   * reason it could not be read.
   *
   * @param violations the denials read from its audit logs ({@code --violations}), or null
   */
  public record ProjectPerimeters(
      dev.vpcscaudit.model.ProjectRef project,
      List<dev.vpcscaudit.model.ServicePerimeter> perimeters,
      dev.vpcscaudit.i18n.Text error,
      dev.vpcscaudit.audit.Violations violations) {
    public ProjectPerimeters {
      perimeters = List.copyOf(perimeters);
    }

    public ProjectPerimeters(
        dev.vpcscaudit.model.ProjectRef project,
        List<dev.vpcscaudit.model.ServicePerimeter> perimeters,
        dev.vpcscaudit.i18n.Text error) {
      this(project, perimeters, error, null);
    }

    /** The same project with its logs read. */
    public ProjectPerimeters withViolations(dev.vpcscaudit.audit.Violations read) {
      return new ProjectPerimeters(project, perimeters, error, read);
    }

    /** The same project, unreadable for {@code reason}. */
    public ProjectPerimeters unreadable(dev.vpcscaudit.i18n.Text reason) {
      return new ProjectPerimeters(project, List.of(), reason, null);
    }
  }
}
