package dev.vpcscaudit.source;

import dev.vpcscaudit.codec.PerimeterJsonReader;
import dev.vpcscaudit.files.InputFiles;
import dev.vpcscaudit.model.ServicePerimeter;
import java.nio.file.Path;
import java.util.List;

/**
 * Offline input: perimeters exported with {@code gcloud ... perimeters list|describe
 * --format=json}.
 */
public final class PerimeterFiles {

  private PerimeterFiles() {}

  /** Reads every perimeter in {@code file}; any problem is bad input naming the file. */
  public static List<ServicePerimeter> read(Path file) {
    return read(file, java.io.InputStream.nullInputStream());
  }

  /** As {@link #read(Path)}; {@code -} reads {@code stdin}. */
  public static List<ServicePerimeter> read(Path file, java.io.InputStream stdin) {
    boolean fromStdin = file.toString().equals("-");
    String label = fromStdin ? "--from-file - (standard input)" : "--from-file " + file;
    String text = fromStdin ? InputFiles.readText(stdin, label) : InputFiles.readText(file, label);
    return PerimeterJsonReader.readPerimeters(PerimeterJsonReader.parseTree(text, label), label);
  }
}
