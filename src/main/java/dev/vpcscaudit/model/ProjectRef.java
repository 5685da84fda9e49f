package dev.vpcscaudit.model;

import dev.vpcscaudit.error.BadInputException;
import dev.vpcscaudit.i18n.Text;
import java.util.regex.Pattern;

/**
 * The project named by {@code --project}: an ID ({@code my-proj}), a number ({@code 123456789012})
 * or {@code projects/NUMBER}. Exactly one of {@code id} and {@code number} may be null.
 */
public record ProjectRef(String id, String number) {

  // Project IDs: 6 to 30 characters, lower-case letters, digits and hyphens, starting with a
  // letter and not ending with a hyphen. Domain-scoped IDs ("example.com:proj") are also legal.
  private static final Pattern ID =
      Pattern.compile("([a-z][a-z0-9.-]*[a-z0-9]:)?[a-z][a-z0-9-]{4,28}[a-z0-9]");
  private static final Pattern NUMBER = Pattern.compile("[1-9][0-9]{0,19}");

  public ProjectRef {
    if (id == null && number == null) {
      throw new IllegalArgumentException("a project needs an ID or a number");
    }
  }

  /** Parses the value of {@code --project}; a malformed value is bad input. */
  public static ProjectRef parse(String value) {
    String v = value.strip();
    if (v.startsWith("projects/")) {
      v = v.substring("projects/".length());
    }
    if (NUMBER.matcher(v).matches()) {
      return new ProjectRef(null, v);
    }
    if (ID.matcher(v).matches()) {
      return new ProjectRef(v, null);
    }
    throw new BadInputException(Text.of("usage.project", value));
  }

  public boolean hasNumber() {
    return number != null;
  }

  /** {@code projects/NUMBER}, the form perimeters list projects in. */
  public String resourceName() {
    if (number == null) {
      throw new IllegalStateException("project " + id + " has no number yet");
    }
    return "projects/" + number;
  }

  /** {@code projects/NUMBER (ID)}, or what is known of the two. */
  public String display() {
    if (number == null) {
      return id;
    }
    return resourceName() + (id == null ? "" : " (" + id + ")");
  }
}
