package dev.vpcscaudit.network;

import dev.vpcscaudit.error.BadInputException;
import dev.vpcscaudit.i18n.Text;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The VPC network of {@code --network}: {@code projects/PROJECT/global/networks/NAME}, or the
 * network's self link ({@code https://www.googleapis.com/compute/v1/projects/...}).
 *
 * @param project the project ID (or number) that holds the network
 * @param name the network's name (RFC 1035: lower-case letters, digits, hyphens; at most 63)
 */
public record NetworkRef(String project, String name) {

  private static final Pattern FORM =
      Pattern.compile(
          "(?:https://[^/]+/compute/(?:v1|beta|alpha)/)?projects/"
              + "((?:[a-z][a-z0-9.-]*[a-z0-9]:)?[a-z][a-z0-9-]{4,28}[a-z0-9]|[1-9][0-9]{0,19})"
              + "/global/networks/([a-z](?:[-a-z0-9]{0,61}[a-z0-9])?)");

  /** Parses {@code --network}; anything else is bad input. */
  public static NetworkRef parse(String value) {
    Matcher m = FORM.matcher(value.strip());
    if (!m.matches()) {
      throw new BadInputException(Text.of("usage.network", value));
    }
    return new NetworkRef(m.group(1), m.group(2));
  }

  /**
   * The {@code projects/P/global/networks/N} part of a Compute or Cloud DNS network URL, or the
   * value itself when it has none.
   */
  public static String path(String url) {
    int at = url.indexOf("projects/");
    return at < 0 ? url : url.substring(at);
  }

  /** {@code projects/P/global/networks/N}. */
  public String resourceName() {
    return "projects/" + project + "/global/networks/" + name;
  }
}
