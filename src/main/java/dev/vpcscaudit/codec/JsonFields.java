package dev.vpcscaudit.codec;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vpcscaudit.error.BadInputException;
import dev.vpcscaudit.i18n.Text;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Typed, path-tracking reads of one JSON object. Every wrong type is reported with the source and
 * the JSON path ({@code perimeters.json: [2].status.resources[0]: expected a string, got a
 * number}); fields that no read asked for are collected as unmodeled paths.
 */
final class JsonFields {

  private final JsonNode node;
  private final String path;
  private final String source;
  private final List<String> unmodeled;
  private final Set<String> read = new HashSet<>();

  private JsonFields(JsonNode node, String path, String source, List<String> unmodeled) {
    this.node = node;
    this.path = path;
    this.source = source;
    this.unmodeled = unmodeled;
  }

  /**
   * Wraps {@code node}, which must be an object. Fields of it (and of nested objects) that no read
   * asks for are added to {@code unmodeled} by {@link #read}.
   */
  static <T> T read(
      JsonNode node,
      String path,
      String source,
      List<String> unmodeled,
      Function<JsonFields, T> reader) {
    if (!node.isObject()) {
      throw error(source, path, Text.of("json.expected-object", describe(node)));
    }
    JsonFields fields = new JsonFields(node, path, source, unmodeled);
    T value = reader.apply(fields);
    fields.collectUnread();
    return value;
  }

  String path() {
    return path;
  }

  String source() {
    return source;
  }

  boolean has(String key) {
    JsonNode v = node.get(key);
    return v != null && !v.isNull();
  }

  /** A string field; null when absent or JSON null. */
  String string(String key) {
    JsonNode v = field(key);
    if (v == null) {
      return null;
    }
    if (!v.isTextual()) {
      throw error(source, child(key), Text.of("json.expected-string", describe(v)));
    }
    return v.textValue();
  }

  /** A required, non-empty string field. */
  String requiredString(String key) {
    String v = string(key);
    if (v == null || v.isEmpty()) {
      throw error(source, path.isEmpty() ? key : path, Text.of("json.missing-field", key));
    }
    return v;
  }

  /** A boolean field; false when absent. */
  boolean bool(String key) {
    JsonNode v = field(key);
    if (v == null) {
      return false;
    }
    if (!v.isBoolean()) {
      throw error(source, child(key), Text.of("json.expected-boolean", describe(v)));
    }
    return v.booleanValue();
  }

  /** A list of strings; empty when absent. */
  List<String> strings(String key) {
    return list(
        key,
        (element, elementPath) -> {
          if (!element.isTextual()) {
            throw error(source, elementPath, Text.of("json.expected-string", describe(element)));
          }
          return element.textValue();
        });
  }

  /** A nested object read by {@code reader}; null when absent. */
  <T> T object(String key, Function<JsonFields, T> reader) {
    JsonNode v = field(key);
    if (v == null) {
      return null;
    }
    return read(v, child(key), source, unmodeled, reader);
  }

  /** A list of objects, each read by {@code reader}; empty when absent. */
  <T> List<T> objects(String key, Function<JsonFields, T> reader) {
    return list(
        key, (element, elementPath) -> read(element, elementPath, source, unmodeled, reader));
  }

  private <T> List<T> list(String key, BiFunction<JsonNode, String, T> elementReader) {
    JsonNode v = field(key);
    if (v == null) {
      return List.of();
    }
    String listPath = child(key);
    if (!v.isArray()) {
      throw error(source, listPath, Text.of("json.expected-list", describe(v)));
    }
    List<T> out = new ArrayList<>(v.size());
    for (int i = 0; i < v.size(); i++) {
      out.add(elementReader.apply(v.get(i), listPath + "[" + i + "]"));
    }
    return out;
  }

  private void collectUnread() {
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!read.contains(name)) {
        unmodeled.add(child(name));
      }
    }
  }

  private JsonNode field(String key) {
    read.add(key);
    JsonNode v = node.get(key);
    return v == null || v.isNull() ? null : v;
  }

  private String child(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  /** {@code SOURCE: PATH: message}, or {@code SOURCE: message} at the top of the document. */
  static BadInputException error(String source, String path, Text message) {
    return BadInputException.at(
        source, path.isEmpty() ? message : Text.of("input.at", path, message));
  }

  /** What a value is, for an error ("a string", "a list"...). */
  static Text describe(JsonNode node) {
    if (node.isTextual()) {
      return Text.of("json.a-string");
    }
    if (node.isNumber()) {
      return Text.of("json.a-number");
    }
    if (node.isBoolean()) {
      return Text.of("json.a-boolean");
    }
    if (node.isArray()) {
      return Text.of("json.a-list");
    }
    if (node.isObject()) {
      return Text.of("json.an-object");
    }
    return Text.of("json.null");
  }
}
