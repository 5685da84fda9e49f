package dev.vpcscaudit.cli;

import java.util.List;

/**
 * What the help needs besides picocli: the width it is wrapped to (picocli renders it, {@link
 * Cmd#commandLine}), and the footer (lists in prose are the language's: {@code Messages.orList}).
 */
final class Help {

  private Help() {}

  /** The help width: COLUMNS or the terminal's, else the report default; at most 120. */
  static int width(RunContext context) {
    return Math.min(120, TerminalWidth.of(context, null));
  }

  /**
   * The lines after the options: a line that starts with a space (an example) as written, to be
   * copied whole; prose wrapped at {@code width}.
   */
  static String footer(List<String> lines, int width) {
    StringBuilder out = new StringBuilder();
    for (String line : lines) {
      if (line.startsWith(" ")) {
        out.append(line).append('\n');
      } else {
        wrap(out, line, width);
      }
    }
    return out.toString();
  }

  private static void wrap(StringBuilder out, String text, int width) {
    StringBuilder line = new StringBuilder();
    for (String word : text.split(" ")) {
      if (line.length() > 0 && line.length() + 1 + word.length() > width) {
        out.append(line).append('\n');
        line.setLength(0);
      }
      if (line.length() > 0) {
        line.append(' ');
      }
      line.append(word);
    }
    out.append(line).append('\n');
  }
}
