package dev.vpcscaudit.cli;

import dev.vpcscaudit.error.BadInputException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code -o/--output FILE}: where a command writes its document (standard output by default). */
public final class OutputOption {

  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write to FILE instead of standard output.")
  Path file;

  /**
   * Writes {@code text} to the file, then says so on stderr ({@code wrote SUMMARY}), or prints it
   * to standard output.
   */
  void emit(String text, String summary) {
    write(text, file, spec.commandLine().getOut());
    if (file != null) {
      spec.commandLine().getErr().println("wrote " + summary);
    }
  }

  /**
   * Writes {@code text} to {@code file}, or to {@code out} when {@code file} is null. A file that
   * cannot be written is bad input naming the flag.
   */
  static void write(String text, Path file, PrintWriter out) {
    if (file == null) {
      out.print(text);
      out.flush();
      return;
    }
    if (Files.isDirectory(file)) {
      throw new BadInputException("--output " + file + ": is a directory, expected a file path");
    }
    try {
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new BadInputException("--output " + file + ": the directory does not exist", e);
    } catch (IOException e) {
      throw new BadInputException("--output " + file + ": cannot write: " + e.getMessage(), e);
    }
  }

  /**
   * Whether to colour terminal output: only on a terminal, never when NO_COLOR is set to anything
   * non-empty (https://no-color.org), never into a file.
   */
  static boolean useColor(boolean terminal, String noColorEnv, Path outputFile) {
    return terminal && outputFile == null && (noColorEnv == null || noColorEnv.isEmpty());
  }
}
