package dev.vpcscaudit.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.vpcscaudit.ToolVersion;
import dev.vpcscaudit.audit.AuditResult;
import dev.vpcscaudit.audit.Finding;
import dev.vpcscaudit.audit.Rule;
import dev.vpcscaudit.audit.Rules;
import dev.vpcscaudit.audit.Severity;
import dev.vpcscaudit.files.JsonStyle;
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

  private static final JsonMapper MAPPER = new JsonMapper();

  private SarifReport() {}

  /**
   * @param artifactUri the audited file as given to {@code --from-file} (a relative path keeps
   *     fingerprints stable across machines), or null for a live audit
   */
  public static String render(AuditResult result, String toolVersion, String artifactUri) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = MAPPER.createGenerator(out).setPrettyPrinter(JsonStyle.printer())) {
      g.writeStartObject();
      g.writeStringField("$schema", SCHEMA);
      g.writeStringField("version", "2.1.0");
      g.writeArrayFieldStart("runs");
      g.writeStartObject();

      g.writeObjectFieldStart("tool");
      g.writeObjectFieldStart("driver");
      g.writeStringField("name", ToolVersion.NAME);
      g.writeStringField("version", toolVersion);
      g.writeArrayFieldStart("rules");
      for (Rule rule : Rules.ALL) {
        g.writeStartObject();
        g.writeStringField("id", rule.id());
        g.writeStringField("name", pascal(rule.id()));
        g.writeObjectFieldStart("shortDescription");
        g.writeStringField("text", rule.title());
        g.writeEndObject();
        g.writeObjectFieldStart("help");
        g.writeStringField("text", rule.help());
        g.writeEndObject();
        g.writeObjectFieldStart("defaultConfiguration");
        g.writeStringField("level", "error");
        g.writeEndObject();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
      g.writeEndObject();

      if (artifactUri != null) {
        g.writeArrayFieldStart("artifacts");
        g.writeStartObject();
        g.writeObjectFieldStart("location");
        g.writeStringField("uri", artifactUri);
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndArray();
      }

      g.writeArrayFieldStart("results");
      String projectResource = "projects/" + result.project().number();
      for (Finding f : result.findings()) {
        g.writeStartObject();
        g.writeStringField("ruleId", f.rule().id());
        g.writeNumberField("ruleIndex", Rules.index(f.rule()));
        g.writeStringField("level", level(f.severity()));
        g.writeObjectFieldStart("message");
        g.writeStringField("text", f.message() + " (" + f.mode().label() + ")");
        g.writeEndObject();
        g.writeArrayFieldStart("locations");
        g.writeStartObject();
        if (artifactUri != null) {
          g.writeObjectFieldStart("physicalLocation");
          g.writeObjectFieldStart("artifactLocation");
          g.writeStringField("uri", artifactUri);
          g.writeNumberField("index", 0);
          g.writeEndObject();
          g.writeEndObject();
        }
        g.writeArrayFieldStart("logicalLocations");
        g.writeStartObject();
        g.writeStringField(
            "fullyQualifiedName", f.perimeter() == null ? projectResource : f.perimeter());
        g.writeStringField("kind", "resource");
        g.writeEndObject();
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndArray();
        g.writeObjectFieldStart("partialFingerprints");
        g.writeStringField(
            FINGERPRINT,
            String.join(
                "|",
                projectResource,
                f.mode().label(),
                f.perimeter() == null ? "" : f.perimeter(),
                f.rule().id(),
                f.service() == null ? "" : f.service()));
        g.writeEndObject();
        g.writeObjectFieldStart("properties");
        g.writeStringField("mode", f.mode().label());
        g.writeStringField("severity", f.severity().label());
        if (f.service() != null) {
          g.writeStringField("service", f.service());
        }
        g.writeEndObject();
        g.writeEndObject();
      }
      g.writeEndArray();

      g.writeObjectFieldStart("properties");
      g.writeStringField("project", projectResource);
      g.writeStringField("profile", result.profile().name());
      g.writeStringField("source", result.source());
      g.writeBooleanField("compliant", result.compliant());
      g.writeEndObject();

      g.writeEndObject();
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out + "\n";
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
