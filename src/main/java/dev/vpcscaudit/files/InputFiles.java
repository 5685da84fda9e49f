package dev.vpcscaudit.files;

import dev.vpcscaudit.error.BadInputException;
import dev.vpcscaudit.i18n.Text;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads a user's input file as UTF-8 text, turning every failure into one clear line. */
public final class InputFiles {

  /** Inputs are perimeter exports and profiles; anything larger is a mistake. */
  static final long MAX_BYTES = 256L * 1024 * 1024;

  private InputFiles() {}

  /**
   * Returns the text of {@code file}. {@code label} starts every message, e.g. {@code "--from-file
   * perimeters.json"}.
   */
  public static String readText(Path file, String label) {
    return readText(file, label, MAX_BYTES);
  }

  /** As {@link #readText(Path, String)}, refusing more than {@code maxBytes}. */
  public static String readText(Path file, String label, long maxBytes) {
    byte[] bytes;
    try (java.io.InputStream in = open(file, label, maxBytes)) {
      bytes = in.readAllBytes();
    } catch (IOException e) {
      throw unreadable(label, e);
    }
    return decode(bytes, label);
  }

  /** Thrown by a capped input once its cap is passed; its message is the whole one-line error. */
  public static final class TooLarge extends IOException {
    private final transient Text text;

    TooLarge(Text text) {
      super(text.toString());
      this.text = text;
    }
  }

  /** The one line for a read of {@code label} that failed with {@code e}. */
  public static BadInputException unreadable(String label, IOException e) {
    if (e instanceof TooLarge tooLarge) {
      return new BadInputException(tooLarge.text, e);
    }
    return new BadInputException(Text.of("file.cannot-read", label, e.getMessage()), e);
  }

  private static BadInputException tooLarge(String label, long maxBytes) {
    return new BadInputException(Text.of("file.too-large", label, human(maxBytes)));
  }

  private static String human(long bytes) {
    return bytes >= 1024 * 1024 ? bytes / (1024 * 1024) + " MiB" : bytes / 1024 + " KiB";
  }

  /**
   * The input this thread opened last, e.g. {@code --from-file big.json}: what an out-of-memory
   * error names, since the only large things a run holds are its inputs and what they become.
   */
  public static String lastOpened() {
    return LAST.get();
  }

  private static final ThreadLocal<String> LAST = new ThreadLocal<>();

  /**
   * Opens {@code file} for reading, or says in one line why it cannot be read: no name, a folder,
   * missing, not permitted, or larger than {@code maxBytes}.
   */
  public static java.io.InputStream open(Path file, String label, long maxBytes) {
    if (file.toString().isEmpty()) {
      throw new BadInputException(Text.of("file.empty-name", label));
    }
    if (Files.isDirectory(file)) {
      throw new BadInputException(Text.of("file.directory", label));
    }
    LAST.set(label);
    try {
      // The size of a regular file says early what the cap then guarantees for any file: a FIFO
      // or a device (/dev/zero, /dev/stdin) reports 0 and is stopped by the cap as it is read.
      if (Files.isRegularFile(file) && Files.size(file) > maxBytes) {
        throw tooLarge(label, maxBytes);
      }
      return new Capped(Files.newInputStream(file), maxBytes, label);
    } catch (NoSuchFileException e) {
      throw new BadInputException(Text.of("file.no-such-file", label), e);
    } catch (AccessDeniedException e) {
      throw new BadInputException(Text.of("file.permission-denied", label), e);
    } catch (IOException e) {
      throw new BadInputException(Text.of("file.cannot-read", label, e.getMessage()), e);
    }
  }

  /** Reads all of {@code in} (standard input) as UTF-8 text. */
  public static String readText(java.io.InputStream in, String label) {
    byte[] bytes;
    try {
      bytes = in.readNBytes((int) Math.min(MAX_BYTES + 1, Integer.MAX_VALUE - 8));
    } catch (IOException e) {
      throw new BadInputException(Text.of("file.cannot-read-stdin", label, e.getMessage()), e);
    }
    if (bytes.length > MAX_BYTES) {
      throw tooLarge(label, MAX_BYTES);
    }
    return decode(bytes, label);
  }

  /**
   * An input stream that fails once more than {@code max} bytes came through it, so that no input,
   * whatever kind of file it is, can grow without bound. The failure is an {@link IOException}
   * (what readers expect of a stream) that callers turn into a {@code larger than} line.
   */
  static final class Capped extends java.io.FilterInputStream {
    private final long max;
    private final String label;
    private long seen;

    Capped(java.io.InputStream in, long max, String label) {
      super(in);
      this.max = max;
      this.label = label;
    }

    private void count(long n) throws TooLarge {
      if (n > 0 && (seen += n) > max) {
        throw new TooLarge(Text.of("file.too-large", label, human(max)));
      }
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      count(b < 0 ? 0 : 1);
      return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
      int n = super.read(buf, off, len);
      count(n);
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long k = super.skip(n);
      count(k);
      return k;
    }
  }

  private static String decode(byte[] bytes, String label) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new BadInputException(Text.of("file.not-utf8", label), e);
    }
  }
}
