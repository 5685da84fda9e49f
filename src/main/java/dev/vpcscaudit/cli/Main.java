package dev.vpcscaudit.cli;

import dev.vpcscaudit.error.BadInputException;
import dev.vpcscaudit.error.CloudReadException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

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
    Cmd root = commandLine(new RunContext(env, terminal, in), out, err);
    try {
      return root.run(ArgFiles.expand(root, List.of(args)), 0, VpcscAuditCommand.version());
    } catch (UsageException e) {
      err.println(
          "error: "
              + oneLine(e.getMessage())
              + " (see '"
              + e.command().qualifiedName()
              + " --help')");
      return ExitCode.USAGE.code();
    } catch (Exception e) {
      Cmd ran = root.ran();
      return onExecutionException(e, err, ran != null && ran.matched(CommonOptions.STACKTRACE));
    } finally {
      out.flush();
      err.flush();
    }
  }

  /** The command tree, writing to {@code out} and {@code err}. */
  static Cmd commandLine(RunContext context, PrintWriter out, PrintWriter err) {
    return VpcscAuditCommand.declare(new Cmd(VpcscAuditCommand.NAME, context, out, err));
  }

  private static int onExecutionException(Exception e, PrintWriter err, boolean stacktrace) {
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
