package dev.vpcscaudit.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

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
    ProcessBuilder pb =
        new ProcessBuilder("terraform", "fmt", "-check", "-diff", "-no-color", file.toString());
    pb.environment().put("TF_CLI_CONFIG_FILE", "/dev/null");
    pb.environment().put("CHECKPOINT_DISABLE", "1");
    if (!onPath("terraform")) {
      throw new AssertionError(
          "terraform is not installed: these tests run the real 'terraform fmt' (install"
              + " terraform 1.11 or newer)");
    }
    Processes.Result r = Processes.run(pb, Duration.ofSeconds(60));
    assertThat(r.code()).as("terraform fmt -check on %s:%n%s%s", what, r.out(), r.err()).isZero();
  }

  /** Whether {@code command} is an executable on the PATH. */
  static boolean onPath(String command) {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String dir : path.split(java.io.File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, command))) {
        return true;
      }
    }
    return false;
  }
}
