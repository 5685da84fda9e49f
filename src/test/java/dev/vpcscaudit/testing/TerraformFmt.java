package dev.vpcscaudit.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real {@code terraform fmt -check} (terraform 1.11 is on every machine of this project,
 * CI's included; a missing binary fails the test with one clear line rather than skipping it).
 */
public final class TerraformFmt {

  private TerraformFmt() {}

  /** Asserts that {@code hcl} is byte for byte what {@code terraform fmt} would leave. */
  public static void assertCanonical(String hcl, String what) {
    try {
      Path dir = Files.createTempDirectory("tf-fmt");
      Path file = dir.resolve("plan.tf");
      Files.writeString(file, hcl, StandardCharsets.UTF_8);
      assertCanonical(file, what);
      Files.delete(file);
      Files.delete(dir);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  /** Asserts that the file at {@code file} passes {@code terraform fmt -check}. */
  public static void assertCanonical(Path file, String what) {
    try {
      Path log = Files.createTempFile("tf-fmt", ".log");
      ProcessBuilder pb =
          new ProcessBuilder("terraform", "fmt", "-check", "-diff", "-no-color", file.toString())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile());
      pb.environment().put("TF_CLI_CONFIG_FILE", "/dev/null");
      pb.environment().put("CHECKPOINT_DISABLE", "1");
      Process p;
      try {
        p = pb.start();
      } catch (IOException e) {
        throw new AssertionError(
            "terraform is not installed: these tests run the real 'terraform fmt' (install"
                + " terraform 1.11 or newer)");
      }
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("terraform fmt finished").isTrue();
      String output = Files.readString(log, StandardCharsets.UTF_8);
      Files.delete(log);
      assertThat(p.exitValue()).as("terraform fmt -check on %s:%n%s", what, output).isZero();
    } catch (IOException e) {
      throw new AssertionError(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
