package dev.vpcscaudit.cli;

/** Options every command takes besides --help and --version. */
final class CommonOptions {

  /** The flag that {@link Main} reads when a command fails. */
  static final String STACKTRACE = "--stacktrace";

  private CommonOptions() {}

  static void declare(Cmd c) {
    c.flag(STACKTRACE, "Print the full stack trace of an error (for bug reports).");
  }
}
