package dev.vpcscaudit.report;

import dev.vpcscaudit.audit.AuditResult;
import dev.vpcscaudit.model.ProjectRef;
import java.util.Objects;

/**
 * One project of an organization-wide audit: its result, or why it could not be read.
 *
 * @param result null when the project could not be read
 * @param error why, when {@code result} is null, in the language the report is written in
 */
public record ProjectOutcome(
    ProjectRef project, AuditResult result, dev.vpcscaudit.i18n.Text error) {
  public ProjectOutcome {
    Objects.requireNonNull(project, "project");
    if ((result == null) == (error == null)) {
      throw new IllegalArgumentException("a project has a result or an error, not both");
    }
  }

  /** {@code projects/NUMBER}, or the ID when the number is unknown (an unreadable project). */
  public String name() {
    return project.hasNumber() ? project.resourceName() : project.id();
  }

  public boolean readable() {
    return result != null;
  }
}
