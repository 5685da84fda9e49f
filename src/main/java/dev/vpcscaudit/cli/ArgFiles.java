package dev.vpcscaudit.cli;

import dev.vpcscaudit.error.BadInputException;
import dev.vpcscaudit.files.InputFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Argument files, in picocli's syntax: an argument {@code @PATH} is replaced by the words of that
 * file, split at whitespace, with single or double quotes around a word that holds spaces and
 * {@code #} starting a comment line; {@code @@x} is the literal argument {@code @x}. Handy for a
 * long selection kept in CI: {@code vpcsc-audit audit @ci/audit.args}.
 *
 * <p>Read here rather than by picocli (whose expansion {@link Cmd#commandLine} turns off): picocli
 * takes a missing or unreadable {@code @file} as a literal argument, which surfaces as a puzzling
 * "Unexpected argument", and reads a file of any size or an unclosed quote without a word; the
 * contract wants one line naming the file, exit 2.
 */
final class ArgFiles {

  /** An argument file holds a command line: a megabyte is far more than any. */
  static final long MAX_BYTES = 1024 * 1024;

  private ArgFiles() {}

  static List<String> expand(Cmd root, List<String> args) {
    List<String> out = new ArrayList<>();
    boolean optionsEnded = false;
    for (String a : args) {
      if (!optionsEnded && a.equals("--")) {
        optionsEnded = true;
      }
      if (optionsEnded || !a.startsWith("@") || a.length() == 1) {
        out.add(a);
      } else if (a.startsWith("@@")) {
        out.add(a.substring(1));
      } else {
        String label = root.messages().get("usage.argument-file", a);
        Path file;
        try {
          file = Path.of(a.substring(1));
        } catch (java.nio.file.InvalidPathException e) {
          throw BadInputException.at(label, dev.vpcscaudit.i18n.Text.of("usage.not-a-valid-path"));
        }
        out.addAll(words(InputFiles.readText(file, label, MAX_BYTES), label, root));
        root.context().argFiles().add(file);
      }
    }
    return out;
  }

  /** Shell-like words: whitespace splits, quotes group, '#' at the start of a line comments. */
  static List<String> words(String text, String label, Cmd root) {
    List<String> out = new ArrayList<>();
    for (String line : text.split("\\R")) {
      if (line.strip().startsWith("#")) {
        continue;
      }
      StringBuilder w = new StringBuilder();
      char quote = 0;
      boolean word = false;
      for (char c : line.toCharArray()) {
        if (quote != 0) {
          if (c == quote) {
            quote = 0;
          } else {
            w.append(c);
          }
        } else if (c == '\'' || c == '"') {
          quote = c;
          word = true;
        } else if (Character.isWhitespace(c)) {
          if (word) {
            out.add(w.toString());
            w.setLength(0);
            word = false;
          }
        } else {
          w.append(c);
          word = true;
        }
      }
      if (quote != 0) {
        throw root.usageOf("usage.quote-not-closed", label, line.strip());
      }
      if (word) {
        out.add(w.toString());
      }
    }
    return out;
  }
}
