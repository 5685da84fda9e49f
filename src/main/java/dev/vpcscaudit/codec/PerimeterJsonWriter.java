package dev.vpcscaudit.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vpcscaudit.model.ServicePerimeter;
import dev.vpcscaudit.model.Wire;
import dev.vpcscaudit.model.WireEnum;
import dev.vpcscaudit.model.WireSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes perimeters back as the API's REST JSON, in the shape of {@code gcloud ... perimeters list
 * --format=json}: keys sorted, empty and default fields omitted. The inverse of {@link
 * PerimeterJsonReader}: reading the output gives the same perimeters.
 */
public final class PerimeterJsonWriter {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private PerimeterJsonWriter() {}

  /** A JSON array of {@code perimeters}, pretty-printed, ending with a newline. */
  public static String write(List<ServicePerimeter> perimeters) {
    ArrayNode array = NODES.arrayNode();
    for (ServicePerimeter p : perimeters) {
      array.add(toJson(p));
    }
    return JsonTrees.pretty(array);
  }

  /** One perimeter as a JSON object with sorted keys. */
  public static ObjectNode toJson(ServicePerimeter p) {
    return sorted(write(p));
  }

  /** Writes one record by the model's {@link Wire} definition; empty and default fields omitted. */
  private static ObjectNode write(Record r) {
    ObjectNode o = NODES.objectNode();
    for (WireSchema.Field field : WireSchema.of(r.getClass()).fields()) {
      Object value = field.get(r);
      if (field.isEmpty(value)) {
        continue;
      }
      String key = field.json();
      switch (field.kind()) {
        case STRING -> o.put(key, (String) value);
        case BOOL -> o.put(key, true);
        case ENUM -> o.put(key, ((WireEnum) value).apiValue());
        case STRING_LIST -> {
          ArrayNode a = o.putArray(key);
          ((List<?>) value).forEach(v -> a.add((String) v));
        }
        case RECORD -> o.set(key, write((Record) value));
        case RECORD_LIST -> {
          ArrayNode a = o.putArray(key);
          ((List<?>) value).forEach(v -> a.add(write((Record) v)));
        }
      }
    }
    return o;
  }

  /** A copy of {@code node} with the keys of every object sorted, as gcloud prints them. */
  private static ObjectNode sorted(ObjectNode node) {
    return (ObjectNode) sortAny(node);
  }

  private static JsonNode sortAny(JsonNode node) {
    if (node.isObject()) {
      Map<String, JsonNode> fields = new TreeMap<>();
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        fields.put(e.getKey(), sortAny(e.getValue()));
      }
      ObjectNode out = NODES.objectNode();
      fields.forEach(out::set);
      return out;
    }
    if (node.isArray()) {
      List<JsonNode> items = new ArrayList<>();
      node.forEach(n -> items.add(sortAny(n)));
      ArrayNode out = NODES.arrayNode();
      out.addAll(items);
      return out;
    }
    return node;
  }
}
