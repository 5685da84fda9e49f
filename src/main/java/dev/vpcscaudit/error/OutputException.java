package dev.vpcscaudit.error;

import dev.vpcscaudit.i18n.Text;

/**
 * An output could not be written whole (a full disk, a closed pipe, a failing device). Exit code 3:
 * what the run reports is incomplete, so it is never taken as a verdict.
 */
public final class OutputException extends VpcscException {
  public OutputException(String message) {
    super(message, null);
  }

  public OutputException(String message, Throwable cause) {
    super(message, cause);
  }

  public OutputException(Text text) {
    super(text, null);
  }

  public OutputException(Text text, Throwable cause) {
    super(text, cause);
  }
}
