package dev.vpcscaudit.cli;

import dev.vpcscaudit.error.BadInputException;
import dev.vpcscaudit.error.OutputException;
import dev.vpcscaudit.i18n.Text;
import dev.vpcscaudit.report.Document;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * {@code -o/--output FILE}, and the one writer of every output of a run: a file, a folder of
 * reports, or standard output. What it guarantees:
 *
 * <ul>
 *   <li>an output is never one of the run's inputs: both are resolved to the real files they name
 *       (symlinks followed) before anything is read, and any overlap is refused;
 *   <li>a regular file is written whole or not at all (a hidden file beside it, then renamed), and
 *       keeps the permissions of the file it replaces; a new one gets 0666 less the umask, as every
 *       Unix tool does;
 *   <li>a symlink is followed: its target is replaced, the link stays;
 *   <li>a FIFO or a character device ({@code /dev/null}, {@code /dev/stdout}) is written straight
 *       into, never replaced by a regular file;
 *   <li>a folder of reports is written as one unit under a lock: every format is written first,
 *       then all are moved in; a second run into the same folder at the same time is refused;
 *   <li>a write that fails is exit 3 naming the output; nothing reports success on a short write.
 * </ul>
 */
public final class OutputOption {

  /** The lock file of an {@code --output-dir}, held while a run writes into it. */
  static final String LOCK = ".vpcsc-audit.lock";

  Cmd cmd;
  Path file;

  void declare(Cmd c) {
    cmd = c;
    c.pathOption("-o, --output", "FILE", Text.of("help.output"), Cmd.Complete.FILE);
    c.onParsed(() -> file = c.path("--output"));
  }

  /** The file to write, or null for standard output. */
  Path target() {
    return file == null || file.toString().equals("-") ? null : file;
  }

  /**
   * Refuses, before anything is read or written, an output that is one of the run's {@code inputs}
   * (null entries are ignored), after following symlinks on both sides.
   */
  void checkNotAnInput(List<Path> inputs) {
    Path out = target();
    if (out != null) {
      refuseOverlap("--output " + file, out, inputs);
    }
  }

  /**
   * Refuses {@code output} when it is, or resolves to, the same file as one of {@code inputs}.
   * {@code label} starts the message, e.g. {@code --output-dir reports}.
   */
  static void refuseOverlap(String label, Path output, List<Path> inputs) {
    Path out = resolve(output);
    for (Path in : inputs) {
      if (in == null || in.toString().equals("-") || in.toString().isEmpty()) {
        continue;
      }
      if (same(out, resolve(in))) {
        boolean named = label.endsWith(" " + output);
        boolean linked = !out.equals(output.toAbsolutePath().normalize());
        String what = named ? "" : ": " + output;
        throw new BadInputException(
            linked
                ? Text.of("output.is-input-linked", label + what, out, in)
                : Text.of(named ? "output.is-input-named" : "output.is-input", label + what, in));
      }
    }
  }

  /**
   * The file that writing to {@code path} changes: symlinks followed to their target (a dangling
   * link to the file it would create), the folders made real. Never throws: a path that cannot be
   * resolved is returned absolute and normalized, for the write to report.
   */
  static Path resolve(Path path) {
    Path p = path.toAbsolutePath().normalize();
    for (int hops = 0; hops < 40; hops++) {
      try {
        if (Files.exists(p)) {
          return p.toRealPath();
        }
        if (Files.isSymbolicLink(p)) {
          p = p.resolveSibling(Files.readSymbolicLink(p)).normalize();
          continue;
        }
        Path parent = p.getParent();
        return parent != null && Files.isDirectory(parent)
            ? parent.toRealPath().resolve(p.getFileName())
            : p;
      } catch (IOException | UnsupportedOperationException e) {
        return p;
      }
    }
    return p;
  }

  private static boolean same(Path a, Path b) {
    try {
      if (Files.exists(a) && Files.exists(b)) {
        return Files.isSameFile(a, b);
      }
    } catch (IOException e) {
      // fall through to comparing the paths
    }
    return a.equals(b);
  }

  /**
   * Writes {@code text} to the file, then says so on stderr ({@code wrote SUMMARY}), or prints it
   * to standard output.
   */
  void emit(String text, String summary) {
    emit(w -> w.write(text), summary);
  }

  /** As {@link #emit(String, String)}, for a document written as it is rendered. */
  void emit(Document body, String summary) {
    write(body, target(), cmd.out());
    if (target() != null) {
      cmd.err().println(cmd.messages().get("wrote", summary));
    }
  }

