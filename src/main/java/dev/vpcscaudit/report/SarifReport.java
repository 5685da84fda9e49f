package dev.vpcscaudit.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.vpcscaudit.ToolVersion;
import dev.vpcscaudit.audit.AuditResult;
import dev.vpcscaudit.audit.Finding;
import dev.vpcscaudit.audit.Rule;
import dev.vpcscaudit.audit.Rules;
import dev.vpcscaudit.audit.Severity;
import dev.vpcscaudit.i18n.Messages;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * The audit as SARIF 2.1.0 (OASIS), for code-scanning dashboards: one run, the rule catalogue in
 * {@code tool.driver.rules}, one result per finding with its perimeter as a logical location, the
 * input file (offline audits) as the physical location, and a stable {@code partialFingerprints}
 * entry so that the same finding matches across runs. No timestamps: the same audit gives the same
 * bytes.
 */
public final class SarifReport {

  static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
  static final String FINGERPRINT = "vpcscAuditFinding/v1";

  private SarifReport() {}

  /**
   * The audited file: its URI as given to {@code --from-file} (a relative path keeps fingerprints
   * stable across machines; an absolute one becomes a {@code file:} URI) and its text, from which
   * each perimeter finding gets the region of that perimeter's {@code "name"}.
   */
  public record Artifact(String uri, String text) {

    /** The artifact for {@code path} as the user gave it, with the file's text. */
    public static Artifact of(String path, String text) {
      java.nio.file.Path p = java.nio.file.Path.of(path);
      String uri;
      if (p.isAbsolute()) {
        uri = p.toUri().toString();
      } else {
        // A relative reference, percent-encoded as RFC 3986 asks (a space, '#', '%' or non-ASCII
        // character in a file name would otherwise make an invalid URI).
        try {
          uri =
              new java.net.URI(null, null, path.replace(java.io.File.separatorChar, '/'), null)
                  .toASCIIString();
        } catch (java.net.URISyntaxException e) {
          throw new IllegalArgumentException("not a path: " + path, e);
        }
      }
      return new Artifact(uri, text);
    }
  }

  /** Renders a live audit's report (no file, so logical locations only). */
  public static String render(AuditResult result, String toolVersion) {
    return render(result, toolVersion, null);
  }

  /**
   * @param artifact the audited file, or null for a live audit
   */
  public static String render(AuditResult result, String toolVersion, Artifact artifact) {
    return render(result, toolVersion, artifact, Messages.EN);
  }

