package dev.vpcscaudit.testing;

import dev.vpcscaudit.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/** Runs the real CLI in-process and captures what it prints. */
public final class Cli {

  private Cli() {}

  /** Exit code and both streams of one run. */
  public record Result(int code, String out, String err) {}

  /** Runs with an empty environment: nothing of the test JVM's surroundings leaks in. */
  public static Result run(String... args) {
    return run(Map.of(), args);
  }

  /** Runs with {@code env} as the process environment (ADC, endpoint overrides, proxies). */
  public static Result run(Map<String, String> env, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), env, args);
    return new Result(code, out.toString(), err.toString());
  }
}
