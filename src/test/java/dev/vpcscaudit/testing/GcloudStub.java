package dev.vpcscaudit.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpcscaudit.model.ServicePerimeter;
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

  /** Runs {@code script} in {@code dir} with the stub gcloud, which knows no perimeter. */
  public static Run run(String script, Path dir) throws IOException, InterruptedException {
    return run(script, dir, List.of());
  }

  /**
   * Runs {@code script} in {@code dir} (its working directory) with the stub gcloud. The stub
   * answers {@code perimeters describe NAME --policy=P --format=value(etag)} with the etag of that
   * perimeter in {@code perimeters}, and any other describe, and any write asked for a JSON format,
   * with the same stand-in content (a perimeter nobody else changes); every other call it only
   * records. Describe calls are not among the recorded invocations (they change nothing).
   */
  public static Run run(String script, Path dir, List<ServicePerimeter> perimeters)
      throws IOException, InterruptedException {
    Path etags = Files.createDirectories(dir.resolve("stub-etags"));
    for (ServicePerimeter p : perimeters) {
      Files.writeString(etags.resolve(p.policyNumber() + "_" + p.shortName()), p.etag());
    }
    assertSyntax(script, dir);
    Path bin = Files.createDirectories(dir.resolve("stub-bin"));
    Path log = dir.resolve("gcloud.log");
    Files.deleteIfExists(log);
    Path gcloud = bin.resolve("gcloud");
    Files.writeString(
        gcloud,
        "#!/usr/bin/env bash\n"
            + "if [[ \"$3\" == describe ]]; then\n"
            + "  if [[ \"$6\" == '--format=value(etag)' ]]; then\n"
            + "    cat \"$GCLOUD_ETAGS/${5#--policy=}_$4\" 2>/dev/null; echo\n"
            + "  else\n"
            + "    echo stub-content\n"
            + "  fi\n"
            + "  exit 0\n"
            + "fi\n"
            + "printf '%s\\0' \"$#\" \"$@\" >> \"$GCLOUD_LOG\"\n"
            + "for a in \"$@\"; do [[ \"$a\" != --format=json* ]] || echo stub-content; done\n");
    Files.setPosixFilePermissions(gcloud, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path file = dir.resolve("plan.sh");
    Files.writeString(file, script, StandardCharsets.UTF_8);
    ProcessBuilder pb = new ProcessBuilder("bash", file.toString()).directory(dir.toFile());
    pb.environment().put("PATH", bin + ":/usr/bin:/bin");
    pb.environment().put("GCLOUD_LOG", log.toString());
    pb.environment().put("GCLOUD_ETAGS", etags.toString());
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
