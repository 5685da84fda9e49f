package dev.vpcscaudit.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.vpcscaudit.ToolVersion;
import dev.vpcscaudit.audit.AuditResult;
import dev.vpcscaudit.audit.Finding;
import dev.vpcscaudit.audit.Mode;
import dev.vpcscaudit.audit.PerimeterMembership;
import dev.vpcscaudit.audit.Severity;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * Renders the contract's JSON report (schema version 1). Field order is fixed; output ends with a
 * newline.
 */
public final class JsonReport {

  public static final String SCHEMA_VERSION = "1";

  private JsonReport() {}

  public static String render(AuditResult result, String toolVersion) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = dev.vpcscaudit.codec.JsonTrees.generator(out)) {
      g.writeStartObject();
      g.writeStringField("schemaVersion", SCHEMA_VERSION);
      g.writeObjectFieldStart("tool");
      g.writeStringField("name", ToolVersion.NAME);
      g.writeStringField("version", toolVersion);
      g.writeEndObject();
      g.writeObjectFieldStart("project");
      g.writeStringField("id", result.project().id());
      g.writeStringField("number", result.project().number());
      g.writeEndObject();
      g.writeStringField("profile", result.profile().name());
      g.writeStringField("source", result.source());
      g.writeBooleanField("servicesChecked", result.servicesChecked());
      g.writeBooleanField("dnsChecked", result.dnsChecked());
      g.writeStringField("network", result.networkChecked());
      writePerimetersAndFindings(g, result);
      writeSummary(g, result);
      g.writeBooleanField("compliant", result.compliant());
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out + "\n";
  }

  /** The {@code perimeters} and {@code findings} fields of one project's report. */
  static void writePerimetersAndFindings(JsonGenerator g, AuditResult result) throws IOException {
    g.writeArrayFieldStart("perimeters");
    for (PerimeterMembership m : result.perimeters()) {
      g.writeStartObject();
      g.writeStringField("name", m.name());
      g.writeStringField("type", m.type().label());
      g.writeArrayFieldStart("modes");
      for (Mode mode : m.modes()) {
        g.writeString(mode.label());
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("findings");
    for (Finding f : result.findings()) {
      g.writeStartObject();
      g.writeStringField("ruleId", f.rule().id());
      g.writeStringField("severity", f.severity().label());
      g.writeStringField("mode", f.mode().label());
      g.writeStringField("perimeter", f.perimeter());
      g.writeStringField("service", f.service());
      g.writeStringField("resource", f.resource());
      g.writeStringField("message", f.message());
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  /** The {@code summary} field of one project's report. */
  static void writeSummary(JsonGenerator g, AuditResult result) throws IOException {
    g.writeObjectFieldStart("summary");
    for (Severity s : Severity.values()) {
      g.writeNumberField(s.label(), result.count(s));
    }
    g.writeEndObject();
  }
}
