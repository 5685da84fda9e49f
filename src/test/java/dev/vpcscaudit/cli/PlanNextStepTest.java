package dev.vpcscaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpcscaudit.testing.Fixtures;
import dev.vpcscaudit.testing.LoopbackApis;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dry-run plan's next step is two commands to copy: the real gcloud accepts the log read
 * (against a loopback API that refuses it), and the audit of its output parses.
 */
class PlanNextStepTest {

  @TempDir Path dir;

  static List<String> commands(String prefix) throws Exception {
    return Files.readString(
            Fixtures.repoRoot().resolve("src/test/resources/golden/plan/sample-dry-run.sh"))
        .lines()
        .filter(l -> l.startsWith("#   " + prefix))
        .map(l -> l.substring(4))
        .toList();
  }

  @Test
  void theRealGcloudAcceptsTheLogRead() throws Exception {
    List<String> read = commands("gcloud logging read ");
    assertThat(read).hasSize(1);
    try (LoopbackApis apis = new LoopbackApis()) {
      LoopbackApis.Run run = apis.run(read.get(0) + "\n", dir);

      assertThat(run.gcloud()).hasSize(1);
      LoopbackApis.Invocation call = run.gcloud().get(0);
      assertThat(call.code()).as(call.err()).isEqualTo(1);
      assertThat(call.err()).contains(LoopbackApis.REFUSAL);
      assertThat(apis.requests()).singleElement().asString().startsWith("POST /v2/entries:list");
    }
  }

  @Test
  void theAuditOfTheSavedReadParses() throws Exception {
    List<String> audit =
        commands("vpcsc-audit audit ").stream()
            .filter(c -> c.contains("--violations-file"))
            .toList();
    assertThat(audit).singleElement().asString().endsWith(" --violations-file violations.json");
    Cmd root = ExamplesParseTest.quietRoot();
    List<String> words =
        ArgFiles.words(audit.get(0).substring("vpcsc-audit ".length()), "plan", root);
    assertThat(root.parse(words, 0).name()).isEqualTo("audit");
  }
}
