package dev.vpcscaudit.cli;

import dev.vpcscaudit.error.BadInputException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Objects;

/**
 * {@code -o/--output FILE}: where a command writes its document (standard output by default, or
 * with {@code -}). A file is written whole or not at all: to a temporary file in the same folder,
 * then renamed into place; and never over an input of the same run.
 */
public final class OutputOption {

  Cmd cmd;
  Path file;

  void declare(Cmd c) {
    cmd = c;
    c.pathOption(
        "-o, --output",
        "FILE",
        "Write to FILE instead of standard output ('-' is standard output).",
        Cmd.Complete.FILE);
    c.onParsed(() -> file = c.path("--output"));
  }

  /** The file to write, or null for standard output. */
  Path target() {
    return file == null || file.toString().equals("-") ? null : file;
  }

  /**
   * Refuses, before anything is read or written, an output that is one of the run's {@code inputs}
   * (null entries are ignored).
   */
  void checkNotAnInput(List<Path> inputs) {
    Path out = target();
    if (out == null) {
      return;
    }
    for (Path in : inputs) {
      if (in != null && !in.toString().equals("-") && same(out, in)) {
        throw new BadInputException(
            "--output "
                + file
                + ": is also an input of this run ("
                + in
                + "); write to another file, nothing was written");
      }
    }
  }

  /**
   * Writes {@code text} to the file, then says so on stderr ({@code wrote SUMMARY}), or prints it
   * to standard output.
   */
  void emit(String text, String summary) {
    emit(w -> w.write(text), summary);
  }

  /** As {@link #emit(String, String)}, for a document written as it is rendered. */
  void emit(dev.vpcscaudit.report.Document body, String summary) {
    write(body, target(), cmd.out());
    if (target() != null) {
      cmd.err().println("wrote " + summary);
    }
  }

  /**
   * Writes {@code text} to {@code file} atomically, or to {@code out} when {@code file} is null. A
   * file that cannot be written is bad input naming the flag and the reason.
   */
  static void write(String text, Path file, PrintWriter out) {
    write(w -> w.write(text), file, out);
  }

  /** As {@link #write(String, Path, PrintWriter)}, for a document written as it is rendered. */
  static void write(dev.vpcscaudit.report.Document body, Path file, PrintWriter out) {
    if (file == null) {
      try {
        body.writeTo(out);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      out.flush();
      return;
    }
    if (Files.isDirectory(file)) {
      throw new BadInputException("--output " + file + ": is a directory, expected a file path");
    }
    Path dir = file.toAbsolutePath().getParent();
    Path tmp = null;
    try {
      tmp = Files.createTempFile(dir, "." + file.getFileName() + ".", ".tmp");
      try (java.io.Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
        body.writeTo(w);
      }
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
      tmp = null;
    } catch (NoSuchFileException e) {
      throw new BadInputException(
          "--output " + file + ": the folder " + dir + " does not exist", e);
    } catch (AccessDeniedException e) {
      throw new BadInputException("--output " + file + ": permission denied", e);
    } catch (FileSystemException e) {
      throw new BadInputException(
          "--output "
              + file
              + ": cannot write: "
              + Objects.requireNonNullElse(e.getReason(), e.toString()),
          e);
    } catch (IOException e) {
      throw new BadInputException("--output " + file + ": cannot write: " + e, e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException e) {
          // best effort: the temporary file is hidden and named after the target
        }
      }
    }
  }

  private static boolean same(Path a, Path b) {
    try {
      if (Files.exists(a) && Files.exists(b)) {
        return Files.isSameFile(a, b);
      }
    } catch (IOException e) {
      // fall through to comparing the paths
    }
    return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
  }

  /**
   * Whether to colour terminal output: only on a terminal, never when NO_COLOR is set to anything
   * non-empty (https://no-color.org), never into a file.
   */
  static boolean useColor(boolean terminal, String noColorEnv, Path outputFile) {
    return terminal && outputFile == null && (noColorEnv == null || noColorEnv.isEmpty());
  }
}
