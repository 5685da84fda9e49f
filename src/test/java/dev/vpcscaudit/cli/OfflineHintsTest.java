package dev.vpcscaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpcscaudit.testing.Cli;
import dev.vpcscaudit.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An offline audit that cannot be about the project it was asked about says so in one line on
 * stderr, beside the finding that is still due: an export with no perimeter, a project number that
 * no perimeter of the export mentions (a typo, or the wrong policy exported).
 */
class OfflineHintsTest {

  @TempDir Path dir;

  @Test
  void anEmptyExportIsSaidInOneLineAndTheProjectIsStillNotInAPerimeter() throws Exception {
    Path empty = Files.writeString(dir.resolve("empty.json"), "[]");
    Cli.Result r = Cli.run("audit", "--project", "123", "--from-file", empty.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err().lines().toList())
        .containsExactly("warning: --from-file " + empty + " holds no perimeter");
    assertThat(r.out()).contains("project-not-in-perimeter");
  }

  @Test
  void offlineAllProjectsSaysWhichProjectsItAudits() {
    String sample = Fixtures.repoRoot().resolve("samples/gdc-perimeters.json").toString();
    Cli.Result r = Cli.run("audit", "--all-projects", "--from-file", sample);
    assertThat(r.err().lines().toList())
        .singleElement()
        .asString()
        .startsWith("note: --all-projects audits the 3 projects that the perimeters of --from-file")
        .contains("projects/123456789012", "to audit only some, give them in --projects-file");
  }

  @Test
  void aProjectNoPerimeterMentionsIsSaidInOneLine() {
    String sample = Fixtures.repoRoot().resolve("samples/gdc-perimeters.json").toString();
    Cli.Result typo = Cli.run("audit", "--project", "123456789013", "--from-file", sample);
    assertThat(typo.code()).isEqualTo(1);
    assertThat(typo.err().lines().toList())
        .containsExactly(
            "warning: no perimeter of --from-file "
                + sample
                + " mentions projects/123456789013 (3 perimeters read): check the project number,"
                + " or export the policy that should hold it");

    Cli.Result right = Cli.run("audit", "--project", Fixtures.PROJECT, "--from-file", sample);
    assertThat(right.err()).isEmpty();
  }
}
