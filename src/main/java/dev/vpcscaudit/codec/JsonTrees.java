package dev.vpcscaudit.codec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vpcscaudit.files.JsonStyle;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * JSON (and YAML) trees read from and written to Jackson's streaming parser and generator, without
 * an {@code ObjectMapper}: its static set-up (date formats, locales, type caches) costs a
 * short-lived CLI about 20 ms before the first byte is read, and a tree needs none of it.
 *
 * <p>Trees are what {@code ObjectMapper.readTree} builds: ints, longs and big integers as such,
 * other numbers as doubles.
 */
public final class JsonTrees {

  /** Every JSON read: a key twice in one object is an error, locations quote the source. */
  public static final JsonFactory JSON =
      JsonFactory.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
          .build();

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private JsonTrees() {}

  /**
   * The value at the parser's current token (or the next one when there is none yet), whole; the
   * parser is left on its last token. Null at the end of the input.
   */
  public static JsonNode read(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    if (t == null) {
      t = p.nextToken();
      if (t == null) {
        return null;
      }
    }
    return value(p, t);
  }

  /**
   * One JSON value that is the whole of {@code text}; null for blank text.
   *
   * @throws com.fasterxml.jackson.core.JsonProcessingException when it is not JSON or has content
   *     after the value
   */
  public static JsonNode parse(String text) throws IOException {
    try (JsonParser p = JSON.createParser(text)) {
      JsonNode root = read(p);
      if (root != null && p.nextToken() != null) {
        throw new com.fasterxml.jackson.core.JsonParseException(
            p, "unexpected content after the JSON value");
      }
      return root;
    }
  }

  /**
   * The first JSON value of {@code text}, which a server or a library wrote (an error body): what
   * follows it is ignored, and text that does not start with JSON is a missing node.
   */
  public static JsonNode first(String text) {
    try (JsonParser p = JSON.createParser(text)) {
      JsonNode n = read(p);
      return n == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : n;
    } catch (IOException e) {
      return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }
  }

  /** {@code node} pretty-printed in the house style ({@link JsonStyle}), ending with a newline. */
  public static String pretty(JsonNode node) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = generator(out)) {
      write(g, node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out + "\n";
  }

  /** A generator writing pretty-printed JSON in the house style to {@code out}. */
  public static JsonGenerator generator(java.io.Writer out) throws IOException {
    DefaultPrettyPrinter pretty = JsonStyle.printer();
    return JSON.createGenerator(out).setPrettyPrinter(pretty);
  }

  /** Writes the tree {@code node} to {@code g}. */
  public static void write(JsonGenerator g, JsonNode node) throws IOException {
    switch (node.getNodeType()) {
      case OBJECT:
        g.writeStartObject();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
          g.writeFieldName(e.getKey());
          write(g, e.getValue());
        }
        g.writeEndObject();
        break;
      case ARRAY:
        g.writeStartArray();
        for (JsonNode n : node) {
          write(g, n);
        }
        g.writeEndArray();
        break;
      case STRING:
        g.writeString(node.textValue());
        break;
      case BOOLEAN:
        g.writeBoolean(node.booleanValue());
        break;
      case NULL:
        g.writeNull();
        break;
      case NUMBER:
        writeNumber(g, node);
        break;
      default:
        // MISSING, BINARY and POJO nodes are never built by this tool's readers and writers.
        throw new IllegalArgumentException("cannot write a " + node.getNodeType() + " node");
    }
  }

  private static void writeNumber(JsonGenerator g, JsonNode node) throws IOException {
    if (node.isInt()) {
      g.writeNumber(node.intValue());
    } else if (node.isLong()) {
      g.writeNumber(node.longValue());
    } else if (node.isBigInteger()) {
      g.writeNumber(node.bigIntegerValue());
    } else if (node.isBigDecimal()) {
      g.writeNumber(node.decimalValue());
    } else {
      g.writeNumber(node.doubleValue());
    }
  }

  private static JsonNode value(JsonParser p, JsonToken t) throws IOException {
    switch (t) {
      case START_OBJECT:
        return object(p);
      case START_ARRAY:
        return array(p);
      case VALUE_STRING:
        return NODES.textNode(unicode(p, p.getText()));
      case VALUE_NUMBER_INT:
        switch (p.getNumberType()) {
          case INT:
            return NODES.numberNode(p.getIntValue());
          case LONG:
            return NODES.numberNode(p.getLongValue());
          default:
            return NODES.numberNode(p.getBigIntegerValue());
        }
      case VALUE_NUMBER_FLOAT:
        return NODES.numberNode(p.getDoubleValue());
      case VALUE_TRUE:
        return NODES.booleanNode(true);
      case VALUE_FALSE:
        return NODES.booleanNode(false);
      case VALUE_NULL:
        return NODES.nullNode();
      default:
        throw new com.fasterxml.jackson.core.JsonParseException(p, "unexpected token " + t);
    }
  }

  /**
   * Refuses a string that is not Unicode text: a lone surrogate (U+D800 escaped on its own in JSON)
   * cannot be written as UTF-8, so it would fail every report, or be changed silently, far from
   * here.
   */
  private static String unicode(JsonParser p, String s) throws IOException {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw new com.fasterxml.jackson.core.JsonParseException(
            p,
            String.format(
                "a string holds a lone surrogate (\\u%04X), which is not Unicode text", (int) c));
      }
    }
    return s;
  }

  private static ObjectNode object(JsonParser p) throws IOException {
    ObjectNode out = NODES.objectNode();
    JsonToken t;
    while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
      String key = unicode(p, p.currentName());
      out.set(key, value(p, p.nextToken()));
    }
    if (t != JsonToken.END_OBJECT) {
      throw new com.fasterxml.jackson.core.JsonParseException(p, "unexpected token " + t);
    }
    return out;
  }

  private static ArrayNode array(JsonParser p) throws IOException {
    ArrayNode out = NODES.arrayNode();
    JsonToken t;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      if (t == null) {
        throw new com.fasterxml.jackson.core.JsonParseException(p, "unexpected end of input");
      }
      out.add(value(p, t));
    }
    return out;
  }
}
