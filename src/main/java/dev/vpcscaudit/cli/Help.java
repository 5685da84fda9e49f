package dev.vpcscaudit.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** The {@code --help} text of a {@link Cmd}, wrapped to the terminal's width. */
final class Help {

  /** The option names column is at most this wide; longer names put the text on the next line. */
  private static final int NAMES_MAX = 32;

  private Help() {}

  /** The help width: COLUMNS or the terminal's, else the report default; at most 120. */
  static int width(RunContext context) {
    return Math.min(120, TerminalWidth.of(context, null));
  }

  /** {@code a, b or c}. */
  static String orList(List<String> items) {
    if (items.size() <= 1) {
      return String.join("", items);
    }
    return String.join(", ", items.subList(0, items.size() - 1))
        + " or "
        + items.get(items.size() - 1);
  }

  static String render(Cmd cmd, int width) {
    StringBuilder out = new StringBuilder();
    StringBuilder usage = new StringBuilder("Usage: ").append(cmd.qualifiedName());
    usage.append(" [OPTIONS]");
    for (Cmd.Param p : cmd.params()) {
      usage.append(' ').append(p.label());
    }
    if (!cmd.subcommands().isEmpty()) {
      usage.append(" COMMAND");
    }
    out.append(usage).append('\n');
    for (String paragraph : cmd.description()) {
      wrap(out, paragraph, "", width);
    }

    List<String[]> rows = new ArrayList<>();
    for (Cmd.Param p : cmd.params()) {
      rows.add(new String[] {"      " + p.label(), p.description()});
    }
    if (!rows.isEmpty()) {
      out.append("\nParameters:\n");
      table(out, rows, width);
      rows.clear();
    }
    List<Cmd.Opt> options = new ArrayList<>(cmd.options());
    options.sort(
        Comparator.comparing(o -> o.longName().replaceFirst("^-+", "").toLowerCase(Locale.ROOT)));
    for (Cmd.Opt o : options) {
      String shortName = o.names.size() > 1 ? o.names.get(0) + ", " : "    ";
      rows.add(
          new String[] {
            "  " + shortName + o.synopsis(), (o.required ? "Required. " : "") + o.description
          });
    }
    out.append("\nOptions:\n");
    table(out, rows, width);
    if (!cmd.subcommands().isEmpty()) {
      rows.clear();
      for (String name : cmd.subcommands().keySet()) {
        List<String> about = cmd.child(name).description();
        rows.add(new String[] {"  " + name, about.isEmpty() ? "" : about.get(0)});
      }
      out.append("\nCommands:\n");
      table(out, rows, width);
    }
    for (String line : cmd.footer()) {
      if (line.startsWith(" ")) {
        out.append(line).append('\n');
      } else {
        wrap(out, line, "", width);
      }
    }
    return out.toString();
  }

  /** Two columns: names and text; the text wraps within its column. */
  private static void table(StringBuilder out, List<String[]> rows, int width) {
    int names = 0;
    for (String[] r : rows) {
      if (r[0].length() <= NAMES_MAX) {
        names = Math.max(names, r[0].length());
      }
    }
    String indent = " ".repeat(names + 2);
    for (String[] r : rows) {
      if (r[0].length() > names) {
        out.append(r[0]).append('\n');
        wrap(out, r[1], indent, width);
      } else {
        StringBuilder first = new StringBuilder(r[0]);
        first.append(" ".repeat(names + 2 - r[0].length()));
        int at = out.length();
        wrap(out, r[1], indent, width);
        out.replace(at, at + indent.length(), first.toString());
      }
    }
  }

  /** {@code text} wrapped at {@code width}, every line starting with {@code indent}. */
  static void wrap(StringBuilder out, String text, String indent, int width) {
    int room = Math.max(20, width - indent.length());
    StringBuilder line = new StringBuilder();
    for (String word : text.split(" ")) {
      if (line.length() > 0 && line.length() + 1 + word.length() > room) {
        out.append(indent).append(line).append('\n');
        line.setLength(0);
      }
      if (line.length() > 0) {
        line.append(' ');
      }
      line.append(word);
    }
    out.append(indent).append(line).append('\n');
  }
}
