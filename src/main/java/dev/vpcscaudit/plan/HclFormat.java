package dev.vpcscaudit.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one layout rule of {@code terraform fmt} that the renderer does not produce by itself: the
 * {@code =} of consecutive single-line attributes at the same indentation are aligned to the
 * longest name. A blank line, a comment, a block or a multi-line value ends the run (checked
 * against terraform 1.11's {@code fmt}).
 */
final class HclFormat {

  private static final Pattern ATTRIBUTE = Pattern.compile("( *)([A-Za-z_][A-Za-z0-9_-]*) = (.*)");

  private HclFormat() {}

  static String align(String hcl) {
    StringBuilder out = new StringBuilder();
    List<Matcher> run = new ArrayList<>();
    for (String line : hcl.split("\n", -1)) {
      Matcher m = ATTRIBUTE.matcher(line);
      boolean single = m.matches() && !line.endsWith("[") && !line.endsWith("{");
      if (single && (run.isEmpty() || run.get(0).group(1).equals(m.group(1)))) {
        run.add(m);
        continue;
      }
      flush(run, out);
      if (single) {
        run.add(m);
        continue;
      }
      out.append(line).append('\n');
    }
    flush(run, out);
    // split(-1) yields a last empty line for the final newline: drop the extra one.
    return out.substring(0, out.length() - 1);
  }

  private static void flush(List<Matcher> run, StringBuilder out) {
    int width = run.stream().mapToInt(m -> m.group(2).length()).max().orElse(0);
    for (Matcher m : run) {
      out.append(m.group(1))
          .append(m.group(2))
          .append(" ".repeat(width - m.group(2).length()))
          .append(" = ")
          .append(m.group(3))
          .append('\n');
    }
    run.clear();
  }
}
