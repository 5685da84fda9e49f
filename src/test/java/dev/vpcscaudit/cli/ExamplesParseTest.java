package dev.vpcscaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpcscaudit.testing.Cli;
import dev.vpcscaudit.testing.Fixtures;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every example command line the user is shown (README and docs/ code blocks, the examples in each
 * command's help) parses: no unknown option, no missing value, no value outside its choices.
 */
class ExamplesParseTest {

  /** {@code vpcsc-audit CMD ...}, {@code bin/vpcsc-audit CMD ...} or {@code java -jar ... CMD}. */
  private static final Pattern EXAMPLE =
      Pattern.compile(
          "^\\s*(?:bin/)?(?:vpcsc-audit|java -jar \\S*vpcsc-audit\\.jar) ((?:audit|plan|export|profiles) .*)$");

  @Test
  void everyExampleShownToTheUserParses() throws Exception {
    List<String> examples = new ArrayList<>();
    boolean inBlock = false;
    List<java.nio.file.Path> documents = new ArrayList<>();
    documents.add(Fixtures.repoRoot().resolve("README.md"));
    try (var docs = Files.list(Fixtures.repoRoot().resolve("docs"))) {
      docs.filter(d -> d.toString().endsWith(".md")).sorted().forEach(documents::add);
    }
    for (java.nio.file.Path document : documents) {
      for (String line : Files.readString(document).lines().toList()) {
        if (line.startsWith("```")) {
          inBlock = !inBlock;
        } else if (inBlock) {
          examples.addAll(example(line));
        }
      }
    }
    for (String command : List.of("audit", "plan", "export")) {
      for (String line : Cli.run(command, "--help").out().lines().toList()) {
        examples.addAll(example(line));
      }
    }
    assertThat(examples).as("examples found").hasSizeGreaterThan(10);

    for (String example : examples) {
      Cmd root = quietRoot();
      try {
        root.parse(ArgFiles.words(example, "example", root), 0);
      } catch (UsageException e) {
        throw new AssertionError("example does not parse: " + example + "\n  " + e.getMessage());
      }
    }
  }

  /** The whole command tree, with an empty environment and its output discarded. */
  static Cmd quietRoot() {
    PrintWriter sink = new PrintWriter(new StringWriter());
    return Main.commandLine(
        new RunContext(Map.of(), false, java.io.InputStream.nullInputStream()), sink, sink);
  }

  /** The example on {@code line}, without a trailing comment or note; none for a synopsis. */
  private static List<String> example(String line) {
    Matcher m = EXAMPLE.matcher(line);
    if (!m.matches()) {
      return List.of();
    }
    String args = m.group(1).replaceFirst("\\s+#.*$", "").replaceFirst("\\s+\\(.*\\)\\s*$", "");
    // Synopsis lines ([--flag VALUE], a|b) are not commands to run.
    return args.contains("[") || args.contains("|") ? List.of() : List.of(args.strip());
  }
}
