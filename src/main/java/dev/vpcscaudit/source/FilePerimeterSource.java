package dev.vpcscaudit.source;

import dev.vpcscaudit.error.BadInputException;
import dev.vpcscaudit.i18n.Text;
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
 * @param retain perimeters to keep besides those that hold the project (full or short names, e.g.
 *     {@code --target-perimeter}), or {@link #ALL}
 * @param warn where warnings go (stderr, always): assets of an export that were skipped
 */
public record FilePerimeterSource(
    Path file,
    String policy,
    java.io.InputStream stdin,
    java.util.function.Consumer<Text> progress,
    java.util.Set<String> retain,
    java.util.function.Consumer<Text> warn)
    implements PerimeterSource {

  /** {@link #retain} value that keeps every perimeter (export writes them all back). */
  public static final java.util.Set<String> ALL = java.util.Set.of("*");

  /** Files at least this large get progress lines (on a terminal): reading one takes a while. */
  static final long LARGE = 5L * 1024 * 1024;

  /** A file source that has no standard input to read ({@code -} reads nothing). */
  public FilePerimeterSource(Path file, String policy) {
    this(file, policy, java.io.InputStream.nullInputStream(), line -> {}, ALL, line -> {});
  }

  @Override
  public Discovery discover(ProjectRef project) {
    if (!project.hasNumber()) {
      throw BadInputException.at(
          "--project " + project.id(), Text.of("source.project-by-number", project.id()));
    }
    long size = sizeOf(file);
    long start = System.nanoTime();
    if (size >= LARGE) {
      progress.accept(Text.of("log.reading-file", file, size / (1024 * 1024)));
    }
    String resource = project.resourceName();
    java.util.Map<String, Integer> policies = new java.util.TreeMap<>();
    PerimeterFiles.Read read =
        PerimeterFiles.read(
            file,
            stdin,
            p -> {
              policies.merge(p.policy(), 1, Integer::sum);
              boolean inPolicy = policy == null || p.policyNumber().equals(policy);
              return inPolicy
                  && (retain.contains("*")
                      || retain.contains(p.name())
                      || retain.contains(p.shortName())
                      || p.enforcedConfig().holds(resource)
                      || p.spec() != null && p.spec().holds(resource));
            });
    if (size >= LARGE) {
      progress.accept(
          Text.of(
              "log.read-file",
              read.total(),
              String.format(java.util.Locale.ROOT, "%.1f", (System.nanoTime() - start) / 1e9),
              read.kept().size()));
    }
    if (policy != null
        && !policies.isEmpty()
        && !policies.containsKey("accessPolicies/" + policy)) {
      throw BadInputException.at(
          "--policy " + policy,
          Text.of("source.no-such-policy", file, policy, String.join(", ", policies.keySet())));
    }
    warnSkipped(read);
    List<ServicePerimeter> perimeters = read.kept();
    if (read.total() == 0) {
      warn.accept(Text.of("source.warn-empty", file));
    } else if (perimeters.stream()
        .noneMatch(
            p ->
                p.enforcedConfig().holds(resource)
                    || p.spec() != null && p.spec().holds(resource))) {
      warn.accept(
          Text.of(
              read.total() == 1 ? "source.warn-no-mention.one" : "source.warn-no-mention",
              file,
              resource,
              read.total()));
    }
    return new Discovery(
        project, perimeters, "file", null, read.otherRegular(), null, read.accessLevels());
  }

  private void warnSkipped(PerimeterFiles.Read read) {
    Text line = read.skippedLine("--from-file " + file);
    if (line != null) {
      warn.accept(line);
    }
  }

  private static long sizeOf(Path file) {
    try {
      return file.toString().equals("-") ? 0 : java.nio.file.Files.size(file);
    } catch (java.io.IOException e) {
      return 0; // the read that follows says what is wrong
    }
  }

  /**
   * Offline many-project audit: {@code --all-projects} means every project that any perimeter of
   * the export lists (enforced or dry-run); {@code --projects-file} the numbers it names (offline a
   * project ID cannot be resolved, so it is reported unreadable).
   */
  @Override
  public ProjectSelection.Result discoverMany(ProjectSelection selection, String organization) {
    if (selection.kind() == ProjectSelection.Kind.QUERY) {
      throw new BadInputException(Text.of("source.query-from-file"));
    }
    PerimeterFiles.Read read =
        PerimeterFiles.read(file, stdin, p -> policy == null || p.policyNumber().equals(policy));
    warnSkipped(read);
    List<ServicePerimeter> all = read.kept();
    java.util.Map<String, List<ServicePerimeter>> holders = new java.util.TreeMap<>();
    for (ServicePerimeter p : all) {
      java.util.Set<String> held = new java.util.LinkedHashSet<>(p.enforcedConfig().resources());
      if (p.spec() != null) {
        held.addAll(p.spec().resources());
      }
      for (String r : held) {
        if (r.startsWith("projects/")) {
          holders.computeIfAbsent(r, k -> new java.util.ArrayList<>()).add(p);
        }
      }
    }
    List<ProjectSelection.ProjectPerimeters> out = new java.util.ArrayList<>();
    if (selection.kind() == ProjectSelection.Kind.ALL && holders.isEmpty()) {
      throw BadInputException.at(
          "--from-file " + file,
          policy == null
              ? Text.of(
                  all.size() == 1 ? "source.no-projects.one" : "source.no-projects", all.size())
              : Text.of(
                  all.size() == 1 ? "source.no-projects-of.one" : "source.no-projects-of",
                  all.size(),
                  policy));
    }
    if (selection.kind() == ProjectSelection.Kind.ALL) {
      holders.keySet().stream()
          .sorted(java.util.Comparator.comparing((String r) -> r.length()).thenComparing(r -> r))
          .forEach(
              r ->
                  out.add(
                      new ProjectSelection.ProjectPerimeters(
                          ProjectRef.parse(r), holders.get(r), null)));
      // Every project the export's perimeters list, other teams' included: say which.
      List<String> names = out.stream().map(p -> p.project().resourceName()).toList();
      warn.accept(
          Text.of(
              names.size() == 1 ? "source.note-all-projects.one" : "source.note-all-projects",
              names.size(),
              file,
              String.join(", ", names.size() > 10 ? names.subList(0, 10) : names)
                  + (names.size() > 10 ? ", ..." : "")));
    } else {
      for (String listed : selection.listed()) {
        ProjectRef ref = ProjectRef.parse(listed);
        if (!ref.hasNumber()) {
          out.add(
              new ProjectSelection.ProjectPerimeters(
                  ref, List.of(), Text.of("source.offline-by-number")));
        } else {
          out.add(
              new ProjectSelection.ProjectPerimeters(
                  ref, holders.getOrDefault(ref.resourceName(), List.of()), null));
        }
      }
    }
    return new ProjectSelection.Result(String.valueOf(file), "file", out, null);
  }
}
