package dev.vpcscaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpcscaudit.testing.Fixtures;
import dev.vpcscaudit.testing.Processes;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The real process: exit status, streams and environment (NO_COLOR) as a shell sees them. */
class SubprocessTest {

  record Run(int code, String out, String err) {}

  static Run java(Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(Main.class.getName());
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().putAll(env);
    Processes.Result r = Processes.run(pb, java.time.Duration.ofSeconds(60));
    return new Run(r.code(), r.out(), r.err());
  }

  @Test
  void exitStatusesAreTheContractsCodes() throws Exception {
    String sample = Fixtures.repoRoot().resolve("samples/gdc-perimeters.json").toString();

    Run findings = java(Map.of(), "audit", "--project", "123456789012", "--from-file", sample);
    assertThat(findings.code()).isEqualTo(1);
    assertThat(findings.out()).contains("Not compliant").doesNotContain("\u001b[");

    Run never =
        java(
            Map.of(),
            "audit",
            "--project",
            "123456789012",
            "--from-file",
            sample,
            "--fail-on",
            "never");
    assertThat(never.code()).isZero();

    Run bad =
        java(Map.of(), "audit", "--project", "123456789012", "--from-file", "/nonexistent/x.json");
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).isEqualTo("error: --from-file /nonexistent/x.json: no such file\n");
    assertThat(bad.out()).isEmpty();
  }
}
