package dev.vpcscaudit.gcp;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The structured error body of a Google API ({@code google.rpc.Status} as REST JSON, AIP-193):
 *
 * <pre>
 * {"error": {"code": 403, "status": "PERMISSION_DENIED", "message": "...",
 *   "details": [
 *     {"@type": "type.googleapis.com/google.rpc.ErrorInfo", "reason": "SERVICE_DISABLED",
 *      "domain": "googleapis.com", "metadata": {"consumer": "projects/123", "service": "..."}},
 *     {"@type": "type.googleapis.com/google.rpc.PreconditionFailure",
 *      "violations": [{"type": "VPC_SERVICE_CONTROLS", "description": "UNIQUE_ID"}]}]}}
 * </pre>
 *
 * Failures are classified from {@code status}, the ErrorInfo {@code reason}s and the violation
 * {@code type}s, never by searching the message text.
 *
 * @param status e.g. {@code PERMISSION_DENIED}; empty when the body is not a structured error
 * @param message {@code error.message}, or the body's first line when it is not JSON
 * @param reasons ErrorInfo reason to its metadata
 * @param violations PreconditionFailure violation type to its description
 */
record GoogleApiError(
    String status,
    String message,
    Map<String, Map<String, String>> reasons,
    Map<String, String> violations) {

  static final String ERROR_INFO = "type.googleapis.com/google.rpc.ErrorInfo";
  static final String PRECONDITION_FAILURE = "type.googleapis.com/google.rpc.PreconditionFailure";

  /** Parses {@code body}; anything that is not a Google error yields empty fields. */
  static GoogleApiError parse(String body) {
    Map<String, Map<String, String>> reasons = new TreeMap<>();
    Map<String, String> violations = new TreeMap<>();
    if (body == null || body.isBlank()) {
      return new GoogleApiError("", "", reasons, violations);
    }
    int brace = body.indexOf('{');
    if (brace >= 0) {
      JsonNode error = dev.vpcscaudit.codec.JsonTrees.first(body.substring(brace)).path("error");
      if (error.isObject()) {
        for (JsonNode d : error.path("details")) {
          String type = d.path("@type").asText("");
          if (type.equals(ERROR_INFO) && d.path("reason").isTextual()) {
            Map<String, String> metadata = new TreeMap<>();
            for (Map.Entry<String, JsonNode> e : d.path("metadata").properties()) {
              metadata.put(e.getKey(), e.getValue().asText());
            }
            reasons.put(d.path("reason").asText(), metadata);
          } else if (type.equals(PRECONDITION_FAILURE)) {
            for (JsonNode v : d.path("violations")) {
              violations.put(v.path("type").asText(""), v.path("description").asText(""));
            }
          }
        }
        return new GoogleApiError(
            error.path("status").asText(""), error.path("message").asText(""), reasons, violations);
      }
    }
    // Not a Google error: the first line of the body.
    String line = body.strip().lines().findFirst().orElse("");
    return new GoogleApiError(
        "", line.length() > 300 ? line.substring(0, 300) + "..." : line, reasons, violations);
  }

  /** True when a VPC Service Controls perimeter denied the request. */
  boolean blockedByPerimeter() {
    return violations.containsKey("VPC_SERVICE_CONTROLS")
        || reasons.containsKey("SECURITY_POLICY_VIOLATED")
        || reasons.containsKey("VPC_SERVICE_CONTROLS");
  }

  /** The perimeter denial's unique identifier (for the audit logs), or empty. */
  String perimeterDenialId() {
    List<String> ids = new ArrayList<>();
    ids.add(violations.getOrDefault("VPC_SERVICE_CONTROLS", ""));
    for (String reason : List.of("SECURITY_POLICY_VIOLATED", "VPC_SERVICE_CONTROLS")) {
      Map<String, String> m = reasons.getOrDefault(reason, Map.of());
      ids.add(m.getOrDefault("uid", ""));
      ids.add(m.getOrDefault("vpcServiceControlsUniqueIdentifier", ""));
    }
    return ids.stream().filter(s -> !s.isEmpty()).findFirst().orElse("");
  }
}
