package dev.vpcscaudit.files;

import dev.vpcscaudit.error.BadInputException;
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
    byte[] bytes;
    try (java.io.InputStream in = open(file, label, MAX_BYTES)) {
      bytes = in.readAllBytes();
    } catch (IOException e) {
      throw new BadInputException(label + ": cannot read: " + e.getMessage(), e);
    }
    return decode(bytes, label);
  }

  /**
   * Opens {@code file} for reading, or says in one line why it cannot be read: no name, a folder,
   * missing, not permitted, or larger than {@code maxBytes}.
   */
  public static java.io.InputStream open(Path file, String label, long maxBytes) {
    if (file.toString().isEmpty()) {
      throw new BadInputException(label + ": empty file name");
    }
    if (Files.isDirectory(file)) {
      throw new BadInputException(label + ": is a directory, expected a file");
    }
    try {
      if (Files.size(file) > maxBytes) {
        throw new BadInputException(label + ": larger than " + maxBytes / (1024 * 1024) + " MiB");
      }
      return Files.newInputStream(file);
    } catch (NoSuchFileException e) {
      throw new BadInputException(label + ": no such file", e);
    } catch (AccessDeniedException e) {
      throw new BadInputException(label + ": permission denied", e);
    } catch (IOException e) {
      throw new BadInputException(label + ": cannot read: " + e.getMessage(), e);
    }
  }

  /** Reads all of {@code in} (standard input) as UTF-8 text. */
  public static String readText(java.io.InputStream in, String label) {
    byte[] bytes;
    try {
      bytes = in.readNBytes((int) Math.min(MAX_BYTES + 1, Integer.MAX_VALUE - 8));
    } catch (IOException e) {
      throw new BadInputException(label + ": cannot read standard input: " + e.getMessage(), e);
    }
    if (bytes.length > MAX_BYTES) {
      throw new BadInputException(label + ": larger than " + MAX_BYTES / (1024 * 1024) + " MiB");
    }
    return decode(bytes, label);
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
      throw new BadInputException(label + ": not UTF-8 text", e);
    }
  }
}
