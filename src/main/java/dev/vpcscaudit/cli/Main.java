package dev.vpcscaudit.cli;

import dev.vpcscaudit.error.BadInputException;
import dev.vpcscaudit.error.CloudReadException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** Entry point: {@code main} delegates to {@link #run}, which tests call directly. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    // The one place that reads the process's surroundings; everything below gets them passed in.
    System.exit(
        run(System.in, stdout(), stderr(), System.getenv(), System.console() != null, args));
  }

  /**
   * Runs the CLI with {@code args} and the environment {@code env}, printing through {@code out}
   * and {@code err} (not a terminal), and returns the exit code of the contract.
   */
  public static int run(PrintWriter out, PrintWriter err, Map<String, String> env, String... args) {
    return run(InputStream.nullInputStream(), out, err, env, /* terminal= */ false, args);
  }

  /**
   * As {@link #run(PrintWriter, PrintWriter, Map, String...)}, with standard input and a tty flag.
   */
  public static int run(
      InputStream in,
      PrintWriter out,
      PrintWriter err,
      Map<String, String> env,
      boolean terminal,
      String... args) {
    CommandLine cli = commandLine(new RunContext(env, terminal, in), args);
    cli.setOut(out);
    cli.setErr(err);
    try {
      return cli.execute(args);
    } finally {
      out.flush();
      err.flush();
    }
  }

  /** The whole command tree (for completion scripts and documentation). */
  static CommandLine commandLine(RunContext context) {
    return commandLine(context, new String[0]);
  }

  /**
   * The configured command tree, with the central exit-code and error mapping: only the subcommand
   * {@code args} names, or every one when it names none (help, errors, completion).
   */
  static CommandLine commandLine(RunContext context, String[] args) {
    CommandLine cli = new CommandLine(new VpcscAuditCommand(context));
    String first = args.length > 0 ? args[0] : "";
    // Completion scripts describe the whole tree; help and errors list every command.
    boolean all =
        !VpcscAuditCommand.SUBCOMMANDS.containsKey(first) || first.equals("generate-completion");
    for (var e : VpcscAuditCommand.SUBCOMMANDS.entrySet()) {
      if (all || e.getKey().equals(first)) {
        cli.addSubcommand(e.getKey(), e.getValue().get());
      }
    }
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setParameterExceptionHandler(Main::onParameterException);
    cli.setExecutionExceptionHandler(Main::onExecutionException);
    return cli;
  }

  private static int onParameterException(ParameterException e, String[] args) {
    CommandLine cmd = e.getCommandLine();
    PrintWriter err = cmd.getErr();
    String message = e.getMessage();
    // A mistyped option also leaves a required one missing; name the typo, the real cause.
    if (e instanceof CommandLine.MissingParameterException
        && cmd.getParseResult() != null
        && !cmd.getParseResult().unmatched().isEmpty()) {
      message = "Unknown option or argument: '" + cmd.getParseResult().unmatched().get(0) + "'";
    }
    err.println(
        "error: "
            + oneLine(message)
            + " (see '"
            + cmd.getCommandSpec().qualifiedName()
            + " --help')");
    return ExitCode.USAGE.code();
  }

  private static int onExecutionException(
      Exception e, CommandLine cmd, CommandLine.ParseResult parseResult) {
    PrintWriter err = cmd.getErr();
    boolean stacktrace = cmd.getCommand() instanceof HasCommonOptions c && c.common().stacktrace;
    ExitCode code;
    String message;
    if (e instanceof BadInputException) {
      code = ExitCode.USAGE;
      message = e.getMessage();
    } else if (e instanceof CloudReadException) {
      code = ExitCode.INCOMPLETE;
      message = e.getMessage();
    } else {
      code = ExitCode.INCOMPLETE;
      message =
          "internal error, the audit did not complete: "
              + e
              + " (rerun with --stacktrace and report it)";
    }
    err.println("error: " + oneLine(message));
    if (stacktrace) {
      e.printStackTrace(err);
    }
    return code.code();
  }

  /** Error messages are one line: a newline from input must not split them. */
  static String oneLine(String message) {
    return message == null ? "" : message.replace("\r", "\\r").replace("\n", "\\n");
  }

  private static PrintWriter stdout() {
    return new PrintWriter(
        new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
  }

  private static PrintWriter stderr() {
    return new PrintWriter(
        new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
  }
}
