package dev.vpcscaudit.escape;

import java.util.regex.Pattern;

/**
 * Escaping for bash, applied once at the render boundary: words are single-quoted unless they
 * consist only of characters that are never special; comment text has every control character
 * escaped so that a value can never end the comment and start a command.
 */
public final class Shell {

  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_./:=,@%+-]+");

  private Shell() {}

  /** {@code value} as one bash word: {@code it's} becomes {@code 'it'\''s'}. */
  public static String quote(String value) {
    if (SAFE.matcher(value).matches()) {
      return value;
    }
    return "'" + value.replace("'", "'\\''") + "'";
  }

  /** {@code --flag=value} with the value quoted as one word. */
  public static String flag(String name, String value) {
    return name + "=" + quote(value);
  }

  /** Text safe inside a {@code #} comment: control characters and backslashes escaped. */
  public static String comment(String text) {
    StringBuilder out = new StringBuilder();
    text.codePoints()
        .forEach(
            cp -> {
              switch (cp) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                  if (Character.isISOControl(cp) || cp == 0x2028 || cp == 0x2029 || cp == 0x85) {
                    out.append(String.format("\\u%04x", cp));
                  } else {
                    out.appendCodePoint(cp);
                  }
                }
              }
            });
    return out.toString();
  }
}
