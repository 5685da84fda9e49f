package dev.vpcscaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vpcscaudit.i18n.Text;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The command-line parser: syntax, errors and help, on a small command tree. */
class CmdTest {

  enum Color {
    red,
    green
  }

  private static final Map<String, Color> COLORS = Cmd.names(Color.class);

  private final StringWriter out = new StringWriter();
  private final List<String> seen = new ArrayList<>();

  private Cmd root() {
    Cmd root =
        new Cmd(
            "tool",
            new RunContext(Map.of("COLUMNS", "60"), false, java.io.InputStream.nullInputStream()),
            new PrintWriter(out),
            new PrintWriter(new StringWriter()));
    root.describe(Text.verbatim("A tool."))
        .subcommand(
            "run",
            c -> {
              c.describe(Text.verbatim("Runs."))
                  .footer(
                      Text.verbatim(""),
                      Text.verbatim("Exit codes: 0 always."),
                      Text.verbatim("  tool run --name x"));
              c.option("-n, --name", "NAME", Text.verbatim("The name."));
              c.option("--count", "N", Text.verbatim("How many."));
              c.flag("--dry", Text.verbatim("Only say."));
              c.choice(
                  "--color", "COLOR", Text.verbatim("A color."), COLORS.keySet(), /* list= */ true);
              c.option("--must", "M", Text.verbatim("The thing.")).required();
              c.onParsed(
                  () -> {
                    if (c.text("--name") != null) {
                      seen.add("name=" + c.text("--name"));
                    }
                    if (c.text("--count") != null) {
                      seen.add("count=" + c.integer("--count", 0));
                    }
                    if (c.flag("--dry")) {
                      seen.add("dry");
                    }
                    c.choices("--color", COLORS).forEach(v -> seen.add("color=" + v));
                    seen.add("must=" + c.text("--must"));
                  });
              c.action(() -> 7);
            })
        .subcommand(
            "show",
            c ->
                c.param("WHAT", Text.verbatim("What to show."))
                    .action(
                        () -> {
                          seen.add("what=" + c.param(0));
                          return 0;
                        }));
    return root;
  }

  private int run(String... args) throws Exception {
    return root().run(List.of(args), 0, "tool 1.0");
  }

  private String error(String... args) {
    try {
      run(args);
    } catch (UsageException e) {
      return e.getMessage() + " [" + e.command().qualifiedName() + "]";
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    throw new AssertionError("no usage error for " + List.of(args));
  }

  @Test
  void valuesInEveryForm() throws Exception {
    int code =
        run(
            "run",
            "--name",
            "a b",
            "--count=3",
            "--dry",
            "--color",
            "RED,green",
            "--color=red",
            "--must",
            "-");
    assertThat(code).isEqualTo(7);
    assertThat(seen)
        .containsExactly(
            "name=a b", "count=3", "dry", "color=red", "color=green", "color=red", "must=-");
  }

  @Test
  void shortNamesAndTheEndOfOptions() throws Exception {
    assertThat(run("run", "-n", "x", "--must", "--x=1")).isEqualTo(7);
    assertThat(seen).containsExactly("name=x", "must=--x=1");
    seen.clear();
    assertThat(run("run", "-nx y", "--must=1")).isEqualTo(7);
    assertThat(seen).containsExactly("name=x y", "must=1");
    seen.clear();
    assertThat(run("show", "--", "--help")).isZero();
    assertThat(seen).containsExactly("what=--help");
  }

  @Test
  void usageErrorsNameTheOptionAndTheCommand() {
    assertThat(error("run", "--must", "1", "--name", "a", "--name", "b"))
        .isEqualTo("option '--name' (NAME) should be specified only once [tool run]");
    assertThat(error("run", "--must", "1", "--dry=yes"))
        .isEqualTo("option '--dry' is a flag and takes no value [tool run]");
    assertThat(error("run", "--must", "1", "--name"))
        .isEqualTo("Missing required parameter for option '--name' (NAME) [tool run]");
    assertThat(error("run", "--name", "--must", "1"))
        .isEqualTo("Missing required parameter for option '--name' (NAME) [tool run]");
    assertThat(error("run", "--must", "1", "--count", "many"))
        .isEqualTo("Invalid value for option '--count': 'many' is not a whole number [tool run]");
    assertThat(error("run", "--must", "1", "--color", "red,blue"))
        .isEqualTo(
            "Invalid value for option '--color': expected red or green, got 'blue' [tool run]");
    assertThat(error("run")).isEqualTo("Missing required option: '--must=M' [tool run]");
    assertThat(error("run", "--must", "1", "--nope", "x"))
        .isEqualTo("Unknown options: '--nope', 'x' [tool run]");
    assertThat(error("run", "--must", "1", "--colour", "red"))
        .isEqualTo("Unknown options: '--colour', 'red'; did you mean --color? [tool run]");
    assertThat(error("run", "--must", "1", "--nmae=x"))
        .isEqualTo("Unknown option: '--nmae=x'; did you mean --name? [tool run]");
    assertThat(error("run", "--must", "1", "extra"))
        .isEqualTo("Unexpected argument: 'extra' [tool run]");
    assertThat(error("show")).isEqualTo("Missing required parameter: 'WHAT' [tool show]");
    assertThat(error("walk")).isEqualTo("unknown command 'walk': expected run or show [tool]");
    assertThat(error("rnu"))
        .isEqualTo("unknown command 'rnu' (did you mean run?): expected run or show [tool]");
    assertThat(error("shwo"))
        .isEqualTo("unknown command 'shwo' (did you mean show?): expected run or show [tool]");
    assertThat(error()).isEqualTo("missing command: run or show [tool]");
    assertThat(error("--name", "x", "run", "--must", "1"))
        .isEqualTo(
            "'--name' is an option of 'run': give the command first (tool run --name ...) [tool]");
  }

  @Test
  void helpAndVersionWinOverOtherErrors() throws Exception {
    assertThat(run("run", "--help")).isZero();
    assertThat(out.toString())
        .isEqualTo(
            "Usage: tool run [OPTIONS]\n"
                + "Runs.\n"
                + "\n"
                + "Options:\n"
                + "      --color=COLOR   A color.\n"
                + "      --count=N       How many.\n"
                + "      --dry           Only say.\n"
                + "  -h, --help          Show this help message and exit.\n"
                + "      --must=M        Required. The thing.\n"
                + "  -n, --name=NAME     The name.\n"
                + "  -V, --version       Print version information and exit.\n"
                + "\n"
                + "Exit codes: 0 always.\n"
                + "  tool run --name x\n");
    out.getBuffer().setLength(0);
    assertThat(run("--version", "run")).isZero();
    assertThat(out.toString()).isEqualTo("tool 1.0\n");
  }

  @Test
  void anOptionDeclaredTwiceIsAProgrammingError() {
    Cmd c = root().child("run");
    assertThatThrownBy(() -> c.flag("--dry", Text.verbatim("again")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("--dry declared twice");
    // Reading an option that was never declared is one too (a typo in a reader).
    assertThatThrownBy(() -> c.text("--nmae"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("declares no option --nmae");
  }
}
