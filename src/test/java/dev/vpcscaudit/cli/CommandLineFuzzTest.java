package dev.vpcscaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpcscaudit.testing.Gen;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The command-line parser on generated argument lists: every one either parses or is a usage error
 * with a one-line message; none ends in another exception (an index out of bounds, a null).
 */
class CommandLineFuzzTest {

  /** Real commands, options and values, and near misses of them. */
  private static final List<String> WORDS =
      List.of(
          "audit",
          "plan",
          "export",
          "profiles",
          "list",
          "show",
          "generate-completion",
          "--project",
          "--project=",
          "--project=1",
          "--from-file",
          "--from-file=",
          "--format",
          "--format=json,",
          "json",
          "sarif,junit",
          "--fail-on",
          "never",
          "NEVER",
          "always",
          "--as",
          "gcloud",
          "--stage",
          "dry-run",
          "--timeout",
          "x",
          "-1",
          "99999999999",
          "--parallelism",
          "-o",
          "-o-",
          "-ofile",
          "-",
          "--",
          "-v",
          "-vh",
          "--verbose=1",
          "-h",
          "--help",
          "-V",
          "--version",
          "--projekt",
          "--all-projects",
          "--projects-query",
          "",
          " ",
          "@@x",
          "=",
          "-=",
          "--=",
          "--network",
          "--output-dir",
          "--check-dns",
          "--dns-resolver",
          "\u0000",
          "é");

  static Stream<Arguments> commandLines() {
    return Gen.cases(2000, "command-lines", g -> g.list(WORDS, 8));
  }

  @ParameterizedTest
  @MethodSource("commandLines")
  void parsesOrIsAOneLineUsageError(List<String> args) {
    Cmd root = ExamplesParseTest.quietRoot();
    try {
      root.parse(args, 0);
    } catch (UsageException e) {
      assertThat(e.getMessage()).isNotBlank();
      assertThat(Main.oneLine(e.getMessage())).doesNotContain("\n");
    }
  }
}
