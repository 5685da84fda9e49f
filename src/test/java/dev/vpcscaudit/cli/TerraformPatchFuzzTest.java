package dev.vpcscaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpcscaudit.testing.Cli;
import dev.vpcscaudit.testing.Fixtures;
import dev.vpcscaudit.testing.Gen;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code --terraform-dir} reads the team's own files, whatever is in them: mutations of the corpus'
 * Terraform (cut, doubled or replaced spans, unbalanced brackets and quotes, heredoc markers) never
 * hang the scanner and never end in an internal error: the run writes a diff (exit 0), names what
 * it could not write (exit 1), or refuses bad input in one line (exit 2).
 */
class TerraformPatchFuzzTest {

  static final Path CORPUS = Fixtures.repoRoot().resolve("src/test/resources/tfpatch");
  static final List<String> CASES =
      List.of("resource", "perimeters", "module", "fabric", "members");

  @TempDir Path dir;

  /** A case and one mutation of its main file. */
  record Mutated(String name, String file, String text) {}

  static Stream<Arguments> mutations() {
    return Gen.cases(
        120,
        "tfpatch",
        g -> {
          String name = CASES.get(g.between(0, CASES.size() - 1));
          String file = name.equals("module") ? "prod.tf" : "main.tf";
          try {
            String doc = Files.readString(CORPUS.resolve(name).resolve(file));
            String text =
                g.between(0, 3) == 0
                    ? doc.replaceFirst(
                        "\n}",
                        java.util.regex.Matcher.quoteReplacement(
                            "\n  x = <<EOT\n" + g.anyString(20) + "\n}"))
                    : mutate(g, doc);
            return new Mutated(name, file, text);
          } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        });
  }

  static String mutate(Gen g, String doc) {
    int a = g.between(0, doc.length() - 1);
    int end = Math.min(doc.length(), a + g.between(1, 30));
    String text =
        g.between(0, 1) == 0
            ? g.anyString(8)
            : g.oneOf("{", "}", "[", "]", "\"", ",", "=", "${", "#", "/*", "<<EOF\n", "\n", "\\");
    return switch (g.between(0, 2)) {
      case 0 -> doc.substring(0, a) + doc.substring(end);
      case 1 -> doc.substring(0, end) + doc.substring(a, end) + doc.substring(end);
      default -> doc.substring(0, a) + text + doc.substring(end);
    };
  }

  @ParameterizedTest
  @MethodSource("mutations")
  void aMutatedFileIsPatchedNamedOrRefusedNeverAnInternalError(Mutated m) throws Exception {
    Path tree = Files.createDirectories(dir.resolve(m.name()));
    Files.writeString(tree.resolve(m.file()), m.text());

    Cli.Result r =
        Assertions.assertTimeoutPreemptively(
            Duration.ofSeconds(20),
            () ->
                Cli.run(
                    "plan",
                    "--project",
                    Fixtures.PROJECT,
                    "--from-file",
                    CORPUS.resolve(m.name()).resolve("perimeters.json").toString(),
                    "--as",
                    "terraform",
                    "--stage",
                    "enforce",
                    "--target-perimeter",
                    "gdc",
                    "--terraform-dir",
                    tree.toString()));

    assertThat(r.code()).as(m.text() + "\n" + r.err()).isIn(0, 1, 2);
    assertThat(r.err()).as(m.text()).doesNotContain("internal error").doesNotContain("\tat ");
  }
}
