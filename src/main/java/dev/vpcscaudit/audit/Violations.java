package dev.vpcscaudit.audit;

import dev.vpcscaudit.i18n.Text;
import dev.vpcscaudit.model.Violation;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The VPC Service Controls denials read for an audit (a saved {@code gcloud logging read}, {@code
 * --violations-file}), as findings: for each perimeter that denied, what its dry-run config would
 * block once enforced ({@code dry-run-violations}, a warning: enforcing cuts that traffic off) and
 * what its enforced config blocks now ({@code enforced-violations}, info). Each finding groups the
 * denials by service, method, caller, caller address or network, and reason, with counts, the first
 * and last time and one unique ID to look up; newest group first, the first {@link #GROUPS_SHOWN}
 * named and the rest counted.
 *
 * @param source where the entries come from, e.g. {@code --violations-file reads.json}
 * @param violations the denials
 * @param skipped entries of the file that were not VPC Service Controls denials
 * @param window how far back a live read went ({@code --violations}), or null for a saved read
 */
public record Violations(Text source, List<Violation> violations, int skipped, LogWindow window) {

  /** Groups named in a finding's message; the rest are counted. */
  public static final int GROUPS_SHOWN = 5;

  public Violations {
    Objects.requireNonNull(source, "source");
    violations = List.copyOf(violations);
  }

  /** A saved read ({@code --violations-file}). */
  public Violations(String source, List<Violation> violations, int skipped) {
    this(Text.verbatim(source), violations, skipped, null);
  }

  /** A live read of {@code project}'s audit logs over {@code window}. */
  public static Violations live(
      String project, LogWindow window, List<Violation> violations, int skipped) {
    return new Violations(
        Text.of("logs.project", project, window.describe()), violations, skipped, window);
  }

  /** Denials of one kind: the same service, method, caller, origin and reason. */
  public record Group(
      String service,
      String method,
      String caller,
      String origin,
      String reason,
      int count,
      String first,
      String last,
      String uniqueId) {

    /** {@code 12 x gkehub.googleapis.com GetMembership by sa@p (10.0.0.5, REASON)}. */
    String describe() {
      return text().toString();
    }

    Text text() {
      return Text.of(
          "violations.group",
          count,
          service + (method == null ? "" : " " + method),
          caller == null ? Text.of("violations.unnamed-caller") : caller,
          origin == null ? Text.verbatim("") : Text.of("violations.from", origin),
          reason == null ? Text.of("violations.no-reason") : reason,
          last,
          uniqueId == null ? Text.verbatim("") : Text.of("violations.unique-id", uniqueId));
    }
  }

  /**
   * One line for the report: how many denials were read, and from where. A live read that found
   * none says so with its window, and what it cannot see.
   */
  public Text summary() {
    if (violations.isEmpty() && window != null) {
      return Text.of("logs.none", source);
    }
    long dryRun = violations.stream().filter(Violation::dryRun).count();
    return Text.of(
        (violations.size() == 1 ? "logs.read.one" : "logs.read") + (skipped == 0 ? "" : "-skipped"),
        violations.size(),
        source,
        dryRun,
        violations.size() - dryRun,
        skipped);
  }

  /**
   * What {@code perimeter}'s config denied in one mode, one line per kind of denial, newest first:
   * the first {@link #GROUPS_SHOWN} kinds and a count of the rest; empty when it denied nothing.
   */
  public List<Text> denied(String perimeter, boolean dryRun) {
    List<Violation> vs =
        violations.stream()
            .filter(v -> v.dryRun() == dryRun && perimeter.equals(v.perimeter()))
            .toList();
    if (vs.isEmpty()) {
      return List.of();
    }
    List<Group> groups = groups(vs);
    List<Text> out = new ArrayList<>();
    for (int i = 0; i < Math.min(GROUPS_SHOWN, groups.size()); i++) {
      out.add(groups.get(i).text());
    }
    if (groups.size() > GROUPS_SHOWN) {
      out.add(Text.of("violations.more-kinds", groups.size() - GROUPS_SHOWN));
    }
    return out;
  }

  /** How many requests {@code perimeter}'s config denied in one mode. */
  public long deniedCount(String perimeter, boolean dryRun) {
    return violations.stream()
        .filter(v -> v.dryRun() == dryRun && perimeter.equals(v.perimeter()))
        .count();
  }

  /**
   * The reads of several projects' logs as one (a plan over many projects): their denials together,
   * over the same window.
   */
  public static Violations merge(List<Violations> reads) {
    if (reads.size() == 1) {
      return reads.get(0);
    }
    List<Violation> all = new ArrayList<>();
    int skipped = 0;
    LogWindow window = null;
    for (Violations r : reads) {
      all.addAll(r.violations());
      skipped += r.skipped();
      window = window == null ? r.window() : window;
    }
    return new Violations(
        window == null
            ? Text.of("logs.projects", reads.size())
            : Text.of("logs.projects.window", reads.size(), window.describe()),
        all,
        skipped,
        window);
  }

  /** The findings: one per perimeter (or none named) and mode that denied something. */
  public List<Finding> findings() {
    // Keyed "mode NUL perimeter", sorted: enforced (0) before dry-run (1), then by perimeter, the
    // report's order.
    Map<String, List<Violation>> byKey = new TreeMap<>();
    for (Violation v : violations) {
      byKey
          .computeIfAbsent(
              (v.dryRun() ? "1" : "0") + "\u0000" + (v.perimeter() == null ? "" : v.perimeter()),
              k -> new ArrayList<>())
          .add(v);
    }
    List<Finding> out = new ArrayList<>();
    for (List<Violation> vs : byKey.values()) {
      Violation first = vs.get(0);
      boolean dryRun = first.dryRun();
      Rule rule = dryRun ? Rules.DRY_RUN_VIOLATIONS : Rules.ENFORCED_VIOLATIONS;
      List<Group> groups = groups(vs);
      List<Text> kinds = new ArrayList<>();
      for (int i = 0; i < Math.min(GROUPS_SHOWN, groups.size()); i++) {
        kinds.add(groups.get(i).text());
      }
      if (groups.size() > GROUPS_SHOWN) {
        kinds.add(Text.of("violations.more-kinds", groups.size() - GROUPS_SHOWN));
      }
      Text m =
          Text.of(
              (dryRun ? "violations.dry-run" : "violations.enforced")
                  + (vs.size() == 1 ? "-one" : ""),
              vs.size(),
              groups.stream().map(Group::first).min(Violations::byTime).orElse(""),
              groups.stream().map(Group::last).max(Violations::byTime).orElse(""),
              source,
              Text.listWith("list.semicolon", kinds));
      Text reason = Text.of(dryRun ? "violations.would-deny" : "violations.denies-now");
      out.add(
          new Finding(
              rule,
              rule.severity(),
              dryRun ? Mode.DRY_RUN : Mode.ENFORCED,
              first.perimeter(),
              null,
              null,
              m,
              Remedies.both(new Remedy.Manual(reason, rule.helpText()))));
    }
    return out;
  }

  /** The denials grouped, newest group first (ties: the larger first, then by service). */
  static List<Group> groups(List<Violation> vs) {
    Map<List<String>, List<Violation>> byKind = new LinkedHashMap<>();
    for (Violation v : vs) {
      String origin = v.callerNetwork() != null ? v.callerNetwork() : v.callerIp();
      byKind
          .computeIfAbsent(
              java.util.Arrays.asList(v.service(), v.method(), v.caller(), origin, v.reason()),
              k -> new ArrayList<>())
          .add(v);
    }
    List<Group> groups = new ArrayList<>();
    for (Map.Entry<List<String>, List<Violation>> e : byKind.entrySet()) {
      List<Violation> kind = new ArrayList<>(e.getValue());
      kind.sort((a, b) -> byTime(a.timestamp(), b.timestamp()));
      Violation newest = kind.get(kind.size() - 1);
      List<String> k = e.getKey();
      groups.add(
          new Group(
              k.get(0),
              k.get(1),
              k.get(2),
              k.get(3),
              k.get(4),
              kind.size(),
              kind.get(0).timestamp(),
              newest.timestamp(),
              newest.uniqueId()));
    }
    groups.sort(
        Comparator.<Group, String>comparing(Group::last, Violations::byTime)
            .reversed()
            .thenComparing(Comparator.comparingInt(Group::count).reversed())
            .thenComparing(Group::service));
    return groups;
  }

  /** RFC 3339 times in time order; text that is not one sorts as text, after those that are. */
  static int byTime(String a, String b) {
    Instant x = instant(a);
    Instant y = instant(b);
    if (x != null && y != null) {
      return x.compareTo(y);
    }
    if (x == null && y == null) {
      return a.compareTo(b);
    }
    return x == null ? 1 : -1;
  }

  private static Instant instant(String t) {
    try {
      return OffsetDateTime.parse(t).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
