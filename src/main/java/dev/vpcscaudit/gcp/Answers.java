package dev.vpcscaudit.gcp;

import dev.vpcscaudit.error.CloudReadException;
import dev.vpcscaudit.gcp.ResourceManager.ProjectInfo;
import dev.vpcscaudit.i18n.Text;
import java.util.regex.Pattern;

/**
 * Checks on what the cloud answers, made where it is parsed: a name that does not match its
 * documented pattern is a failed read (exit 3) naming the API and the field, never a value passed
 * on. A plan writes these names into commands ({@code --add-resources=projects/NUMBER}), so {@code
 * projects/123,projects/666} must never get that far.
 */
final class Answers {

  /** {@code projects/NUMBER}: Resource Manager project numbers are decimal digits. */
  static final Pattern PROJECT = Pattern.compile("projects/[0-9]{1,20}");

  static final Pattern FOLDER = Pattern.compile("folders/[0-9]{1,20}");

  static final Pattern ORGANIZATION = Pattern.compile("organizations/[0-9]{1,20}");

  static final Pattern POLICY = Pattern.compile("accessPolicies/[0-9]{1,20}");

  /** A scoped policy's scope: one folder or one project. */
  static final Pattern SCOPE = Pattern.compile("(folders|projects)/[0-9]{1,20}");

  /**
   * A project ID: 6 to 30 lower-case letters, digits and hyphens, starting with a letter (Resource
   * Manager's documented rule); older IDs may carry a domain prefix ({@code example.com:my-proj}).
   */
  static final Pattern PROJECT_ID =
      Pattern.compile("([a-z0-9][a-z0-9.-]{0,62}:)?[a-z][a-z0-9-]{4,28}[a-z0-9]");

  private Answers() {}

  /** {@code value} if it matches {@code pattern}; else a failed read naming the field. */
  static String name(ApiCall call, String field, String value, Pattern pattern) {
    if (value == null || !pattern.matcher(value).matches()) {
      throw unexpected(call, field, value);
    }
    return value;
  }

  /** A parent: a folder, an organization, or none (empty). */
  static String parent(ApiCall call, String value) {
    if (value == null || value.isEmpty()) {
      return "";
    }
    if (FOLDER.matcher(value).matches() || ORGANIZATION.matcher(value).matches()) {
      return value;
    }
    throw unexpected(call, "parent", value);
  }

  /** A project from Resource Manager, every field checked. */
  static ProjectInfo project(ApiCall call, String name, String projectId, String parent) {
    name(call, "name", name, PROJECT);
    name(call, "projectId", projectId, PROJECT_ID);
    return new ProjectInfo(name.substring("projects/".length()), projectId, parent(call, parent));
  }

  private static CloudReadException unexpected(ApiCall call, String field, String value) {
    return ApiErrors.unexpected(
        call,
        value == null || value.isEmpty()
            ? Text.of("api.field-missing", field)
            : Text.of("api.field-undocumented", field, value),
        null);
  }
}
