package dev.vpcscaudit.cli;

import dev.vpcscaudit.audit.LogWindow;
import dev.vpcscaudit.audit.Violations;
import dev.vpcscaudit.codec.ViolationLogReader;
import dev.vpcscaudit.i18n.Text;
import java.nio.file.Path;
import java.time.Instant;

/**
 * The VPC Service Controls denials of the audit logs, as evidence: read live for a window ({@code
 * --violations 7d}) or from a saved {@code gcloud logging read} ({@code --violations-file}). {@code
 * audit} reports them; {@code plan} also gates its enforce commands on them ({@code
 * --accept-violations}).
 */
public final class ViolationsOptions {

  String window;
  Path file;
  boolean accept;
  private Cmd cmd;

  /**
   * @param gate whether the command writes enforce commands that the denials gate ({@code plan})
   */
  void declare(Cmd c, boolean gate) {
    cmd = c;
    c.option(
        "--violations", "DURATION", Text.of(gate ? "help.violations.plan" : "help.violations"));
    c.pathOption("--violations-file", "FILE", Text.of("help.violations-file"), Cmd.Complete.FILE);
    c.exclusive("--violations", "--violations-file");
    if (gate) {
      c.flag("--accept-violations", Text.of("help.accept-violations"));
    }
    c.onParsed(
        () -> {
          window = c.text("--violations");
          file = c.path("--violations-file");
          accept = gate && c.flag("--accept-violations");
        });
  }

  /** Whether the logs are read, live or from a file. */
  boolean given() {
    return window != null || file != null;
  }

  /** The live window ending now, or null without {@code --violations}. */
  LogWindow window() {
    return window == null ? null : LogWindow.parse("--violations", window, Instant.now());
  }

  /** The saved read of {@code --violations-file}, or null. */
  Violations saved() {
    if (file == null) {
      return null;
    }
    ViolationLogReader.Read read = ViolationLogReader.readFile(file);
    return new Violations("--violations-file " + file, read.violations(), read.skipped());
  }

  /** A saved read is one project's logs: refused with a selection of many. */
  void refuseFileWithMany() {
    if (file != null) {
      throw cmd.usageOf("usage.violations-file-with-many");
    }
  }

  /** {@code --accept-violations} means nothing without a read of the logs. */
  void requireReadForAccept() {
    if (accept && !given()) {
      throw cmd.usageOf("usage.accept-without-read");
    }
  }
}
