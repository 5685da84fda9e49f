package dev.vpcscaudit.error;

import dev.vpcscaudit.i18n.Text;

/** Bad input from the user: a flag, a file or a profile. Exit code 2. */
public final class BadInputException extends VpcscException {

  public BadInputException(String message) {
    super(message, null);
  }

  public BadInputException(String message, Throwable cause) {
    super(message, cause);
  }

  public BadInputException(Text text) {
    super(text, null);
  }

  public BadInputException(Text text, Throwable cause) {
    super(text, cause);
  }

  /** An error in the input {@code label} (a flag and its value, a file): {@code LABEL: detail}. */
  public static BadInputException at(String label, Text detail) {
    return new BadInputException(Text.of("input.at", label, detail));
  }

  /**
   * An error at the key {@code key} of the document {@code label}: {@code LABEL: key 'KEY':
   * detail}.
   */
  public static BadInputException atKey(String label, String key, Text detail) {
    return new BadInputException(Text.of("input.key", label, key, detail));
  }
}
