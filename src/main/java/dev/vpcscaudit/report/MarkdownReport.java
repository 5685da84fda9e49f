package dev.vpcscaudit.report;

import dev.vpcscaudit.audit.AuditResult;
import dev.vpcscaudit.audit.Finding;
import dev.vpcscaudit.audit.Mode;
import dev.vpcscaudit.audit.PerimeterMembership;
import dev.vpcscaudit.audit.Severity;
import dev.vpcscaudit.escape.Terminal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The audit as GitHub-flavoured Markdown, for pull-request comments and CI job summaries: the
 * verdict first, then the perimeters and one table of findings per mode and perimeter. Every value
 * is escaped so that it cannot break a table or start markup.
 */
public final class MarkdownReport {

  private MarkdownReport() {}

  /**
   * @param planCommand {@code vpcsc-audit plan} with the audit's selection, for the "To fix"
   *     section; empty for none
   */
  public static String render(AuditResult result, String planCommand) {
    StringBuilder out = new StringBuilder();
    String project = "projects/" + result.project().number();
    out.append("## VPC Service Controls audit: `").append(code(project)).append('`');
    if (result.project().id() != null) {
      out.append(" (`").append(code(result.project().id())).append("`)");
    }
    out.append("\n\n");
    long e = result.count(Severity.ERROR);
    long w = result.count(Severity.WARNING);
    long i = result.count(Severity.INFO);
    out.append(result.compliant() ? "**Compliant**" : "**Not compliant**")
        .append(" with profile `")
        .append(code(result.profile().name()))
        .append("`: ")
        .append(e)
        .append(e == 1 ? " error, " : " errors, ")
        .append(w)
        .append(w == 1 ? " warning, " : " warnings, ")
        .append(i)
        .append(" info. Source: ")
        .append(result.source().equals("api") ? "live API" : "file")
        .append(". Supported services: ")
        .append(result.servicesChecked() ? "checked" : "not checked")
        .append(". DNS: ")
        .append(result.dnsChecked() ? "checked" : "not checked")
        .append(". Checks that ran: ")
        .append(result.coverageLine(true))
        .append(
            result.coverageLine(false).isEmpty() ? "" : "; not run: " + result.coverageLine(false))
        .append(".\n\n");
    if (result.violationsRead() != null) {
      out.append("Audit logs: ").append(text(result.violationsRead())).append(".\n\n");
    }
    if (result.baseline() != null) {
      out.append("Baseline: ").append(text(result.baseline().summary())).append(".\n\n");
    }
    if (result.acceptedCount() > 0) {
      out.append("Accepted exceptions (not counted): ")
          .append(result.acceptedCount())
          .append(".\n\n");
    }

    if (result.perimeters().isEmpty()) {
      out.append("No perimeter holds `").append(code(project)).append("`.\n");
    } else {
      out.append("| Perimeter | Type | Holds the project in |\n|---|---|---|\n");
      for (PerimeterMembership m : result.perimeters()) {
        out.append("| `")
            .append(code(m.name()))
            .append("` | ")
            .append(m.type().label())
            .append(" | ")
            .append(String.join(", ", m.modes().stream().map(Mode::label).toList()))
            .append(" |\n");
      }
    }

    Map<String, List<Finding>> groups = new LinkedHashMap<>();
    for (Finding f : result.findings()) {
      groups.computeIfAbsent(TextReport.groupKey(f), k -> new ArrayList<>()).add(f);
    }
    for (List<Finding> group : groups.values()) {
      Finding first = group.get(0);
      out.append("\n### ")
          .append(
              switch (first.rule().category()) {
                case SERVICES -> "Supported services";
                case DNS -> "DNS";
                case NETWORK -> "Network (restricted VIP path)";
                case PERIMETER ->
                    (first.mode() == Mode.ENFORCED ? "Enforced (status)" : "Dry-run (spec)")
                        + ": "
                        + (first.perimeter() == null
                            ? "project"
                            : "`" + code(first.perimeter()) + "`");
              })
          .append(
              "\n\n| Severity | Rule | "
                  + (first.rule().category() == dev.vpcscaudit.audit.Category.NETWORK
                      ? "Resource"
                      : "Service")
                  + " | Finding |\n|---|---|---|---|\n");
      for (Finding f : group) {
        out.append("| ")
            .append(f.severity().label())
            .append(" | `")
            .append(f.rule().id())
            .append("` | ")
            .append(
                f.service() != null
                    ? "`" + code(f.service()) + "`"
                    : f.resource() != null ? "`" + code(f.resource()) + "`" : "")
            .append(" | ")
            .append(text(f.message()))
            .append(" |\n");
      }
    }
    List<String> advice = FixAdvice.lines(result, planCommand);
    if (!advice.isEmpty()) {
      out.append("\nTo fix:\n\n```sh\n");
      for (String line : advice) {
        out.append(line.startsWith("vpcsc-audit ") ? "" : "# ")
            .append(Terminal.clean(line).replace("```", "` ` `"))
            .append('\n');
      }
      out.append("```\n");
    }
    return out.toString();
  }

  /** Text for inside a table cell: markup characters and line breaks escaped. */
  static String text(String s) {
    StringBuilder out = new StringBuilder();
    for (char c : Terminal.clean(s.replace('\n', ' ').replace('\r', ' ')).toCharArray()) {
      switch (c) {
        case '\\', '`', '*', '_', '[', ']', '<', '>', '|', '#', '!', '~', '&' ->
            out.append('\\').append(c);
        case '\n', '\r' -> out.append(' ');
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** Text for inside a {@code `code span`} in a table: no backtick, pipe or line break. */
  static String code(String s) {
    return Terminal.clean(s.replace('\n', ' ').replace('\r', ' '))
        .replace("`", "'")
        .replace("|", "\\|");
  }
}
