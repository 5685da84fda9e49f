package dev.vpcscaudit.error;

import dev.vpcscaudit.i18n.Text;

/**
 * A failure the user can act on. The CLI prints {@link #text()} as one line, in the run's language,
 * and maps the subtype to an exit code; nothing else decides exit codes. {@link #getMessage()} is
 * the English text (logs, the report of an unreadable project).
 */
public abstract sealed class VpcscException extends RuntimeException
    permits BadInputException, CloudReadException, OutputException {

  private final transient Text text;

  protected VpcscException(String message, Throwable cause) {
    this(Text.verbatim(message == null ? "" : message), cause);
  }

  protected VpcscException(Text text, Throwable cause) {
    super(text.toString(), cause);
    this.text = text;
  }

  /** The message as a text of the bundles (a verbatim one where it is not in them yet). */
  public Text text() {
    return text;
  }
}
