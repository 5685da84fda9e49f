package dev.vpcscaudit.cli;

/**
 * A command line the command cannot run: exit code 2 and one line, {@code error: MESSAGE (see
 * 'COMMAND --help')}.
 */
final class UsageException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient Cmd command;

  UsageException(Cmd command, String message) {
    super(message);
    this.command = command;
  }

  /** The command whose help the message points to. */
  Cmd command() {
    return command;
  }
}
