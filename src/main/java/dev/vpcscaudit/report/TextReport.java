package dev.vpcscaudit.report;

import dev.vpcscaudit.audit.AuditResult;
import dev.vpcscaudit.audit.Baseline;
import dev.vpcscaudit.audit.Category;
import dev.vpcscaudit.audit.Finding;
import dev.vpcscaudit.audit.Mode;
import dev.vpcscaudit.audit.PerimeterMembership;
import dev.vpcscaudit.audit.Rule;
import dev.vpcscaudit.audit.Severity;
import dev.vpcscaudit.escape.Terminal;
import dev.vpcscaudit.i18n.Messages;
import dev.vpcscaudit.model.VipRanges;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The report for a person at a terminal: findings grouped by mode and perimeter, services of one
 * rule on one line, and one line on what to do. ANSI colour only when {@code color} is true.
 */
public final class TextReport {

  private TextReport() {}

  /**
   * Renders {@code result}.
   *
   * @param planCommand {@code vpcsc-audit plan} with the audit's selection, for the "To fix" lines;
   *     empty for none
   */
  public static String render(AuditResult result, boolean color, String planCommand) {
    return render(result, color, planCommand, DEFAULT_WIDTH);
  }

  /** The width when the terminal's is unknown (not a terminal, no COLUMNS). */
  public static final int DEFAULT_WIDTH = 100;

  /**
   * Renders {@code result} for a terminal {@code width} columns wide: lists and messages break
   * between words, never inside a name; commands are never broken (they must paste whole).
   */
  public static String render(AuditResult result, boolean color, String planCommand, int width) {
    return render(result, color, planCommand, width, Messages.EN);
  }