  /**
   * As {@link #render(AuditResult, String, Artifact)}, the message texts in the language of {@code
   * m} (the run's {@code language}); rule IDs and properties are the same in every language.
   */
  public static String render(
      AuditResult result, String toolVersion, Artifact artifact, Messages m) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = dev.vpcscaudit.codec.JsonTrees.generator(out)) {
      startRun(g, toolVersion, m);
      g.writeArrayFieldStart("results");
      writeResults(g, result, artifact, new java.util.HashMap<>(), m);
      g.writeEndArray();

      g.writeObjectFieldStart("properties");
      g.writeStringField("project", "projects/" + result.project().number());
      g.writeStringField("profile", result.profile().name());
      g.writeStringField("source", result.source());
      g.writeBooleanField("compliant", result.compliant());
      JsonReport.writeCoverage(g, result);
      g.writeEndObject();
      endRun(g);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out + "\n";
  }

  /**
   * Opens the log and its one run, and writes the tool with the whole rule catalogue; the caller
   * writes the results and properties, then {@link #endRun}.
   */
  static void startRun(JsonGenerator g, String toolVersion, Messages m) throws IOException {
    g.writeStartObject();
    g.writeStringField("$schema", SCHEMA);
    g.writeStringField("version", "2.1.0");
    g.writeArrayFieldStart("runs");
    g.writeStartObject();

    g.writeObjectFieldStart("tool");
    g.writeObjectFieldStart("driver");
    g.writeStringField("name", ToolVersion.NAME);
    g.writeStringField("version", toolVersion);
    if (!ToolVersion.url().isEmpty()) {
      g.writeStringField("informationUri", ToolVersion.url());
    }
    g.writeArrayFieldStart("rules");
    for (Rule rule : Rules.ALL) {
      g.writeStartObject();
      g.writeStringField("id", rule.id());
      g.writeStringField("name", pascal(rule.id()));
      g.writeObjectFieldStart("shortDescription");
      g.writeStringField("text", rule.titleText().in(m));
      g.writeEndObject();
      g.writeObjectFieldStart("help");
      g.writeStringField("text", rule.helpText().in(m));
      g.writeEndObject();
      g.writeObjectFieldStart("defaultConfiguration");
      g.writeStringField("level", level(rule.severity()));
      g.writeEndObject();
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
    g.writeEndObject();
    // SARIF 2.1.0, 3.14.7: the language of the run's messages (BCP 47).
    g.writeStringField("language", m.lang().code());
  }

  /** Closes what {@link #startRun} opened. */
  static void endRun(JsonGenerator g) throws IOException {
    g.writeEndObject();
    g.writeEndArray();
    g.writeEndObject();
  }

  /**
   * One result per finding of {@code result}, into the open {@code results} array.
   *
   * @param artifact the audited file, or null for a live audit
   * @param regions the region of each perimeter's name in the artifact, filled as found (the same
   *     map for every project of one report: the file is searched once per perimeter)
   */
  static void writeResults(
      JsonGenerator g,
      AuditResult result,
      Artifact artifact,
      java.util.Map<String, int[]> regions,
      Messages m)
      throws IOException {
    String projectResource = "projects/" + result.project().number();
    for (Finding f : result.findings()) {
      g.writeStartObject();
      g.writeStringField("ruleId", f.rule().id());
      g.writeNumberField("ruleIndex", Rules.index(f.rule()));
      g.writeStringField("level", level(f.severity()));
      g.writeObjectFieldStart("message");
      g.writeStringField(
          "text", m.get("sarif.message", f.message().in(m), m.get("mode." + f.mode().label())));
      g.writeEndObject();
      if (result.baselineState(f) != null) {
        g.writeStringField("baselineState", result.baselineState(f).label());
      }
      dev.vpcscaudit.audit.Acceptances.Entry accepted = result.acceptance(f);
      if (accepted != null) {
        g.writeArrayFieldStart("suppressions");
        g.writeStartObject();
        g.writeStringField("kind", "external");
        g.writeStringField("status", "accepted");
        g.writeStringField(
            "justification", m.get("sarif.accepted", accepted.reason(), accepted.expires()));
        g.writeEndObject();
        g.writeEndArray();
      }
      g.writeArrayFieldStart("locations");
      g.writeStartObject();
      int[] region =
          artifact == null || !f.rule().category().perMode()
              ? null
              : regions.computeIfAbsent(
                  f.perimeter() == null ? "" : f.perimeter(),
                  p -> p.isEmpty() ? wholeFile(artifact.text()) : nameOf(artifact.text(), p));
      if (region != null) {
        g.writeObjectFieldStart("physicalLocation");
        g.writeObjectFieldStart("artifactLocation");
        g.writeStringField("uri", artifact.uri());
        g.writeEndObject();
        g.writeObjectFieldStart("region");
        g.writeNumberField("startLine", region[0]);
        g.writeNumberField("startColumn", region[1]);
        g.writeNumberField("endLine", region[2]);
        g.writeNumberField("endColumn", region[3]);
        g.writeEndObject();
        g.writeEndObject();
      }
      logicalLocation(g, projectResource, f.perimeter(), f.resource());
      g.writeEndObject();
      g.writeEndArray();
      fingerprint(
          g,
          projectResource,
          f.mode().label(),
          f.perimeter(),
          f.rule().id(),
          f.service(),
          f.resource());
      g.writeObjectFieldStart("properties");
      g.writeStringField("mode", f.mode().label());
      g.writeStringField("severity", f.severity().label());
      if (f.service() != null) {
        g.writeStringField("service", f.service());
      }
      if (f.resource() != null) {
        g.writeStringField("resource", f.resource());
      }
      // The remedy at each stage, as in the JSON report (SARIF "fixes" would need file edits).
      g.writeObjectFieldStart("remedy");
      JsonReport.writeRemedy(g, "dry-run", f.remedies().dryRun(), m);
      JsonReport.writeRemedy(g, "enforce", f.remedies().enforce(), m);
      g.writeEndObject();
      g.writeEndObject();
      g.writeEndObject();
    }
    if (result.baseline() != null) {
      // Findings of the baseline that are gone: SARIF's baselineState "absent".
      for (dev.vpcscaudit.audit.Baseline.Previous p : result.baseline().absent()) {
        dev.vpcscaudit.audit.Rule rule = Rules.byId(p.ruleId());
        g.writeStartObject();
        g.writeStringField("ruleId", p.ruleId());
        if (rule != null) {
          g.writeNumberField("ruleIndex", Rules.index(rule));
        }
        g.writeStringField("level", "none");
        g.writeObjectFieldStart("message");
        g.writeStringField("text", m.get("sarif.absent", p.message(), p.mode()));
        g.writeEndObject();
        g.writeStringField("baselineState", "absent");
        g.writeArrayFieldStart("locations");
        g.writeStartObject();
        logicalLocation(g, projectResource, p.perimeter(), p.resource());
        g.writeEndObject();
        g.writeEndArray();
        fingerprint(
            g, projectResource, p.mode(), p.perimeter(), p.ruleId(), p.service(), p.resource());
        g.writeEndObject();
      }
    }
  }

  /** A result's logical location: the resource, else the perimeter, else the project. */
  private static void logicalLocation(
      JsonGenerator g, String projectResource, String perimeter, String resource)
      throws IOException {
    g.writeArrayFieldStart("logicalLocations");
    g.writeStartObject();
    g.writeStringField(
        "fullyQualifiedName",
        resource != null ? resource : perimeter == null ? projectResource : perimeter);
    g.writeStringField("kind", "resource");
    g.writeEndObject();
    g.writeEndArray();
  }

  /**
   * The finding's stable identity across runs: project, mode, perimeter, rule, service (and the
   * resource, when there is one).
   */
  private static void fingerprint(
      JsonGenerator g,
      String projectResource,
      String mode,
      String perimeter,
      String ruleId,
      String service,
      String resource)
      throws IOException {
    g.writeObjectFieldStart("partialFingerprints");
    g.writeStringField(
        FINGERPRINT,
        String.join(
                "|",
                projectResource,
                mode,
                perimeter == null ? "" : perimeter,
                ruleId,
                service == null ? "" : service)
            + (resource == null ? "" : "|" + resource));
    g.writeEndObject();
  }

  /** The region (1-based; end column after the last character) of the whole text. */
  static int[] wholeFile(String text) {
    String[] lines = text.split("\n", -1);
    int last = lines.length;
    while (last > 1 && lines[last - 1].isEmpty()) {
      last--;
    }
    return new int[] {1, 1, last, lines[last - 1].length() + 1};
  }

  /** The region of the perimeter's {@code "name"} value in the export, or the whole file. */
  static int[] nameOf(String text, String perimeter) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile(
                "\"name\"\\s*:\\s*(\"" + java.util.regex.Pattern.quote(perimeter) + "\")")
            .matcher(text);
    if (!m.find()) {
      return wholeFile(text);
    }
    int start = m.start(1);
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < start; i++) {
      if (text.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    int column = start - lineStart + 1;
    return new int[] {line, column, line, column + m.group(1).length()};
  }

  static String level(Severity s) {
    return switch (s) {
      case ERROR -> "error";
      case WARNING -> "warning";
      case INFO -> "note";
    };
  }

  private static String pascal(String id) {
    StringBuilder out = new StringBuilder();
    for (String part : id.split("-")) {
      out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
    }
    return out.toString();
  }
}
