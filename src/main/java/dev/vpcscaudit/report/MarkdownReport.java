package dev.vpcscaudit.report;

import dev.vpcscaudit.audit.AuditResult;
import dev.vpcscaudit.audit.Finding;
import dev.vpcscaudit.audit.Mode;
import dev.vpcscaudit.audit.PerimeterMembership;
import dev.vpcscaudit.audit.Severity;
import dev.vpcscaudit.escape.Terminal;
import dev.vpcscaudit.i18n.Messages;
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
    return render(result, planCommand, Messages.EN);
  }

  /** As {@link #render(AuditResult, String)}, in the language of {@code m}. */
  public static String render(AuditResult result, String planCommand, Messages m) {
    StringBuilder out = new StringBuilder();
    String project = "projects/" + result.project().number();
    out.append(
        m.get(
            "md.title",
            "`"
                + code(project)
                + "`"
                + (result.project().id() == null
                    ? ""
                    : " (`" + code(result.project().id()) + "`)")));
    out.append("\n\n");
    String checked = m.get("text.checked");
    String notChecked = m.get("md.not-checked");
    out.append(
            m.get(
                result.compliant() ? "md.compliant" : "md.not-compliant",
                "`" + code(result.profile().name()) + "`",
                TextReport.counts(
                    m,
                    result.count(Severity.ERROR),
                    result.count(Severity.WARNING),
                    result.count(Severity.INFO))))
        .append(
            m.get(
                "md.summary",
                m.get(result.source().equals("api") ? "text.source-api" : "text.source-file"),
                result.servicesChecked() ? checked : notChecked,
                result.dnsChecked() ? checked : notChecked,
                result.coverageLine(false).isEmpty()
                    ? result.coverageLine(true)
                    : m.get("md.not-run", result.coverageLine(true), result.coverageLine(false))))
        .append("\n\n");
    if (result.violationsRead() != null) {
      out.append(m.get("md.audit-logs", text(result.violationsRead().in(m)))).append("\n\n");
    }
    if (result.baseline() != null) {
      dev.vpcscaudit.audit.Baseline.Comparison b = result.baseline();
      out.append(
              m.get(
                  "md.baseline",
                  b.count(dev.vpcscaudit.audit.Baseline.State.NEW),
                  b.count(dev.vpcscaudit.audit.Baseline.State.UNCHANGED),
                  b.count(dev.vpcscaudit.audit.Baseline.State.ABSENT),
                  text(b.file())))
          .append("\n\n");
    }
    if (result.acceptedCount() > 0) {
      out.append(m.get("md.accepted", result.acceptedCount())).append("\n\n");
    }

    if (result.perimeters().isEmpty()) {
      out.append(m.get("md.no-perimeter", "`" + code(project) + "`")).append('\n');
    } else {
      out.append(m.get("md.perimeters-table")).append("\n|---|---|---|\n");
      for (PerimeterMembership p : result.perimeters()) {
        out.append("| `")
            .append(code(p.name()))
            .append("` | ")
            .append(m.get("type." + p.type().label()))
            .append(" | ")
            .append(
                String.join(
                    m.get("list.separator"),
                    p.modes().stream().map(mode -> m.get("mode." + mode.label())).toList()))
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
                case SERVICES -> m.get("md.heading-services");
                case DNS -> m.get("md.heading-dns");
                case NETWORK -> m.get("md.heading-network");
                case PERIMETER ->
                    m.get(
                        first.mode() == Mode.ENFORCED
                            ? "md.heading-enforced"
                            : "md.heading-dry-run",
                        first.perimeter() == null
                            ? m.get("text.project")
                            : "`" + code(first.perimeter()) + "`");
              })
          .append("\n\n")
          .append(
              m.get(
                  first.rule().category() == dev.vpcscaudit.audit.Category.NETWORK
                      ? "md.findings-table-resource"
                      : "md.findings-table"))
          .append("\n|---|---|---|---|\n");
      for (Finding f : group) {
        out.append("| ")
            .append(m.get("severity." + f.severity().label()))
            .append(" | `")
            .append(f.rule().id())
            .append("` | ")
            .append(
                f.service() != null
                    ? "`" + code(f.service()) + "`"
                    : f.resource() != null ? "`" + code(f.resource()) + "`" : "")
            .append(" | ")
            .append(text(f.message().in(m)))
            .append(" |\n");
      }
    }
    List<String> advice = FixAdvice.lines(result, planCommand, m);
    if (!advice.isEmpty()) {
      out.append("\n").append(m.get("md.to-fix")).append("\n\n```sh\n");
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
