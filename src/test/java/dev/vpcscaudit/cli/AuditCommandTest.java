package dev.vpcscaudit.cli;

import static dev.vpcscaudit.testing.Fixtures.compliantConfig;
import static dev.vpcscaudit.testing.Fixtures.perimeter;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vpcscaudit.testing.Cli;
import dev.vpcscaudit.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real CLI, in-process: exit codes and what it prints. */
class AuditCommandTest {

  static final String SAMPLE =
      Fixtures.repoRoot().resolve("samples/gdc-perimeters.json").toString();

  @TempDir Path dir;

  private Path write(String name, String content) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, content);
    return file;
  }

  @Test
  void sampleHasFindingsAndExitsOne() {
    Cli.Result r = Cli.run("audit", "--project", "123456789012", "--from-file", SAMPLE);

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out())
        .contains("Not compliant with profile gdc-bare-metal")
        .doesNotContain("\u001b[");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void compliantProjectExitsZero() throws IOException {
    Path file = write("ok.json", "[" + perimeter("gdc", compliantConfig()) + "]");

    Cli.Result r =
        Cli.run(
            "audit",
            "--project",
            "projects/123456789012",
            "--from-file",
            file.toString(),
            "--format",
            "json");

    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("\"compliant\": true").contains("\"findings\": [ ]");
  }

  @Test
  void failOnControlsTheExitCode() throws IOException {
    // Compliant enforced config; a staged spec missing a service gives one warning.
    String spec =
        "{\"resources\": [\"projects/123456789012\"], \"restrictedServices\": [], "
            + "\"vpcAccessibleServices\": {\"enableRestriction\": true, \"allowedServices\": [\"RESTRICTED-SERVICES\"]}}";
    Path file = write("warn.json", "[" + perimeter("gdc", compliantConfig(), spec) + "]");
    String f = file.toString();

    assertThat(Cli.run("audit", "--project", "123456789012", "--from-file", f).code()).isZero();
    assertThat(
            Cli.run("audit", "--project", "123456789012", "--from-file", f, "--fail-on", "warning")
                .code())
        .isEqualTo(1);
    assertThat(
            Cli.run(
                    "audit",
                    "--project",
                    "123456789012",
                    "--from-file",
                    SAMPLE,
                    "--fail-on",
                    "never")
                .code())
        .isZero();
  }

  @Test
  void outputWritesTheReportToAFile() throws IOException {
    Path out = dir.resolve("report.json");

    Cli.Result r =
        Cli.run(
            "audit",
            "--project",
            "123456789012",
            "--from-file",
            SAMPLE,
            "--format",
            "json",
            "--output",
            out.toString());

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).isEqualTo("wrote json report to " + out + " (not compliant)\n");
    assertThat(Files.readString(out)).startsWith("{\n  \"schemaVersion\": \"1\",");
  }

  @Test
  void policyFiltersTheFile() {
    Cli.Result r =
        Cli.run(
            "audit",
            "--project",
            "123456789012",
            "--from-file",
            SAMPLE,
            "--policy",
            "accessPolicies/587139914682",
            "--format",
            "json");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).contains("gdc_prod");
  }

  @Test
  void stacktraceOnlyWhenAsked() {
    Cli.Result plain =
        Cli.run(
            "audit",
            "--project",
            "123456789012",
            "--from-file",
            dir.resolve("nope.json").toString());
    Cli.Result traced =
        Cli.run(
            "audit",
            "--project",
            "123456789012",
            "--from-file",
            dir.resolve("nope.json").toString(),
            "--stacktrace");

    assertThat(plain.code()).isEqualTo(2);
    assertThat(plain.err().lines()).hasSize(1);
    assertThat(traced.code()).isEqualTo(2);
    assertThat(traced.err()).contains("\tat ").contains("NoSuchFileException");
  }

  @Test
  void helpAndVersion() {
    Cli.Result help = Cli.run("audit", "--help");
    assertThat(help.code()).isZero();
    assertThat(help.out())
        .contains("--from-file=FILE", "--fail-on=LEVEL", "--profile=NAME|FILE", "Exit codes");

    Cli.Result version = Cli.run("--version");
    assertThat(version.code()).isZero();
    assertThat(version.out()).startsWith("vpcsc-audit ");

    Cli.Result none = Cli.run();
    assertThat(none.code()).isEqualTo(2);
    assertThat(none.err())
        .isEqualTo(
            "error: missing command: audit, plan, export or profiles (see 'vpcsc-audit --help')\n");
  }

  @Test
  void profilesListAndShow() throws IOException {
    Cli.Result list = Cli.run("profiles", "list");
    assertThat(list.code()).isZero();
    assertThat(list.out()).startsWith("gdc-bare-metal").contains("14 services");

    Cli.Result show = Cli.run("profiles", "show", "gdc-bare-metal");
    assertThat(show.code()).isZero();
    assertThat(show.out()).contains("formatVersion: 1", "opsconfigmonitoring.googleapis.com");

    Path bad = write("bad.yaml", "formatVersion: 1\nname: x\nrequiredServices: []\n");
    Cli.Result invalid = Cli.run("profiles", "show", bad.toString());
    assertThat(invalid.code()).isEqualTo(2);
    assertThat(invalid.err())
        .isEqualTo("error: profiles show " + bad + ": key 'requiredServices': the list is empty\n");
  }

  @Test
  void userProfileFileIsUsed() throws IOException {
    Path profile =
        write(
            "p.yaml",
            "formatVersion: 1\nname: logging-only\nrequiredServices: [logging.googleapis.com]\n");

    Cli.Result r =
        Cli.run(
            "audit",
            "--project",
            "123456789012",
            "--from-file",
            SAMPLE,
            "--profile",
            profile.toString(),
            "--format",
            "json");

    // The sample restricts and allows logging in both modes: compliant for this profile.
    assertThat(r.out()).contains("\"profile\": \"logging-only\"", "\"compliant\": true");
    assertThat(r.code()).isZero();
  }

  @Test
  void bashCompletionScriptCompletesInTheRealBash() throws IOException {
    Cli.Result r = Cli.run("generate-completion");
    assertThat(r.code()).isZero();
    assertThat(r.out()).startsWith("#!/usr/bin/env bash");
    Path script = write("completion.bash", r.out());
    Path sample = write("sample-perimeters.json", "[]");

    // Each line: the words typed so far (the last one being completed) -> what bash offers.
    // compopt only sets how bash shows the candidates, and works only while bash itself is
    // completing: this probe calls the completion function directly, so it is a no-op here.
    String probe =
        "source "
            + script
            + "\ncompopt() { :; }\n"
            + "t() { COMP_WORDS=(\"$@\"); COMP_CWORD=$((${#COMP_WORDS[@]}-1)); COMP_LINE=\"$*\";"
            + " COMPREPLY=(); _complete_vpcsc-audit; echo \"$* -> ${COMPREPLY[*]}\"; }\n"
            + "t vpcsc-audit ''\n"
            + "t vpcsc-audit au\n"
            + "t vpcsc-audit audit --fo\n"
            + "t vpcsc-audit audit --format ''\n"
            + "t vpcsc-audit audit --project 1 --fail-on w\n"
            + "t vpcsc-audit plan --as t\n"
            + "t vpcsc-audit plan --stage ''\n"
            + "t vpcsc-audit profiles ''\n"
            + "t vpcsc-audit profiles show gdc\n"
            + "t vpcsc-audit audit --from-file "
            + dir.resolve("sample-p")
            + "\n"
            + "t vpcsc-audit audit --project ''\n"
            + "t vpcsc-audit export --pro\n";
    dev.vpcscaudit.testing.Processes.Result bash =
        dev.vpcscaudit.testing.Processes.run(
            new ProcessBuilder("bash", "-c", probe), java.time.Duration.ofSeconds(30));

    assertThat(bash.err()).isEmpty();
    assertThat(bash.out().lines())
        .containsExactly(
            "vpcsc-audit  -> audit plan export profiles generate-completion",
            "vpcsc-audit au -> audit",
            "vpcsc-audit audit --fo -> --format",
            "vpcsc-audit audit --format  -> text json sarif junit markdown",
            "vpcsc-audit audit --project 1 --fail-on w -> warning",
            "vpcsc-audit plan --as t -> terraform",
            "vpcsc-audit plan --stage  -> dry-run enforce",
            "vpcsc-audit profiles  -> list show",
            "vpcsc-audit profiles show gdc -> gdc-bare-metal",
            "vpcsc-audit audit --from-file " + dir.resolve("sample-p") + " -> " + sample,
            "vpcsc-audit audit --project  -> ",
            "vpcsc-audit export --pro -> --project");
  }

  @Test
  void columnsSetsTheTextWidth() {
    String sample = Fixtures.repoRoot().resolve("samples/gdc-perimeters.json").toString();
    Cli.Result wide =
        Cli.run(
            java.util.Map.of("COLUMNS", "200"),
            "audit",
            "--project",
            "123456789012",
            "--from-file",
            sample);
    Cli.Result narrow =
        Cli.run(
            java.util.Map.of("COLUMNS", "60"),
            "audit",
            "--project",
            "123456789012",
            "--from-file",
            sample);
    assertThat(narrow.out().lines().count()).isGreaterThan(wide.out().lines().count());
    assertThat(narrow.out()).contains("connectgateway.googleapis.com,");
  }

  @Test
  void dashIsStandardOutputAndStandardInput() throws Exception {
    String sample = Files.readString(Fixtures.repoRoot().resolve("samples/gdc-perimeters.json"));
    java.io.StringWriter out = new java.io.StringWriter();
    java.io.StringWriter err = new java.io.StringWriter();
    int code =
        Main.run(
            new java.io.ByteArrayInputStream(
                sample.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
            new java.io.PrintWriter(out),
            new java.io.PrintWriter(err),
            java.util.Map.of(),
            /* terminal= */ false,
            "audit",
            "--project",
            "123456789012",
            "--from-file",
            "-",
            "--format",
            "json",
            "-o",
            "-");

    assertThat(code).as(err.toString()).isEqualTo(1);
    assertThat(out.toString()).contains("\"schemaVersion\"");
    assertThat(err.toString()).isEmpty();
    assertThat(Path.of("-")).doesNotExist();
  }
}
