package dev.vpcscaudit.codec;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vpcscaudit.error.BadInputException;
import dev.vpcscaudit.files.InputFiles;
import dev.vpcscaudit.i18n.Text;
import dev.vpcscaudit.model.Violation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code --violations-file}: the JSON list printed by {@code gcloud logging read FILTER
 * --format=json} (Cloud Logging {@code LogEntry} objects), keeping the VPC Service Controls denials
 * (see {@link Violation}). An entry of another kind is counted and skipped; an entry of the right
 * kind without a timestamp or a service is bad input naming it.
 */
public final class ViolationLogReader {

  /** The {@code @type} of the metadata of a VPC Service Controls audit log entry. */
  public static final String METADATA_TYPE =
      "type.googleapis.com/google.cloud.audit.VpcServiceControlAuditMetadata";

  /**
   * The Logging query of the VPC Service Controls denials: the Policy Denied audit log, entries
   * with VPC Service Controls metadata (VPC-SC docs, "VPC Service Controls audit logging").
   * docs/checks.md gives it for {@code gcloud logging read}.
   */
  public static final String FILTER =
      "log_id(\"cloudaudit.googleapis.com/policy\") AND protoPayload.metadata.\"@type\"=\""
          + METADATA_TYPE
          + "\"";

  /** A saved read of the logs: 256 MiB holds millions of entries. */
  static final long MAX_BYTES = 256L * 1024 * 1024;

  /** What a file held: its denials, and how many entries were of another kind. */
  public record Read(List<Violation> violations, int skipped) {}

  private ViolationLogReader() {}

  public static Read readFile(Path file) {
    String label = "--violations-file " + file;
    JsonNode root =
        PerimeterJsonReader.parseTree(InputFiles.readText(file, label, MAX_BYTES), label);
    if (root == null || !root.isArray()) {
      throw BadInputException.at(
          label,
          Text.of(
              "json.expected-log-list",
              root == null ? Text.of("json.an-empty-file") : JsonFields.describe(root)));
    }
    return read(root, label);
  }

  /** The denials among {@code entries}, a JSON list of log entries. */
  public static Read read(JsonNode entries, String source) {
    List<Violation> out = new ArrayList<>();
    int skipped = 0;
    for (int i = 0; i < entries.size(); i++) {
      String at = "[" + i + "]";
      JsonNode e = entries.get(i);
      if (!e.isObject()) {
        throw JsonFields.error(
            source, at, Text.of("json.expected-log-entry", JsonFields.describe(e)));
      }
      JsonNode payload = e.path("protoPayload");
      JsonNode metadata = payload.path("metadata");
      if (!METADATA_TYPE.equals(metadata.path("@type").asText(null))) {
        skipped++;
        continue;
      }
      String timestamp = text(e, "timestamp");
      String service = text(payload, "serviceName");
      if (timestamp == null || service == null) {
        throw JsonFields.error(
            source,
            at,
            timestamp == null
                ? Text.of("json.log-entry-without-timestamp")
                : Text.of("json.log-entry-without-service"));
      }
      out.add(
          new Violation(
              timestamp,
              metadata.path("dryRun").asBoolean(false),
              perimeter(metadata),
              service,
              text(payload, "methodName"),
              text(payload.path("authenticationInfo"), "principalEmail"),
              text(payload.path("requestMetadata"), "callerIp"),
              text(payload.path("requestMetadata"), "callerNetwork"),
              text(metadata, "violationReason"),
              text(metadata, "vpcServiceControlsUniqueId")));
    }
    return new Read(List.copyOf(out), skipped);
  }

  /** The perimeter that denied: the policy info's, else the first ingress or egress violation's. */
  private static String perimeter(JsonNode metadata) {
    String p = text(metadata.path("securityPolicyInfo"), "servicePerimeterName");
    if (p != null) {
      return p;
    }
    for (String kind : List.of("ingressViolations", "egressViolations")) {
      for (JsonNode v : metadata.path(kind)) {
        String s = text(v, "servicePerimeter");
        if (s != null) {
          return s;
        }
      }
    }
    return null;
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.path(field);
    return v.isTextual() && !v.asText().isEmpty() ? v.asText() : null;
  }
}
