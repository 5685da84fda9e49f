package dev.vpcscaudit.report;

import dev.vpcscaudit.ToolVersion;
import dev.vpcscaudit.audit.Severity;
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
    List<ProjectOutcome> projects) {

  public OrgReport {
    projects = List.copyOf(projects);
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
          g.writeStringField("error", o.error());
        } else {
          g.writeBooleanField("compliant", o.result().compliant());
          JsonReport.writePerimetersAndFindings(g, o.result());
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
    StringBuilder out = new StringBuilder();
    out.append("VPC Service Controls audit of ")
        .append(projects.size())
        .append(projects.size() == 1 ? " project in " : " projects in ")
        .append(dev.vpcscaudit.escape.Terminal.clean(scope))
        .append("\nProfile: ")
        .append(profile.name())
        .append("   Source: ")
        .append(source.equals("api") ? "live API" : "file")
        .append("\n\n");
    int w =
        projects.stream()
            .mapToInt(p -> dev.vpcscaudit.escape.Terminal.clean(label(p)).length())
            .max()
            .orElse(7);
    w = Math.max(w, "project".length());
    out.append(pad("project", w)).append("  verdict        errors  warnings\n");
    for (ProjectOutcome o : projects) {
      out.append(pad(dev.vpcscaudit.escape.Terminal.clean(label(o)), w)).append("  ");
      if (!o.readable()) {
        out.append("UNREADABLE     ")
            .append(dev.vpcscaudit.escape.Terminal.clean(o.error()))
            .append('\n');
        continue;
      }
      out.append(pad(o.result().compliant() ? "compliant" : "NOT compliant", 13))
          .append(
              String.format(
                  "  %6d  %8d%n",
                  o.result().count(Severity.ERROR), o.result().count(Severity.WARNING)));
    }
    out.append('\n')
        .append(compliant() ? "Compliant" : "Not compliant")
        .append(": ")
        .append(tally())
        .append(", ")
        .append(count(Severity.ERROR))
        .append(" errors, ")
        .append(count(Severity.WARNING))
        .append(" warnings\n");
    to.write(out.toString());
    for (ProjectOutcome o : projects) {
      if (o.readable() && !o.result().compliant()) {
        to.write("\n" + "-".repeat(Math.min(width, 72)) + "\n");
        to.write(TextReport.render(o.result(), color, "", width));
      }
    }
  }

  /** "C of N projects compliant, U unreadable", for the text and Markdown summaries. */
  private String tally() {
    return compliantProjects()
        + " of "
        + projects.size()
        + " projects compliant, "
        + unreadable()
        + " unreadable";
  }

  /** The summary table, then each non-compliant project's Markdown report. */
  public String markdown() {
    return ((Document) this::markdown).text();
  }

  /** As {@link #markdown()}, written to {@code to} project by project. */
  public void markdown(java.io.Writer to) throws java.io.IOException {
    StringBuilder out = new StringBuilder();
    out.append("## VPC Service Controls audit of ")
        .append(projects.size())
        .append(" projects in `")
        .append(MarkdownReport.code(scope))
        .append("`\n\n")
        .append(compliant() ? "**Compliant**" : "**Not compliant**")
        .append(": ")
        .append(tally())
        .append(". Profile `")
        .append(MarkdownReport.code(profile.name()))
        .append("`.\n\n| Project | Verdict | Errors | Warnings |\n|---|---|---|---|\n");
    for (ProjectOutcome o : projects) {
      out.append("| `").append(MarkdownReport.code(label(o))).append("` | ");
      if (!o.readable()) {
        out.append("unreadable: ").append(MarkdownReport.text(o.error())).append(" | | |\n");
      } else {
        out.append(o.result().compliant() ? "compliant" : "**not compliant**")
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
        to.write(MarkdownReport.render(o.result(), "").replace("\n## ", "\n### "));
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
      SarifReport.startRun(g, toolVersion);
      g.writeArrayFieldStart("results");
      java.util.Map<String, int[]> regions = new java.util.HashMap<>();
      for (ProjectOutcome o : projects) {
        if (o.readable()) {
          SarifReport.writeResults(g, o.result(), artifact, regions);
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
            g.writeStringField("text", o.name() + ": " + o.error());
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
        out);
  }

  private static String label(ProjectOutcome o) {
    String number = o.project().number() == null ? "" : "projects/" + o.project().number();
    return o.project().id() == null
        ? number
        : number.isEmpty() ? o.project().id() : number + " (" + o.project().id() + ")";
  }

  private static String pad(String s, int width) {
    return s.length() >= width ? s : s + " ".repeat(width - s.length());
  }
}
