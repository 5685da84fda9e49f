package dev.vpcscaudit.cli;

/** The exit-code table of the contract, declared once. */
public enum ExitCode {
  /** The audit completed and found nothing at or above {@code --fail-on}. */
  OK(0),
  /** The audit completed with findings at or above {@code --fail-on}. */
  FINDINGS(1),
  /** Usage error or bad input: flags, an unreadable or malformed file, an unknown profile. */
  USAGE(2),
  /** The audit could not complete: credentials, permission, API unavailable, blocked. */
  INCOMPLETE(3);

  private final int code;

  ExitCode(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }
}