  /** As {@link #render(AuditResult, boolean, String, int)}, in the language of {@code m}. */
  public static String render(
      AuditResult result, boolean color, String planCommand, int width, Messages m) {
    // Every value from input passes Terminal.clean on its way in: words(), wrap(), pad() and the
    // project and perimeter names below; only Ansi adds escape sequences.
    Ansi a = new Ansi(color);
    StringBuilder out = new StringBuilder();
    String project = "projects/" + result.project().number();
    if (result.project().id() != null) {
      project += " (" + Terminal.clean(result.project().id()) + ")";
    }
    out.append(a.bold(m.get("text.title", project))).append('\n');
    // Header lines wrap like the findings (a Japanese one is wider than its English original).
    words(
        m.get(
            result.profile().vpcAccessibleServicesRequired() ? "text.profile-vpc" : "text.profile",
            result.profile().name(),
            result.profile().requiredServices().size(),
            m.get(result.source().equals("api") ? "text.source-api" : "text.source-file")),
        "",
        "  ",
        width,
        out);
    out.append(
            m.get(
                "text.supported-services",
                m.get(result.servicesChecked() ? "text.checked" : "text.services-not-checked")))
        .append('\n')
        .append(
            m.get("text.dns", m.get(result.dnsChecked() ? "text.checked" : "text.dns-not-checked")))
        .append('\n')
        .append(
            m.get(
                "text.network",
                result.networkChecked() != null
                    ? m.get("text.network-checked", Terminal.clean(result.networkChecked()))
                    : m.get("text.network-not-checked")))
        .append('\n')
        .append(m.get("text.ingress-egress", m.get("text.checked")))
        .append('\n')
        .append(
            m.get(
                "text.access-levels",
                m.get(result.accessLevelsChecked() ? "text.checked" : "text.levels-not-checked")))
        .append('\n');
    if (result.violationsRead() != null) {
      out.append(m.get("text.audit-logs", Terminal.clean(result.violationsRead().in(m))))
          .append('\n');
    }
    out.append('\n');

    if (result.perimeters().isEmpty()) {
      out.append(m.get("text.no-perimeter", project)).append('\n');
    } else {
      out.append(m.get("text.perimeters")).append('\n');
      int nameWidth =
          result.perimeters().stream()
              .mapToInt(p -> Terminal.width(Terminal.clean(p.name())))
              .max()
              .orElse(0);
      int typeWidth =
          result.perimeters().stream()
              .mapToInt(p -> Terminal.width(m.get("type." + p.type().label())))
              .max()
              .orElse(0);
      for (PerimeterMembership p : result.perimeters()) {
        List<String> modes = p.modes().stream().map(mode -> m.get("mode." + mode.label())).toList();
        out.append("  ")
            .append(pad(p.name(), nameWidth))
            .append("  ")
            .append(pad(m.get("type." + p.type().label()), typeWidth))
            .append("  ")
            .append(String.join(m.get("list.separator"), modes))
            .append('\n');
      }
    }

    // Group by (mode, perimeter), keeping the findings' report order.
    Map<String, List<Finding>> groups = new LinkedHashMap<>();
    for (Finding f : result.findings()) {
      String key = groupKey(f);
      groups.computeIfAbsent(key, k -> new ArrayList<>()).add(f);
    }
    for (List<Finding> group : groups.values()) {
      Finding first = group.get(0);
      out.append('\n');
      String heading =
          switch (first.rule().category()) {
            case SERVICES -> m.get("text.heading-services");
            case DNS -> m.get("text.heading-dns", VipRanges.RESTRICTED_V4);
            case NETWORK -> m.get("text.heading-network", VipRanges.RESTRICTED_V4);
            case PERIMETER ->
                m.get(
                    first.mode() == Mode.ENFORCED
                        ? "text.heading-enforced"
                        : "text.heading-dry-run",
                    first.perimeter() == null
                        ? m.get("text.project")
                        : Terminal.clean(first.perimeter()));
          };
      out.append(a.bold(heading)).append('\n');
      Map<Rule, List<Finding>> byRule = new LinkedHashMap<>();
      for (Finding f : group) {
        byRule.computeIfAbsent(f.rule(), k -> new ArrayList<>()).add(f);
      }
      for (Map.Entry<Rule, List<Finding>> e : byRule.entrySet()) {
        Rule rule = e.getKey();
        List<Finding> fs = e.getValue();
        Severity severity = fs.get(0).severity();
        boolean accepted = fs.stream().allMatch(f -> result.acceptance(f) != null);
        out.append("  ")
            .append(
                accepted
                    ? pad(m.get("text.accepted"), severityWidth(m))
                    : a.severity(severity, m, severityWidth(m)))
            .append(' ')
            .append(rule.id());
        List<String> services = fs.stream().map(Finding::service).filter(Objects::nonNull).toList();
        if (services.isEmpty()) {
          out.append('\n');
          for (Finding f : fs) {
            words(f.message().in(m), "      ", "      ", width, out);
          }
        } else {
          out.append(
                  m.get(
                      "text.subjects."
                          + rule.category().subjectNoun()
                          + (services.size() == 1 ? ".one" : ""),
                      services.size()))
              .append('\n');
          wrap(services, "      ", width, out);
        }
        String fix = m.get("text.fix");
        words(
            rule.helpText()
                .in(m)
                .replace("projects/NUMBER", "projects/" + result.project().number()),
            "      " + fix,
            " ".repeat(6 + Terminal.width(fix)),
            width,
            out);
      }
    }

    out.append('\n');
    if (result.baseline() != null) {
      Baseline.Comparison b = result.baseline();
      words(
          m.get(
              "text.baseline",
              b.count(Baseline.State.NEW),
              b.count(Baseline.State.UNCHANGED),
              b.count(Baseline.State.ABSENT),
              b.file()),
          "",
          "  ",
          width,
          out);
    }
    for (Finding f : result.findings()) {
      var accepted = result.acceptance(f);
      if (accepted != null) {
        words(
            m.get(
                "text.accepted-until",
                accepted.expires(),
                f.rule().id(),
                Objects.requireNonNullElse(
                    f.service(),
                    Objects.requireNonNullElse(
                        f.resource(), Objects.requireNonNullElse(f.perimeter(), ""))),
                accepted.reason()),
            "",
            "  ",
            width,
            out);
      }
    }
    long errors = result.count(Severity.ERROR);
    long warnings = result.count(Severity.WARNING);
    long infos = result.count(Severity.INFO);
    String counts = counts(m, errors, warnings, infos);
    if (result.compliant()) {
      out.append(a.green(m.get("text.compliant", result.profile().name())))
          .append(m.get("text.compliant-counts", counts))
          .append('\n');
      words(
          result.coverageLine(false).isEmpty()
              ? m.get("text.coverage", result.coverageLine(true))
              : m.get(
                  "text.coverage-not-run", result.coverageLine(true), result.coverageLine(false)),
          "  ",
          "  ",
          width,
          out);
    } else {
      out.append(a.red(m.get("text.not-compliant", result.profile().name())))
          .append(m.get("text.not-compliant-counts", counts))
          .append('\n');
      List<String> advice = FixAdvice.lines(result, planCommand, m);
      String toFix = m.get("text.to-fix");
      for (int i = 0; i < advice.size(); i++) {
        out.append(i == 0 ? toFix : " ".repeat(Terminal.width(toFix)))
            .append(Terminal.clean(advice.get(i)))
            .append('\n');
      }
    }
    return out.toString();
  }

