package dev.vpcscaudit.error;

/**
 * A failure the user can act on. The CLI prints {@link #getMessage()} as one line and maps the
 * subtype to an exit code; nothing else decides exit codes.
 */
public abstract sealed class VpcscException extends RuntimeException
    permits BadInputException, CloudReadException, OutputException {

  protected VpcscException(String message, Throwable cause) {
    super(message, cause);
  }
}
