package dev.vpcscaudit.testing;

import com.bertramlabs.plugins.hcl4j.HCLParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vpcscaudit.codec.PerimeterJsonReader;
import dev.vpcscaudit.model.ServicePerimeter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses generated Terraform with a real HCL parser (hcl4j) and turns each {@code
 * google_access_context_manager_service_perimeter} back into our model, through the REST JSON
 * reader, so tests compare what Terraform would be told with what was read.
 */
public final class HclModel {

  /** Blocks that may repeat, which hcl4j gives as a map when there is one. */
  private static final Set<String> REPEATED =
      Set.of(
          "ingressPolicies",
          "egressPolicies",
          "sources",
          "operations",
          "methodSelectors",
          "allowedServicePatterns",
          "modifiers");

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private HclModel() {}

  /** The parsed file: resources by address and the import blocks' {@code to -> id}. */
  public record Parsed(Map<String, ServicePerimeter> resources, Map<String, String> imports) {}

  @SuppressWarnings("unchecked")
  public static Parsed parse(String hcl) throws Exception {
    Map<String, Object> root = new HCLParser().parse(hcl);
    Map<String, ServicePerimeter> out = new java.util.LinkedHashMap<>();
    Object resources = root.get("resource");
    if (resources instanceof Map<?, ?> byType) {
      Map<String, Object> perimeters =
          (Map<String, Object>) byType.get("google_access_context_manager_service_perimeter");
      if (perimeters != null) {
        for (Map.Entry<String, Object> e : perimeters.entrySet()) {
          ObjectNode json = (ObjectNode) toJson(e.getValue(), "");
          json.remove("parent");
          String text = new ObjectMapper().writeValueAsString(json);
          out.put(
              e.getKey(),
              PerimeterJsonReader.readPerimeter(
                  PerimeterJsonReader.parseTree(text, "hcl"), "", "hcl"));
        }
      }
    }
    Map<String, String> imports = new java.util.LinkedHashMap<>();
    Object imp = root.get("import");
    List<Object> blocks =
        imp instanceof List<?> l ? (List<Object>) l : imp == null ? List.of() : List.of(imp);
    for (Object b : blocks) {
      Map<String, Object> m = (Map<String, Object>) b;
      imports.put(String.valueOf(m.get("to")), decode(String.valueOf(m.get("id"))));
    }
    return new Parsed(out, imports);
  }

  /** HCL template escapes that hcl4j leaves in place: {@code $${} is a literal {@code ${}. */
  static String decode(String s) {
    return s.replace("$${", "${").replace("%%{", "%{");
  }

  @SuppressWarnings("unchecked")
  private static JsonNode toJson(Object value, String key) {
    if (value instanceof Map<?, ?> map) {
      if (REPEATED.contains(key)) {
        ArrayNode a = NODES.arrayNode();
        a.add(toJson(value, ""));
        return a;
      }
      ObjectNode o = NODES.objectNode();
      for (Map.Entry<String, Object> e : ((Map<String, Object>) map).entrySet()) {
        String camel = camel(e.getKey());
        o.set(camel, toJson(e.getValue(), camel));
      }
      return o;
    }
    if (value instanceof List<?> list) {
      ArrayNode a = NODES.arrayNode();
      List<Object> items = new ArrayList<>((List<Object>) list);
      for (Object item : items) {
        a.add(toJson(item, ""));
      }
      return a;
    }
    if (value instanceof Boolean b) {
      return NODES.booleanNode(b);
    }
    if (value instanceof Number n) {
      return NODES.numberNode(n.doubleValue());
    }
    return NODES.textNode(decode(String.valueOf(value)));
  }

  private static String camel(String snake) {
    StringBuilder out = new StringBuilder();
    boolean up = false;
    for (char c : snake.toCharArray()) {
      if (c == '_') {
        up = true;
      } else {
        out.append(up ? Character.toUpperCase(c) : c);
        up = false;
      }
    }
    return out.toString();
  }
}
