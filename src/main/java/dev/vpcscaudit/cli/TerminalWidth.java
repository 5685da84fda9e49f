package dev.vpcscaudit.cli;

import dev.vpcscaudit.report.TextReport;
import java.nio.file.Path;

/** How wide the text report may be: {@code COLUMNS}, else the terminal's, else 100. */
final class TerminalWidth {

  /** Narrower than this, names would have to break: the report keeps this minimum. */
  static final int MIN = 40;

  private TerminalWidth() {}

  static int of(RunContext context, Path outputFile) {
    if (outputFile != null) {
      return TextReport.DEFAULT_WIDTH;
    }
    String columns = context.env().get("COLUMNS");
    if (columns != null && columns.strip().matches("[0-9]{1,4}")) {
      return Math.max(MIN, Integer.parseInt(columns.strip()));
    }
    if (context.terminal()) {
      int tty = sttyColumns();
      if (tty > 0) {
        return Math.max(MIN, tty);
      }
    }
    return TextReport.DEFAULT_WIDTH;
  }

  /** {@code stty size} on the controlling terminal (COLUMNS is often not exported to programs). */
  private static int sttyColumns() {
    try {
      Process p =
          new ProcessBuilder("stty", "size")
              .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/tty")))
              .redirectErrorStream(true)
              .start();
      String out =
          new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
              .strip();
      if (p.waitFor() == 0 && out.matches("[0-9]+ [0-9]+")) {
        return Integer.parseInt(out.substring(out.indexOf(' ') + 1));
      }
    } catch (java.io.IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return -1;
  }
}
