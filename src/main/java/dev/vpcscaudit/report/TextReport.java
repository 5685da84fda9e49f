package dev.vpcscaudit.report;

import dev.vpcscaudit.audit.AuditResult;
import dev.vpcscaudit.audit.Category;
import dev.vpcscaudit.audit.Finding;
import dev.vpcscaudit.audit.Mode;
import dev.vpcscaudit.audit.PerimeterMembership;
import dev.vpcscaudit.audit.Rule;
import dev.vpcscaudit.audit.Severity;
import dev.vpcscaudit.escape.Terminal;
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
    // Every value from input passes Terminal.clean on its way in: words(), wrap(), pad() and the
    // project and perimeter names below; only Ansi adds escape sequences.
    Ansi a = new Ansi(color);
    StringBuilder out = new StringBuilder();
    String project = "projects/" + result.project().number();
    if (result.project().id() != null) {
      project += " (" + Terminal.clean(result.project().id()) + ")";
    }
    out.append(a.bold("VPC Service Controls audit of " + project)).append('\n');
    out.append("Profile: ")
        .append(result.profile().name())
        .append(" (")
        .append(result.profile().requiredServices().size())
        .append(" required services");
    if (result.profile().vpcAccessibleServicesRequired()) {
      out.append(", VPC accessible services required");
    }
    out.append(")   Source: ")
        .append(result.source().equals("api") ? "live API" : "file")
        .append('\n');
    out.append("Supported services: ")
        .append(
            result.servicesChecked()
                ? "checked"
                : "not checked (--check-services, or --services-file FILE offline)")
        .append("\nDNS: ")
        .append(
            result.dnsChecked() ? "checked" : "not checked (--check-dns on the cluster's hosts)")
        .append("\nNetwork: ")
        .append(
            result.networkChecked() != null
                ? Terminal.clean(result.networkChecked()) + " checked"
                : "not checked (--network NETWORK)")
        .append("\nIngress and egress rules: checked")
        .append("\nAccess levels: ")
        .append(
            result.accessLevelsChecked()
                ? "checked"
                : "not checked (read live, or from --access-levels-file or an asset export)")
        .append('\n');
    if (result.violationsRead() != null) {
      out.append("Audit logs: ").append(Terminal.clean(result.violationsRead())).append('\n');
    }
    out.append('\n');

    if (result.perimeters().isEmpty()) {
      out.append("No perimeter holds ").append(project).append(".\n");
    } else {
      out.append("Perimeters holding the project:\n");
      int nameWidth =
          result.perimeters().stream()
              .mapToInt(m -> Terminal.width(Terminal.clean(m.name())))
              .max()
              .orElse(0);
      for (PerimeterMembership m : result.perimeters()) {
        List<String> modes = m.modes().stream().map(Mode::label).toList();
        out.append("  ")
            .append(pad(m.name(), nameWidth))
            .append("  ")
            .append(pad(m.type().label(), 7))
            .append("  ")
            .append(String.join(", ", modes))
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
            case SERVICES -> "SUPPORTED SERVICES";
            case DNS -> "DNS (restricted VIP " + VipRanges.RESTRICTED_V4 + ")";
            case NETWORK -> "NETWORK (the path to restricted VIP " + VipRanges.RESTRICTED_V4 + ")";
            case PERIMETER ->
                (first.mode() == Mode.ENFORCED ? "ENFORCED (status)  " : "DRY-RUN (spec)  ")
                    + (first.perimeter() == null ? "project" : Terminal.clean(first.perimeter()));
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
            .append(accepted ? pad("accepted", 7) : a.severity(severity))
            .append(' ')
            .append(rule.id());
        List<String> services = fs.stream().map(Finding::service).filter(Objects::nonNull).toList();
        if (services.isEmpty()) {
          out.append('\n');
          for (Finding f : fs) {
            words(f.message(), "      ", "      ", width, out);
          }
        } else {
          out.append(": ")
              .append(services.size())
              .append(" ")
              .append(rule.category().subjectNoun())
              .append(services.size() == 1 ? "" : "s")
              .append('\n');
          wrap(services, "      ", width, out);
        }
        words(
            rule.help().replace("projects/NUMBER", "projects/" + result.project().number()),
            "      fix: ",
            "           ",
            width,
            out);
      }
    }

    out.append('\n');
    if (result.baseline() != null) {
      words("Baseline: " + result.baseline().summary(), "", "  ", width, out);
    }
    for (Finding f : result.findings()) {
      var accepted = result.acceptance(f);
      if (accepted != null) {
        words(
            "Accepted (not counted) until "
                + accepted.expires()
                + ": "
                + f.rule().id()
                + " "
                + Objects.requireNonNullElse(
                    f.service(),
                    Objects.requireNonNullElse(
                        f.resource(), Objects.requireNonNullElse(f.perimeter(), "")))
                + ": "
                + accepted.reason(),
            "",
            "  ",
            width,
            out);
      }
    }
    long errors = result.count(Severity.ERROR);
    long warnings = result.count(Severity.WARNING);
    long infos = result.count(Severity.INFO);
    String counts =
        plural(errors, "error") + ", " + plural(warnings, "warning") + ", " + plural(infos, "info");
    if (result.compliant()) {
      out.append(a.green("Compliant with profile " + result.profile().name()))
          .append(" (")
          .append(counts)
          .append(")\n");
      words(
          "for the checks that ran: "
              + result.coverageLine(true)
              + (result.coverageLine(false).isEmpty()
                  ? ""
                  : "; not run: " + result.coverageLine(false)),
          "  ",
          "  ",
          width,
          out);
    } else {
      out.append(a.red("Not compliant with profile " + result.profile().name()))
          .append(": ")
          .append(counts)
          .append('\n');
      List<String> advice = FixAdvice.lines(result, planCommand);
      for (int i = 0; i < advice.size(); i++) {
        out.append(i == 0 ? "To fix: " : "        ")
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

  private static String plural(long n, String word) {
    return n + " " + word + (n == 1 || word.equals("info") ? "" : "s");
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

    String severity(Severity s) {
      String label = pad(s.label(), 7);
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
