package dev.vpcscaudit.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a generated script under the real bash with a stub {@code gcloud} first on PATH that only
 * records its arguments, so tests see exactly the words bash would pass to gcloud, and can check
 * that nothing else ran.
 */
public final class GcloudStub {

  private GcloudStub() {}

  /** What one run did. */
  public record Run(int exitCode, List<List<String>> invocations, String stderr) {}

  /** {@code bash -n}: the script parses. */
  public static void assertSyntax(String script, Path dir)
      throws IOException, InterruptedException {
    Path file = dir.resolve("syntax-check.sh");
    Files.writeString(file, script, StandardCharsets.UTF_8);
    Processes.Result r =
        Processes.run(new ProcessBuilder("bash", "-n", file.toString()), Duration.ofSeconds(30));
    assertThat(r.code()).as("bash -n: %s", r.err()).isZero();
  }

  /** Runs {@code script} in {@code dir} (its working directory) with the stub gcloud. */
  public static Run run(String script, Path dir) throws IOException, InterruptedException {
    assertSyntax(script, dir);
    Path bin = Files.createDirectories(dir.resolve("stub-bin"));
    Path log = dir.resolve("gcloud.log");
    Files.deleteIfExists(log);
    Path gcloud = bin.resolve("gcloud");
    Files.writeString(
        gcloud, "#!/usr/bin/env bash\nprintf '%s\\0' \"$#\" \"$@\" >> \"$GCLOUD_LOG\"\n");
    Files.setPosixFilePermissions(gcloud, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path file = dir.resolve("plan.sh");
    Files.writeString(file, script, StandardCharsets.UTF_8);
    ProcessBuilder pb = new ProcessBuilder("bash", file.toString()).directory(dir.toFile());
    pb.environment().put("PATH", bin + ":/usr/bin:/bin");
    pb.environment().put("GCLOUD_LOG", log.toString());
    Processes.Result r = Processes.run(pb, Duration.ofSeconds(30));
    String err = r.err();
    List<List<String>> calls = new ArrayList<>();
    if (Files.exists(log)) {
      String[] fields = new String(Files.readAllBytes(log), StandardCharsets.UTF_8).split("\0", -1);
      int i = 0;
      while (i < fields.length - 1) {
        int n = Integer.parseInt(fields[i++]);
        calls.add(List.of(java.util.Arrays.copyOfRange(fields, i, i + n)));
        i += n;
      }
    }
    return new Run(r.code(), calls, err);
  }
}
