package dev.vpcscaudit.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Runs a child process for a test: stdout and stderr go to files (so neither pipe can fill up and
 * block the child while the other is read), stdin is closed, and a child that outlives {@code
 * timeout} is killed and fails the test.
 */
public final class Processes {

  private Processes() {}

  /** Exit code and both streams, decoded as UTF-8. */
  public record Result(int code, String out, String err) {}

  public static Result run(ProcessBuilder pb, Duration timeout) {
    Path out = null;
    Path err = null;
    try {
      out = Files.createTempFile("proc", ".out");
      err = Files.createTempFile("proc", ".err");
      Process p =
          pb.redirectOutput(out.toFile())
              .redirectError(err.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
              .start();
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        p.destroyForcibly();
        throw new AssertionError(
            "timed out after " + timeout.toSeconds() + " s: " + String.join(" ", pb.command()));
      }
      return new Result(
          p.exitValue(),
          Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new AssertionError("cannot run " + String.join(" ", pb.command()) + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    } finally {
      delete(out);
      delete(err);
    }
  }

  private static void delete(Path p) {
    if (p != null) {
      try {
        Files.deleteIfExists(p);
      } catch (IOException e) {
        // a temporary file; the OS cleans it up
      }
    }
  }
}
