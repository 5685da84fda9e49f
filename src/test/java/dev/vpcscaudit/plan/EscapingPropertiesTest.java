package dev.vpcscaudit.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.bertramlabs.plugins.hcl4j.HCLParser;
import dev.vpcscaudit.escape.Shell;
import dev.vpcscaudit.testing.Gen;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Escaping holds for any string, not just the hand-picked hostile ones: bash gives back exactly the
 * quoted word and nothing in a comment line can start a command; an HCL string literal parses back
 * to the value.
 */
class EscapingPropertiesTest {

  static Path dir;

  @BeforeAll
  static void makeDir() throws IOException {
    dir = Files.createTempDirectory("escaping");
  }

  @AfterAll
  static void removeDir() throws IOException {
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  /**
   * Shell-hostile text: quotes, $, backticks, ;, newlines, unicode; no NUL (bash cannot hold one).
   */
  static Stream<Arguments> hostile() {
    return Gen.cases(
        60,
        "hostile",
        g -> g.string("'\"$`;\\\n\r\t(){}[]<>|&*?~#!%= aZ9-_./:@é東✓", '\u0001', '\u007f', 40));
  }

  @ParameterizedTest
  @MethodSource("hostile")
  void bashGetsTheExactWordAndRunsNothingElse(String value)
      throws IOException, InterruptedException {
    List<String> lines = new ArrayList<>();
    lines.add("# " + Shell.comment(value));
    lines.add("printf '%s' " + Shell.quote(value) + " > out.bin");
    String script = String.join("\n", lines) + "\n";
    Path file = dir.resolve("t.sh");
    Files.writeString(file, script, StandardCharsets.UTF_8);
    Files.deleteIfExists(dir.resolve("out.bin"));
    dev.vpcscaudit.testing.Processes.Result r =
        dev.vpcscaudit.testing.Processes.run(
            new ProcessBuilder(
                "bash",
                "-c",
                "cd \"$1\" && exec bash --noprofile --norc t.sh",
                "_",
                dir.toString()),
            java.time.Duration.ofSeconds(20));
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out() + r.err()).as("nothing but printf ran").isEmpty();
    assertThat(Files.readString(dir.resolve("out.bin"), StandardCharsets.UTF_8)).isEqualTo(value);
    assertThat(Shell.comment(value)).doesNotContain("\n", "\r");
  }

  /**
   * The parser in the test (hcl4j) has two gaps where HCL itself is clear: it does not read the
   * {@code \\uNNNN} escapes (so other control characters are left out here and checked by example
   * below), and it fails on a literal {@code $} or {@code %} right before an escape sequence
   * ({@code "$\\""}) or before a template escape ({@code "$$${"}, the value {@code $${}), which
   * HCL reads as a literal character; such values are filtered here and read back by the real
   * terraform in {@link #theRealTerraformReadsBackWhatTheParserCannot}.
   */
  static Stream<Arguments> hclHostile() {
    return Gen.cases(
            600, "hcl", g -> g.string("'\"$`;\\\n\r\t(){}[]<>|&*?~#!%= aZ9-_./:@é東✓", ' ', '~', 40))
        .filter(
            a ->
                !((Named<?>) a.get()[0])
                    .getPayload()
                    .toString()
                    .matches("(?s).*[$%]([\"\\\\\n\r\t]|[$%]\\{).*"))
        .limit(300);
  }

  @ParameterizedTest
  @MethodSource("hclHostile")
  @SuppressWarnings("unchecked")
  void hclStringParsesBackToTheValue(String value) throws Exception {
    String hcl = "resource \"t\" \"x\" {\n  v = " + Hcl.string(value) + "\n}\n";
    Map<String, Object> parsed = new HCLParser().parse(hcl);
    Object v =
        ((Map<String, Object>)
                ((Map<String, Object>) ((Map<String, Object>) parsed.get("resource")).get("t"))
                    .get("x"))
            .get("v");
    // hcl4j keeps HCL's template escapes ($${, %%{) literally; Terraform reads them as ${ and %{.
    assertThat(String.valueOf(v).replace("$${", "${").replace("%%{", "%{")).isEqualTo(value);
  }

  @Test
  void theRealTerraformReadsBackWhatTheParserCannot() throws Exception {
    // `terraform console` evaluates a string expression without any provider or state.
    for (String value : List.of("$${", "%%{", "a$${b}%%{c}", "$\"", "%\\", "x$${y", "$$$")) {
      Path dir = Files.createTempDirectory("tf-console");
      try {
        Files.writeString(dir.resolve("in.txt"), "base64encode(" + Hcl.string(value) + ")\n");
        dev.vpcscaudit.testing.Processes.Result r =
            dev.vpcscaudit.testing.Processes.run(
                new ProcessBuilder("bash", "-c", "terraform console < in.txt")
                    .directory(dir.toFile()),
                java.time.Duration.ofSeconds(60));
        assertThat(r.code()).as(r.err()).isZero();
        // console prints the base64 text as a quoted string: plain ASCII, nothing to unescape.
        String read =
            new String(
                java.util.Base64.getDecoder().decode(r.out().strip().replace("\"", "")),
                StandardCharsets.UTF_8);
        assertThat(read).as(Hcl.string(value)).isEqualTo(value);
      } finally {
        try (java.util.stream.Stream<Path> w = Files.walk(dir)) {
          for (Path f : w.sorted(java.util.Comparator.reverseOrder()).toList()) {
            Files.deleteIfExists(f);
          }
        }
      }
    }
  }

  @Test
  void otherControlCharactersUseHclUnicodeEscapes() {
    assertThat(Hcl.string("a\u0001b\u007fc\u2028")).isEqualTo("\"a\\u0001b\\u007Fc\\u2028\"");
  }
}
