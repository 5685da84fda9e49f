package dev.vpcscaudit.plan;

import dev.vpcscaudit.escape.Shell;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Escaping for HCL native syntax, applied once at the render boundary (Terraform's string
 * literal rules: backslash escapes, and {@code $${} / {@code %%{} so that no template
 * interpolation or directive starts).
 */
final class Hcl {

  private Hcl() {}

  /** A quoted HCL string literal whose value is exactly {@code value}. */
  static String string(String value) {
    StringBuilder out = new StringBuilder("\"");
    int n = value.length();
    for (int i = 0; i < n; i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '"' -> out.append("\\\"");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '$', '%' -> {
          out.append(c);
          if (i + 1 < n && value.charAt(i + 1) == '{') {
            out.append(c); // ${ -> $${ and %{ -> %%{: literal, not a template sequence
          }
        }
        default -> {
          if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
            out.append(String.format("\\u%04X", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  /** A list of string literals on one line: {@code ["a", "b"]}. */
  static String list(List<String> values) {
    return values.stream().map(Hcl::string).collect(Collectors.joining(", ", "[", "]"));
  }

  /** Text safe inside a {@code #} comment: no line break can end it. */
  static String comment(String text) {
    return Shell.comment(text);
  }
}
