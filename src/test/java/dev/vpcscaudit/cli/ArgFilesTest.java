package dev.vpcscaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpcscaudit.testing.Cli;
import dev.vpcscaudit.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code @file} arguments, as the tool took them before (picocli's argument files). */
class ArgFilesTest {

  @TempDir Path dir;

  static final String SAMPLE =
      Fixtures.repoRoot().resolve("samples/gdc-perimeters.json").toString();

  @Test
  void anArgumentFileStandsForItsWords() throws Exception {
    Path args =
        Files.writeString(
            dir.resolve("audit.args"),
            "# the nightly selection\n--project 123456789012\n--from-file '"
                + SAMPLE
                + "'\n--format json\n");

    Cli.Result viaFile = Cli.run("audit", "@" + args, "--fail-on", "never");
    Cli.Result direct =
        Cli.run(
            "audit",
            "--project",
            "123456789012",
            "--from-file",
            SAMPLE,
            "--format",
            "json",
            "--fail-on",
            "never");

    assertThat(viaFile.code()).as(viaFile.err()).isZero();
    assertThat(viaFile.out()).isEqualTo(direct.out());
  }

  @Test
  void quotesGroupAndAnUnclosedQuoteIsAUsageError() throws Exception {
    Path args = Files.writeString(dir.resolve("q.args"), "--project \"12 34\"\n");
    Path open = Files.writeString(dir.resolve("open.args"), "--project '123\n");

    Cli.Result grouped = Cli.run("audit", "@" + args, "--from-file", SAMPLE);
    Cli.Result unclosed = Cli.run("audit", "@" + open);

    assertThat(grouped.code()).isEqualTo(2);
    assertThat(grouped.err()).contains("'12 34'");
    assertThat(unclosed.code()).isEqualTo(2);
    assertThat(unclosed.err())
        .isEqualTo(
            "error: argument file @"
                + open
                + ": a quote is not closed on the line '--project '123' (see 'vpcsc-audit"
                + " --help')\n");
  }

  @Test
  void aMissingFileIsBadInputAndAtAtIsALiteralAt() {
    Cli.Result missing = Cli.run("audit", "@" + dir.resolve("nope.args"));
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err())
        .isEqualTo("error: argument file @" + dir.resolve("nope.args") + ": no such file\n");

    Cli.Result literal = Cli.run("profiles", "show", "@@x.yaml");
    assertThat(literal.code()).isEqualTo(2);
    assertThat(literal.err()).contains("@x.yaml").doesNotContain("@@");
  }
}