  /**
   * Writes {@code body} to {@code file} as this class's contract says, or to {@code out} when
   * {@code file} is null.
   */
  static void write(Document body, Path file, PrintWriter out) {
    if (file == null) {
      try {
        body.writeTo(out);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      // PrintWriter keeps write errors to itself: ask, so a cut report never passes for whole.
      if (out.checkError()) {
        throw new OutputException(Text.of("error.stdout"));
      }
      return;
    }
    String label = "--output " + file;
    Path target = prepare(label, file);
    if (isSpecial(target)) {
      writeSpecial(label, target, body);
      return;
    }
    Path tmp = stage(label, target, body);
    moveIn(label, tmp, target);
  }

  /**
   * Writes {@code documents} (file name to document) into {@code dir} as one unit: a lock held
   * while the run writes, every document staged beside its final name, then all moved in. If any
   * cannot be written, none is moved and the folder keeps what it had.
   */
  @SuppressWarnings("try") // the lock is held by being open, never read
  static void writeAll(Path dir, Map<String, Document> documents) {
    String label = "--output-dir " + dir;
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new BadInputException(Text.of("output.cannot-create-folder", label, reason(e)), e);
    }
    Path real = resolve(dir);
    try (FileChannel lockFile =
            FileChannel.open(
                real.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = tryLock(lockFile, label)) {
      Map<Path, Path> staged = new LinkedHashMap<>();
      try {
        for (Map.Entry<String, Document> d : documents.entrySet()) {
          Path target = prepare(label, real.resolve(d.getKey()));
          if (isSpecial(target)) {
            throw new BadInputException(Text.of("output.not-regular", label, d.getKey()));
          }
          staged.put(target, stage(label, target, d.getValue()));
        }
        for (Map.Entry<Path, Path> s : new ArrayList<>(staged.entrySet())) {
          moveIn(label, s.getValue(), s.getKey());
          staged.remove(s.getKey());
        }
      } finally {
        staged.values().forEach(OutputOption::deleteQuietly);
      }
    } catch (IOException e) {
      throw new OutputException(Text.of("output.cannot-lock", label, reason(e)), e);
    }
  }

  private static FileLock tryLock(FileChannel channel, String label) throws IOException {
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null; // held by another run in this JVM
    }
    if (lock == null) {
      throw new BadInputException(Text.of("output.locked", label, LOCK));
    }
    return lock;
  }

  /** Checks what can be checked before writing; returns the file to write (symlinks followed). */
  private static Path prepare(String label, Path file) {
    if (Files.isDirectory(file)) {
      throw new BadInputException(Text.of("output.directory", label));
    }
    Path target = resolve(file);
    Path dir = target.getParent();
    if (dir == null || !Files.isDirectory(dir)) {
      throw new BadInputException(Text.of("output.no-folder", label, dir));
    }
    return target;
  }

  /** A FIFO, a character or block device: something to write into, never to replace. */
  private static boolean isSpecial(Path target) {
    return Files.exists(target)
        && !Files.isRegularFile(target)
        && !Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS);
  }

  private static void writeSpecial(String label, Path target, Document body) {
    try (Writer w = writer(Files.newOutputStream(target, StandardOpenOption.WRITE))) {
      body.writeTo(w);
    } catch (IOException e) {
      throw failed(label, e);
    }
  }

  /** Writes {@code body} to a new hidden file beside {@code target}; returns it. */
  private static Path stage(String label, Path target, Document body) {
    Path tmp = null;
    try {
      for (int i = 0; tmp == null; i++) {
        Path candidate =
            target.resolveSibling(
                "." + target.getFileName() + "." + ThreadLocalRandom.current().nextLong(1L << 40));
        try {
          // CREATE_NEW with no attributes: 0666 less the umask, like any new file.
          Files.newOutputStream(candidate, StandardOpenOption.CREATE_NEW).close();
          tmp = candidate;
        } catch (java.nio.file.FileAlreadyExistsException e) {
          if (i > 100) {
            throw e;
          }
        }
      }
      try (Writer w = writer(Files.newOutputStream(tmp, StandardOpenOption.WRITE))) {
        body.writeTo(w);
      }
      if (Files.exists(target)) {
        keepPermissions(target, tmp);
      }
      Path done = tmp;
      tmp = null;
      return done;
    } catch (AccessDeniedException e) {
      throw new BadInputException(Text.of("file.permission-denied", label), e);
    } catch (IOException e) {
      throw failed(label, e);
    } finally {
      if (tmp != null) {
        deleteQuietly(tmp);
      }
    }
  }

  private static void keepPermissions(Path from, Path to) throws IOException {
    PosixFileAttributeView view = Files.getFileAttributeView(to, PosixFileAttributeView.class);
    if (view != null) {
      Set<PosixFilePermission> mode = Files.getPosixFilePermissions(from);
      view.setPermissions(mode);
    }
  }

  private static void moveIn(String label, Path tmp, Path target) {
    try {
      try {
        Files.move(
            tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (AccessDeniedException e) {
      deleteQuietly(tmp);
      throw new BadInputException(Text.of("file.permission-denied", label), e);
    } catch (IOException e) {
      deleteQuietly(tmp);
      throw failed(label, e);
    }
  }

  /**
   * UTF-8. The readers refuse text that is not Unicode (a lone surrogate), so there is nothing it
   * cannot encode; should anything slip through, it becomes a replacement character rather than an
   * error after half the file is written.
   */
  private static Writer writer(OutputStream out) {
    return new java.io.BufferedWriter(
        new OutputStreamWriter(
            out,
            StandardCharsets.UTF_8
                .newEncoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE)),
        1 << 16);
  }

  private static OutputException failed(String label, IOException e) {
    return new OutputException(Text.of("output.cannot-write", label, reason(e)), e);
  }

  private static Text reason(IOException e) {
    if (e instanceof NoSuchFileException) {
      return Text.of("output.no-such-file-or-folder");
    }
    if (e instanceof FileSystemException f) {
      return Text.verbatim(Objects.requireNonNullElse(f.getReason(), e.toString()));
    }
    return Text.verbatim(Objects.requireNonNullElse(e.getMessage(), e.toString()));
  }

  private static void deleteQuietly(Path tmp) {
    try {
      Files.deleteIfExists(tmp);
    } catch (IOException e) {
      // best effort: the temporary file is hidden and named after the target
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