  /** Findings are grouped by mode and perimeter; service findings form a group of their own. */
  static String groupKey(Finding f) {
    Category c = f.rule().category();
    if (!c.perMode()) {
      return c.label();
    }
    return f.mode().label() + "\u0000" + Objects.requireNonNullElse(f.perimeter(), "");
  }

  /**
   * Appends {@code text} broken between words before {@code width} columns (display columns: a wide
   * character takes two). A run of wide characters (Japanese, say) may also break between two of
   * them, as such text has no spaces; a word of narrow characters (an identifier, a resource name)
   * is never broken.
   */
  private static void words(String text, String first, String rest, int width, StringBuilder out) {
    text = Terminal.clean(text);
    StringBuilder line = new StringBuilder(first);
    int used = Terminal.width(first);
    int start = used;
    for (String word : text.split(" ")) {
      List<String> pieces = pieces(word);
      for (int i = 0; i < pieces.size(); i++) {
        String piece = pieces.get(i);
        boolean glued = i > 0; // a piece of the same word: no space before it
        int needed = (glued ? 0 : 1) + Terminal.width(piece);
        if (used > start && used + needed > width) {
          out.append(line).append('\n');
          line = new StringBuilder(rest);
          used = Terminal.width(rest);
          start = used;
        } else if (used > start && !glued) {
          line.append(' ');
          used++;
        }
        line.append(piece);
        used += Terminal.width(piece);
      }
    }
    out.append(line).append('\n');
  }

  /**
   * {@code word} cut where a line may break inside it: before and after each wide character; narrow
   * runs stay whole.
   */
  static List<String> pieces(String word) {
    List<String> out = new java.util.ArrayList<>();
    StringBuilder narrow = new StringBuilder();
    for (int i = 0; i < word.length(); ) {
      int c = word.codePointAt(i);
      i += Character.charCount(c);
      if (Terminal.wide(c)) {
        if (narrow.length() > 0) {
          out.add(narrow.toString());
          narrow.setLength(0);
        }
        out.add(new String(Character.toChars(c)));
      } else {
        narrow.appendCodePoint(c);
      }
    }
    if (narrow.length() > 0 || out.isEmpty()) {
      out.add(narrow.toString());
    }
    return out;
  }

  /** Appends {@code items} comma-separated, breaking lines before {@code width} columns. */
  private static void wrap(List<String> items, String indent, int width, StringBuilder out) {
    StringBuilder line = new StringBuilder(indent);
    int used = Terminal.width(indent);
    int start = used;
    for (int i = 0; i < items.size(); i++) {
      String item = Terminal.clean(items.get(i)) + (i < items.size() - 1 ? "," : "");
      int w = Terminal.width(item);
      if (used > start && used + 1 + w > width) {
        out.append(line).append('\n');
        line = new StringBuilder(indent);
        used = start;
      }
      if (used > start) {
        line.append(' ');
        used++;
      }
      line.append(item);
      used += w;
    }
    out.append(line).append('\n');
  }

  /** "13 errors, 2 warnings, 2 info" in the language of {@code m}. */
  static String counts(Messages m, long errors, long warnings, long infos) {
    return m.get(
        "text.counts",
        m.get(errors == 1 ? "text.errors.one" : "text.errors", errors),
        m.get(warnings == 1 ? "text.warnings.one" : "text.warnings", warnings),
        m.get("text.infos", infos));
  }

  /**
   * The width of the severity column: its longest severity label in this language ("accepted" may
   * stick out by one column in English, as it always has).
   */
  private static int severityWidth(Messages m) {
    int w = 0;
    for (Severity s : Severity.values()) {
      w = Math.max(w, Terminal.width(m.get("severity." + s.label())));
    }
    return w;
  }

  /** {@code s} padded with spaces to {@code width} display columns. */
  private static String pad(String s, int width) {
    s = Terminal.clean(s);
    int w = Terminal.width(s);
    return w >= width ? s : s + " ".repeat(width - w);
  }

  /** ANSI styling that is a no-op when disabled. */
  private record Ansi(boolean on) {
    String bold(String s) {
      return wrap("1", s);
    }

    String red(String s) {
      return wrap("31", s);
    }

    String green(String s) {
      return wrap("32", s);
    }

    String severity(Severity s, Messages m, int width) {
      String label = pad(m.get("severity." + s.label()), width);
      return switch (s) {
        case ERROR -> wrap("31", label);
        case WARNING -> wrap("33", label);
        case INFO -> wrap("36", label);
      };
    }

    private String wrap(String code, String s) {
      return on ? "\u001b[" + code + "m" + s + "\u001b[0m" : s;
    }
  }
}
