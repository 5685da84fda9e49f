package dev.vpcscaudit.source;

import dev.vpcscaudit.error.BadInputException;
import dev.vpcscaudit.model.ProjectRef;
import dev.vpcscaudit.model.ServicePerimeter;
import java.nio.file.Path;
import java.util.List;

/**
 * Offline source: a {@code gcloud ... perimeters list|describe --format=json} export. No API call
 * is made, so the project must be given by number: perimeters list projects as {@code
 * projects/NUMBER}.
 *
 * @param policy when not null, only perimeters of {@code accessPolicies/POLICY} are audited
 * @param stdin read when {@code file} is {@code -}
 * @param progress where to say that a large file is being read (a terminal's stderr), or a no-op
 */
public record FilePerimeterSource(
    Path file,
    String policy,
    java.io.InputStream stdin,
    java.util.function.Consumer<String> progress)
    implements PerimeterSource {

  /** Files at least this large get progress lines (on a terminal): reading one takes a while. */
  static final long LARGE = 5L * 1024 * 1024;

  /** A file source that has no standard input to read ({@code -} reads nothing). */
  public FilePerimeterSource(Path file, String policy) {
    this(file, policy, java.io.InputStream.nullInputStream(), line -> {});
  }

  @Override
  public Discovery discover(ProjectRef project) {
    if (!project.hasNumber()) {
      throw new BadInputException(
          "--project "
              + project.id()
              + ": with --from-file the project must be given by number (perimeters list"
              + " projects as projects/NUMBER, and no API call is made to resolve an ID); find it"
              + " with: gcloud projects describe "
              + project.id()
              + " --format='value(projectNumber)'");
    }
    long size = sizeOf(file);
    long start = System.nanoTime();
    if (size >= LARGE) {
      progress.accept("reading " + file + " (" + size / (1024 * 1024) + " MiB)...");
    }
    List<ServicePerimeter> perimeters = PerimeterFiles.read(file, stdin);
    if (size >= LARGE) {
      progress.accept(
          "read "
              + perimeters.size()
              + " perimeters in "
              + String.format(java.util.Locale.ROOT, "%.1f", (System.nanoTime() - start) / 1e9)
              + " s");
    }
    if (policy != null) {
      List<ServicePerimeter> inPolicy =
          perimeters.stream().filter(p -> p.policyNumber().equals(policy)).toList();
      if (inPolicy.isEmpty() && !perimeters.isEmpty()) {
        throw new BadInputException(
            "--policy "
                + policy
                + ": --from-file "
                + file
                + " has no perimeter of accessPolicies/"
                + policy
                + " (it has "
                + String.join(
                    ", ", perimeters.stream().map(ServicePerimeter::policy).distinct().toList())
                + ")");
      }
      perimeters = inPolicy;
    }
    return new Discovery(project, perimeters, "file");
  }

  private static long sizeOf(Path file) {
    try {
      return file.toString().equals("-") ? 0 : java.nio.file.Files.size(file);
    } catch (java.io.IOException e) {
      return 0; // the read that follows says what is wrong
    }
  }
}
