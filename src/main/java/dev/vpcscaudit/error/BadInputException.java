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
}
