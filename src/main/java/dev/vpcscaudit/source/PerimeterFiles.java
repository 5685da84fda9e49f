package dev.vpcscaudit.source;

import dev.vpcscaudit.codec.PerimeterJsonReader;
import dev.vpcscaudit.model.ServicePerimeter;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Offline input: perimeters exported with {@code gcloud ... perimeters list|describe
 * --format=json}, streamed perimeter by perimeter.
 */
public final class PerimeterFiles {

  /** Exports are lists of perimeters; anything larger is a mistake. */
  static final long MAX_BYTES = 1024L * 1024 * 1024;

  private PerimeterFiles() {}

  /**
   * What a read kept: the perimeters {@code keep} accepted, and only the names of the other regular
   * perimeters (for messages that list candidates).
   */
  public record Read(
      List<ServicePerimeter> kept,
      List<String> otherRegular,
      int total,
      java.util.SortedMap<String, Integer> skippedAssets,
      List<dev.vpcscaudit.model.AccessLevel> accessLevels) {
    public Read {
      kept = List.copyOf(kept);
      otherRegular = List.copyOf(otherRegular);
      accessLevels = accessLevels == null ? null : List.copyOf(accessLevels);
      skippedAssets =
          java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(skippedAssets));
    }

    /**
     * One line naming the Cloud Asset Inventory assets that held no perimeter (by type, with
     * counts), or null when there were none: a warning on stderr, so nothing is skipped unseen.
     */
    public dev.vpcscaudit.i18n.Text skippedLine(String label) {
      if (skippedAssets.isEmpty()) {
        return null;
      }
      List<String> parts = new ArrayList<>();
      skippedAssets.forEach((type, n) -> parts.add(n + " x " + type));
      return dev.vpcscaudit.i18n.Text.of("source.warn-skipped", label, String.join(", ", parts));
    }
  }

  /** Reads every perimeter in {@code file}; any problem is bad input naming the file. */
  public static List<ServicePerimeter> read(Path file) {
    return read(file, InputStream.nullInputStream(), p -> true).kept();
  }

  /**
   * Streams {@code file} ({@code -} reads {@code stdin}), keeping the perimeters {@code keep}
   * accepts: memory grows with those, not with the file.
   */
  public static Read read(Path file, InputStream stdin, Predicate<ServicePerimeter> keep) {
    boolean fromStdin = file.toString().equals("-");
    String label = fromStdin ? "--from-file - (standard input)" : "--from-file " + file;
    List<ServicePerimeter> kept = new ArrayList<>();
    List<String> others = new ArrayList<>();
    java.util.SortedMap<String, Integer> skipped = new java.util.TreeMap<>();
    List<dev.vpcscaudit.model.AccessLevel> levels = new ArrayList<>();
    try (InputStream in = fromStdin ? stdin : open(file, label)) {
      int total =
          PerimeterJsonReader.stream(
              in,
              label,
              p -> {
                if (keep.test(p)) {
                  kept.add(p);
                } else if (p.isRegular()) {
                  others.add(p.name());
                }
              },
              type -> skipped.merge(type, 1, Integer::sum),
              levels::add);
      // A Cloud Asset Inventory export of a policy carries its access levels: when it holds any
      // level, the levels are taken as read (a policy without levels cannot be told apart from an
      // export of perimeters only, so then they are not).
      return new Read(kept, others, total, skipped, levels.isEmpty() ? null : levels);
    } catch (java.io.IOException e) {
      throw dev.vpcscaudit.files.InputFiles.unreadable(label, e);
    }
  }

  private static InputStream open(Path file, String label) {
    return dev.vpcscaudit.files.InputFiles.open(file, label, MAX_BYTES);
  }
}
