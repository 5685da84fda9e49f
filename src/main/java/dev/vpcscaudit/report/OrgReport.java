package dev.vpcscaudit.report;

import dev.vpcscaudit.ToolVersion;
import dev.vpcscaudit.audit.Severity;
import dev.vpcscaudit.i18n.Messages;
import dev.vpcscaudit.profile.Profile;
import java.util.List;

/**
 * The reports of an audit of many projects ({@code --all-projects}, {@code --projects-query},
 * {@code --projects-file}): a summary over all projects first, then each project's own report. A
 * project that could not be read is listed as unreadable with the reason.
 *
 * @param scope what was audited, e.g. {@code organizations/123} or the export file
 * @param source {@code api} or {@code file}
 */
public record OrgReport(
    String scope,
    Profile profile,
    String source,
    boolean servicesChecked,
    boolean dnsChecked,
    List<ProjectOutcome> projects,
    Messages messages) {

  public OrgReport {
    projects = List.copyOf(projects);
    java.util.Objects.requireNonNull(messages, "messages");
  }

  /** In English. */
  public OrgReport(
      String scope,
      Profile profile,
      String source,
      boolean servicesChecked,
      boolean dnsChecked,
      List<ProjectOutcome> projects) {
    this(scope, profile, source, servicesChecked, dnsChecked, projects, Messages.EN);
  }

  public long count(Severity s) {
    return projects.stream()
        .filter(ProjectOutcome::readable)
        .mapToLong(p -> p.result().count(s))
        .sum();
  }

  public long unreadable() {
    return projects.stream().filter(p -> !p.readable()).count();
  }

  public long compliantProjects() {
    return projects.stream().filter(p -> p.readable() && p.result().compliant()).count();
  }

  /** True iff every project was read and none has an error or warning. */
  public boolean compliant() {
    return unreadable() == 0 && compliantProjects() == projects.size();
  }

  /**
   * The JSON report: the single-project report's fields per project under {@code projects}, plus
   * the summary over all.
   */
  public String json(String toolVersion) {
    return ((Document) w -> json(toolVersion, w)).text();
  }

  /**
   * As {@link #json(String)}, written to {@code out} as it is rendered: the report of thousands of
   * projects is never held whole in memory.
   */
  public void json(String toolVersion, java.io.Writer out) throws java.io.IOException {
    try (com.fasterxml.jackson.core.JsonGenerator g =
        dev.vpcscaudit.codec.JsonTrees.generator(out)
            .disable(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET)) {
      g.writeStartObject();
      g.writeStringField("schemaVersion", JsonReport.SCHEMA_VERSION);
      g.writeObjectFieldStart("tool");
      g.writeStringField("name", ToolVersion.NAME);
      g.writeStringField("version", toolVersion);
      g.writeEndObject();
      g.writeStringField("language", messages.lang().code());
      g.writeStringField("scope", scope);
      g.writeStringField("profile", profile.name());
      g.writeStringField("source", source);
      g.writeBooleanField("servicesChecked", servicesChecked);
      g.writeBooleanField("dnsChecked", dnsChecked);
      g.writeArrayFieldStart("projects");
      for (ProjectOutcome o : projects) {
        g.writeStartObject();
        g.writeObjectFieldStart("project");
        g.writeStringField("id", o.project().id());
        g.writeStringField("number", o.project().number());
        g.writeEndObject();
        if (!o.readable()) {
          g.writeStringField("error", o.error().in(messages));
        } else {
          g.writeBooleanField("compliant", o.result().compliant());
          JsonReport.writePerimetersAndFindings(g, o.result(), messages);
          JsonReport.writeSummary(g, o.result());
        }
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeObjectFieldStart("summary");
      g.writeNumberField("projects", projects.size());
      g.writeNumberField("compliant", compliantProjects());
      g.writeNumberField("notCompliant", projects.size() - compliantProjects() - unreadable());
      g.writeNumberField("unreadable", unreadable());
      for (Severity s : Severity.values()) {
        g.writeNumberField(s.label(), count(s));
      }
      g.writeEndObject();
      g.writeBooleanField("compliant", compliant());
      g.writeEndObject();
    }
    out.write("\n");
  }

  /** The summary table, then each project's text report. */
  public String text(boolean color, int width) {
    return ((Document) w -> text(color, width, w)).text();
  }

  /** As {@link #text(boolean, int)}, written to {@code to} project by project. */
  public void text(boolean color, int width, java.io.Writer to) throws java.io.IOException {
    Messages m = messages;
    StringBuilder out = new StringBuilder();
    out.append(
            m.get(
                projects.size() == 1 ? "org.title.one" : "org.title",
                projects.size(),
                dev.vpcscaudit.escape.Terminal.clean(scope)))
        .append('\n')
        .append(
            m.get(
                "org.profile",
                profile.name(),
                m.get(source.equals("api") ? "text.source-api" : "text.source-file")))
        .append("\n\n");
    String project = m.get("org.project");
    int w =
        projects.stream()
            .mapToInt(p -> width(dev.vpcscaudit.escape.Terminal.clean(label(p))))
            .max()
            .orElse(width(project));
    w = Math.max(w, width(project));
    String verdict = m.get("org.verdict");
    String compliantWord = m.get("org.compliant");
    String notCompliantWord = m.get("org.not-compliant");
    String unreadableWord = m.get("org.unreadable");
    int v =
        Math.max(
            13,
            Math.max(
                width(verdict),
                Math.max(
                    width(compliantWord),
                    Math.max(width(notCompliantWord), width(unreadableWord)))));
    String errors = m.get("org.errors");
    String warnings = m.get("org.warnings");
    int ew = Math.max(6, width(errors));
    int ww = Math.max(8, width(warnings));
    out.append(pad(project, w))
        .append("  ")
        .append(pad(verdict, v))
        .append("  ")
        .append(padLeft(errors, ew))
        .append("  ")
        .append(padLeft(warnings, ww))
        .append('\n');
    for (ProjectOutcome o : projects) {
      out.append(pad(dev.vpcscaudit.escape.Terminal.clean(label(o)), w)).append("  ");
      if (!o.readable()) {
        out.append(pad(unreadableWord, v))
            .append("  ")
            .append(dev.vpcscaudit.escape.Terminal.clean(o.error().in(messages)))
            .append('\n');
        continue;
      }
      out.append(pad(o.result().compliant() ? compliantWord : notCompliantWord, v))
          .append("  ")
          .append(padLeft(String.valueOf(o.result().count(Severity.ERROR)), ew))
          .append("  ")
          .append(padLeft(String.valueOf(o.result().count(Severity.WARNING)), ww))
          .append('\n');
    }
    out.append('\n')
        .append(
            m.get(
                compliant() ? "org.summary-compliant" : "org.summary-not-compliant",
                tally(),
                count(Severity.ERROR),
                count(Severity.WARNING)))
        .append('\n');
    to.write(out.toString());
    for (ProjectOutcome o : projects) {
      if (o.readable() && !o.result().compliant()) {
        to.write("\n" + "-".repeat(Math.min(width, 72)) + "\n");
        to.write(TextReport.render(o.result(), color, "", width, messages));
      }
    }
  }

  /** "C of N projects compliant, U unreadable", for the text and Markdown summaries. */
  private String tally() {
    return messages.get("org.tally", compliantProjects(), projects.size(), unreadable());
  }

  /** The summary table, then each non-compliant project's Markdown report. */
  public String markdown() {
    return ((Document) this::markdown).text();
  }

  /** As {@link #markdown()}, written to {@code to} project by project. */
  public void markdown(java.io.Writer to) throws java.io.IOException {
    Messages m = messages;
    StringBuilder out = new StringBuilder();
    out.append(m.get("org.md.title", projects.size(), "`" + MarkdownReport.code(scope) + "`"))
        .append("\n\n")
        .append(
            m.get(
                compliant() ? "org.md.compliant" : "org.md.not-compliant",
                tally(),
                "`" + MarkdownReport.code(profile.name()) + "`"))
        .append("\n\n")
        .append(m.get("org.md.table"))
        .append("\n|---|---|---|---|\n");
    for (ProjectOutcome o : projects) {
      out.append("| `").append(MarkdownReport.code(label(o))).append("` | ");
      if (!o.readable()) {
        out.append(m.get("org.md.unreadable", MarkdownReport.text(o.error().in(messages))))
            .append(" | | |\n");
      } else {
        out.append(
                m.get(
                    o.result().compliant() ? "org.md.compliant-cell" : "org.md.not-compliant-cell"))
            .append(" | ")
            .append(o.result().count(Severity.ERROR))
            .append(" | ")
            .append(o.result().count(Severity.WARNING))
            .append(" |\n");
      }
    }
    to.write(out.toString());
    for (ProjectOutcome o : projects) {
      if (o.readable() && !o.result().compliant()) {
        to.write('\n');
        to.write(MarkdownReport.render(o.result(), "", messages).replace("\n## ", "\n### "));
      }
    }
  }

  /** One SARIF run with every project's results; unreadable projects as error notifications. */
  public String sarif(String toolVersion, SarifReport.Artifact artifact) {
    return ((Document) w -> sarif(toolVersion, artifact, w)).text();
  }

  /**
   * As {@link #sarif(String, SarifReport.Artifact)}, written to {@code out} as it is rendered: one
   * run, the rule catalogue once, every readable project's results, and the unreadable projects as
   * tool execution notifications.
   */
  public void sarif(String toolVersion, SarifReport.Artifact artifact, java.io.Writer out)
      throws java.io.IOException {
    try (com.fasterxml.jackson.core.JsonGenerator g =
        dev.vpcscaudit.codec.JsonTrees.generator(out)
            .disable(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET)) {
      SarifReport.startRun(g, toolVersion, messages);
      g.writeArrayFieldStart("results");
      java.util.Map<String, int[]> regions = new java.util.HashMap<>();
      for (ProjectOutcome o : projects) {
        if (o.readable()) {
          SarifReport.writeResults(g, o.result(), artifact, regions, messages);
        }
      }
      g.writeEndArray();
      g.writeObjectFieldStart("properties");
      g.writeStringField("profile", profile.name());
      g.writeStringField("source", source);
      g.writeStringField("scope", scope);
      g.writeNumberField("projects", projects.size());
      g.writeBooleanField("compliant", compliant());
      g.writeEndObject();
      g.writeArrayFieldStart("invocations");
      g.writeStartObject();
      g.writeBooleanField("executionSuccessful", unreadable() == 0);
      if (unreadable() > 0) {
        g.writeArrayFieldStart("toolExecutionNotifications");
        for (ProjectOutcome o : projects) {
          if (!o.readable()) {
            g.writeStartObject();
            g.writeStringField("level", "error");
            g.writeObjectFieldStart("message");
            g.writeStringField("text", o.name() + ": " + o.error().in(messages));
            g.writeEndObject();
            g.writeEndObject();
          }
        }
        g.writeEndArray();
      }
      g.writeEndObject();
      g.writeEndArray();
      SarifReport.endRun(g);
    }
    out.write("\n");
  }

  /** JUnit XML: each project's suites named after it; an unreadable project is an error. */
  public String junit() {
    return ((Document) this::junit).text();
  }

  /** As {@link #junit()}, written to {@code out} as it is rendered. */
  public void junit(java.io.Writer out) {
    JUnitReport.write(
        ToolVersion.NAME + " " + scope + " " + profile.name(),
        projects,
        /* prefixSuites= */ true,
        out,
        messages);
  }

  private static String label(ProjectOutcome o) {
    String number = o.project().number() == null ? "" : "projects/" + o.project().number();
    return o.project().id() == null
        ? number
        : number.isEmpty() ? o.project().id() : number + " (" + o.project().id() + ")";
  }

  /** {@code s} padded on the right to {@code width} display columns. */
  private static String pad(String s, int width) {
    int w = width(s);
    return w >= width ? s : s + " ".repeat(width - w);
  }

  private static String padLeft(String s, int width) {
    int w = width(s);
    return w >= width ? s : " ".repeat(width - w) + s;
  }

  private static int width(String s) {
    return dev.vpcscaudit.escape.Terminal.width(s);
  }
}
