package dev.vpcscaudit.cli;

import dev.vpcscaudit.error.BadInputException;
import dev.vpcscaudit.error.CloudReadException;
import dev.vpcscaudit.error.OutputException;
import dev.vpcscaudit.escape.Redact;
import dev.vpcscaudit.escape.Terminal;
import dev.vpcscaudit.files.InputFiles;
import dev.vpcscaudit.i18n.Lang;
import dev.vpcscaudit.i18n.Messages;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Entry point: {@code main} delegates to {@link #run}, which tests call directly. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    // picocli's start-up switch (picocli.info, "Performance"): no probing for Groovy closures in
    // the option model, which this tool never uses.
    System.setProperty("picocli.disable.closures", "true");
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
    RunContext context = new RunContext(env, terminal, in);
    Cmd root = commandLine(context, out, err);
    Messages m = Messages.of(language(List.of(args), env));
    int code;
    try {
      root.language(m); // the argument files' errors, before their --lang is read
      List<String> expanded = ArgFiles.expand(root, List.of(args));
      m = Messages.of(language(expanded, env));
      root.language(m);
      code = root.run(expanded, 0, VpcscAuditCommand.version());
    } catch (UsageException e) {
      err.println(
          m.get("error.usage", oneLine(e.getMessage()), e.command().qualifiedName() + " --help"));
      code = ExitCode.USAGE.code();
    } catch (Throwable e) { // every failure, an Error too, is one line and a code of the table
      Cmd ran = root.ran();
      code = onExecutionException(e, err, ran != null && ran.matched(CommonOptions.STACKTRACE), m);
    }
    if (code <= ExitCode.FINDINGS.code()) {
      context.warnings().forEach(err::println);
    }
    // A report cut short by a full disk or a closed pipe is no verdict: checkError flushes and
    // says whether any write to the stream failed.
    if (out.checkError() && code < ExitCode.USAGE.code()) {
      // (A run that already failed has said so in its one line.)
      err.println(m.get("error.line", m.get("error.stdout")));
      code = ExitCode.INCOMPLETE.code();
    }
    if (err.checkError()) {
      code = Math.max(code, ExitCode.INCOMPLETE.code());
    }
    return code;
  }

  /** The command tree, writing to {@code out} and {@code err}. */
  static Cmd commandLine(RunContext context, PrintWriter out, PrintWriter err) {
    return VpcscAuditCommand.declare(new Cmd(VpcscAuditCommand.NAME, context, out, err));
  }

  /**
   * The language of the run's own lines (errors, before or after a command parsed its options): the
   * last {@code --lang VALUE} or {@code --lang=VALUE} given, else the environment's locale.
   */
  static Lang language(List<String> args, Map<String, String> env) {
    Lang lang = null;
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (a.equals("--")) {
        break;
      }
      String value =
          a.equals(CommonOptions.LANG) && i + 1 < args.size()
              ? args.get(i + 1)
              : a.startsWith(CommonOptions.LANG + "=")
                  ? a.substring(CommonOptions.LANG.length() + 1)
                  : null;
      if (value != null && Lang.parse(value) != null) {
        lang = Lang.parse(value);
      }
    }
    return lang != null ? lang : Lang.fromEnvironment(env);
  }

  private static int onExecutionException(
      Throwable e, PrintWriter err, boolean stacktrace, Messages m) {
    ExitCode code;
    String message;
    if (e instanceof BadInputException b) {
      code = ExitCode.USAGE;
      message = b.text().in(m);
    } else if (e instanceof CloudReadException || e instanceof OutputException) {
      code = ExitCode.INCOMPLETE;
      message = ((dev.vpcscaudit.error.VpcscException) e).text().in(m);
    } else if (e instanceof OutOfMemoryError) {
      code = ExitCode.INCOMPLETE;
      String input = InputFiles.lastOpened();
      long mib = Runtime.getRuntime().maxMemory() / (1024 * 1024);
      message =
          input == null
              ? m.get("error.out-of-memory", mib)
              : m.get("error.out-of-memory-input", mib, input);
    } else if (e instanceof StackOverflowError) {
      code = ExitCode.INCOMPLETE;
      String input = InputFiles.lastOpened();
      message = input == null ? m.get("error.too-deep") : m.get("error.too-deep-input", input);
    } else {
      code = ExitCode.INCOMPLETE;
      message = m.get("error.internal", e);
    }
    err.println(m.get("error.line", oneLine(message)));
    if (stacktrace) {
      e.printStackTrace(err);
    }
    return code.code();
  }

  /**
   * Error messages are one line of plain text: a newline or a control sequence from input is shown
   * escaped, and a URL's credentials (a proxy's {@code user:password@}) are never printed.
   */
  static String oneLine(String message) {
    return message == null ? "" : Terminal.clean(Redact.urls(message));
  }

  // The file descriptors themselves, not System.out/err: a PrintStream swallows write errors, and
  // a full disk under standard output must be seen (checkError above).
  private static PrintWriter stdout() {
    return new PrintWriter(
        new java.io.OutputStreamWriter(
            new java.io.FileOutputStream(java.io.FileDescriptor.out), StandardCharsets.UTF_8),
        true);
  }

  private static PrintWriter stderr() {
    return new PrintWriter(
        new java.io.OutputStreamWriter(
            new java.io.FileOutputStream(java.io.FileDescriptor.err), StandardCharsets.UTF_8),
        true);
  }
}
