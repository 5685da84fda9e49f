package dev.vpcscaudit.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.vpcscaudit.ToolVersion;
import dev.vpcscaudit.audit.AuditResult;
import dev.vpcscaudit.audit.Baseline;
import dev.vpcscaudit.audit.Edit;
import dev.vpcscaudit.audit.Finding;
import dev.vpcscaudit.audit.FixAction;
import dev.vpcscaudit.audit.Mode;
import dev.vpcscaudit.audit.PerimeterMembership;
import dev.vpcscaudit.audit.Remedy;
import dev.vpcscaudit.audit.Severity;
import dev.vpcscaudit.i18n.Messages;
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
    return render(result, toolVersion, Messages.EN);
  }

  /**
   * As {@link #render(AuditResult, String)}, the message text in the language of {@code m}, which
   * the report names in {@code language}; nothing else differs between languages.
   */
  public static String render(AuditResult result, String toolVersion, Messages m) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = dev.vpcscaudit.codec.JsonTrees.generator(out)) {
      g.writeStartObject();
      g.writeStringField("schemaVersion", SCHEMA_VERSION);
      g.writeObjectFieldStart("tool");
      g.writeStringField("name", ToolVersion.NAME);
      g.writeStringField("version", toolVersion);
      g.writeEndObject();
      g.writeStringField("language", m.lang().code());
      g.writeObjectFieldStart("project");
      g.writeStringField("id", result.project().id());
      g.writeStringField("number", result.project().number());
      g.writeEndObject();
      g.writeStringField("profile", result.profile().name());
      g.writeStringField("source", result.source());
      g.writeBooleanField("servicesChecked", result.servicesChecked());
      g.writeBooleanField("dnsChecked", result.dnsChecked());
      g.writeStringField("network", result.networkChecked());
      writePerimetersAndFindings(g, result, m);
      writeSummary(g, result);
      g.writeBooleanField("compliant", result.compliant());
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out + "\n";
  }

  /**
   * The {@code coverage}, {@code perimeters} and {@code findings} fields of one project's report:
   * coverage maps each check of the audit to whether it ran, so that "compliant" says what it
   * covers.
   */
  static void writePerimetersAndFindings(JsonGenerator g, AuditResult result, Messages m)
      throws IOException {
    writeCoverage(g, result);
    if (result.violationsRead() != null) {
      g.writeStringField("auditLogs", result.violationsRead().in(m));
    }
    g.writeArrayFieldStart("perimeters");
    for (PerimeterMembership p : result.perimeters()) {
      g.writeStartObject();
      g.writeStringField("name", p.name());
      g.writeStringField("type", p.type().label());
      g.writeArrayFieldStart("modes");
      for (Mode mode : p.modes()) {
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
      g.writeStringField("message", f.message().in(m));
      if (result.baselineState(f) != null) {
        g.writeStringField("baselineState", result.baselineState(f).label());
      }
      dev.vpcscaudit.audit.Acceptances.Entry accepted = result.acceptance(f);
      if (accepted != null) {
        g.writeObjectFieldStart("accepted");
        g.writeStringField("reason", accepted.reason());
        g.writeStringField("expires", accepted.expires().toString());
        g.writeEndObject();
      }
      g.writeObjectFieldStart("remedy");
      writeRemedy(g, "dry-run", f.remedies().dryRun(), m);
      writeRemedy(g, "enforce", f.remedies().enforce(), m);
      g.writeEndObject();
      g.writeEndObject();
    }
    g.writeEndArray();
    if (result.baseline() != null) {
      Baseline.Comparison b = result.baseline();
      g.writeObjectFieldStart("baseline");
      g.writeStringField("file", b.file());
      g.writeNumberField("new", b.count(Baseline.State.NEW));
      g.writeNumberField("unchanged", b.count(Baseline.State.UNCHANGED));
      g.writeNumberField("absent", b.count(Baseline.State.ABSENT));
      g.writeArrayFieldStart("absentFindings");
      for (Baseline.Previous p : b.absent()) {
        g.writeStartObject();
        g.writeStringField("ruleId", p.ruleId());
        g.writeStringField("severity", p.severity());
        g.writeStringField("mode", p.mode());
        g.writeStringField("perimeter", p.perimeter());
        g.writeStringField("service", p.service());
        g.writeStringField("resource", p.resource());
        g.writeStringField("message", p.message());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
  }

  /** The {@code coverage} object: each check of the audit and whether it ran. */
  static void writeCoverage(JsonGenerator g, AuditResult result) throws IOException {
    g.writeObjectFieldStart("coverage");
    for (java.util.Map.Entry<String, Boolean> c : result.coverage().entrySet()) {
      g.writeBooleanField(c.getKey(), c.getValue());
    }
    g.writeEndObject();
  }

  /**
   * A remedy at one stage, as the text report's "To fix" shows it: {@code fix} with its additive
   * actions, {@code network-fix} with its gcloud commands, {@code manual} with the reason and the
   * step, or {@code needs-choice} with what to choose.
   */
  static void writeRemedy(JsonGenerator g, String stage, Remedy remedy, Messages m)
      throws IOException {
    g.writeObjectFieldStart(stage);
    if (remedy instanceof Remedy.Fix fix) {
      g.writeStringField("kind", "fix");
      g.writeArrayFieldStart("actions");
      for (FixAction a : fix.actions()) {
        g.writeStartObject();
        g.writeStringField("action", action(a.edit()));
        g.writeStringField("perimeter", a.perimeter());
        g.writeStringField("config", a.target().field());
        g.writeStringField("value", value(a.edit()));
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeStringField("note", fix.note().in(m));
    } else if (remedy instanceof Remedy.NetworkFix fix) {
      g.writeStringField("kind", "network-fix");
      g.writeArrayFieldStart("commands");
      for (String command : fix.commands()) {
        g.writeString(command);
      }
      g.writeEndArray();
    } else if (remedy instanceof Remedy.Manual manual) {
      g.writeStringField("kind", "manual");
      g.writeStringField("reason", manual.reason().in(m));
      g.writeStringField("step", manual.step().in(m));
    } else if (remedy instanceof Remedy.NeedsChoice choice) {
      g.writeStringField("kind", "needs-choice");
      g.writeStringField("message", choice.message().in(m));
    }
    g.writeEndObject();
  }

  private static String action(Edit e) {
    if (e instanceof Edit.AddResource) {
      return "add-resource";
    }
    if (e instanceof Edit.AddRestrictedService) {
      return "add-restricted-service";
    }
    if (e instanceof Edit.EnableVpcRestriction) {
      return "enable-vpc-accessible-services";
    }
    return "add-vpc-allowed-service";
  }

  private static String value(Edit e) {
    if (e instanceof Edit.AddResource r) {
      return r.resource();
    }
    if (e instanceof Edit.AddRestrictedService r) {
      return r.service();
    }
    if (e instanceof Edit.AddVpcAllowedService r) {
      return r.service();
    }
    return null;
  }

  /** The {@code summary} field of one project's report. */
  static void writeSummary(JsonGenerator g, AuditResult result) throws IOException {
    g.writeObjectFieldStart("summary");
    for (Severity s : Severity.values()) {
      g.writeNumberField(s.label(), result.count(s));
    }
    if (result.acceptedCount() > 0) {
      g.writeNumberField("accepted", result.acceptedCount());
    }
    g.writeEndObject();
  }
}
