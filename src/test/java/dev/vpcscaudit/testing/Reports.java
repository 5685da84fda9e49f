package dev.vpcscaudit.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** What tests read from a JSON report. */
public final class Reports {

  private Reports() {}

  /** The findings of {@code rule} in a one-project JSON report, in report order. */
  public static List<JsonNode> findings(JsonNode report, String rule) {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode f : report.path("findings")) {
      if (f.path("ruleId").asText().equals(rule)) {
        out.add(f);
      }
    }
    return out;
  }
}
