package dev.vpcscaudit.codec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.vpcscaudit.error.BadInputException;
import dev.vpcscaudit.i18n.Text;
import dev.vpcscaudit.model.ServicePerimeter;
import dev.vpcscaudit.model.Wire;
import dev.vpcscaudit.model.WireEnum;
import dev.vpcscaudit.model.WireSchema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads service perimeters from the Access Context Manager v1 REST JSON, the same JSON that {@code
 * gcloud access-context-manager perimeters list|describe --format=json} prints. The one parser for
 * file input and live reads; nothing outside this package sees JSON.
 *
 * <p>Accepted top-level shapes: a JSON array of perimeters ({@code perimeters list}), one perimeter
 * object ({@code perimeters describe}), or a {@code servicePerimeters.list} response ({@code
 * {"servicePerimeters": [...], "nextPageToken": "..."}}).
 */
public final class PerimeterJsonReader {

  /** {@code accessPolicies/POLICY/servicePerimeters/NAME}; NAME starts with a letter. */
  static final Pattern PERIMETER_NAME =
      Pattern.compile("accessPolicies/[0-9]+/servicePerimeters/[A-Za-z][A-Za-z0-9_]*");

  private PerimeterJsonReader() {}

  /**
   * Parses JSON text into a tree; malformed or empty text is bad input naming {@code source} and
   * the line and column.
   */
  public static JsonNode parseTree(String text, String source) {
    if (text.isBlank()) {
      throw BadInputException.at(source, Text.of("json.empty-file"));
    }
    try {
      JsonNode root = JsonTrees.parse(text);
      if (root == null || root.isMissingNode()) {
        throw BadInputException.at(source, Text.of("json.empty-file"));
      }
      return root;
    } catch (JsonProcessingException e) {
      throw notValidJson(source, e);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * Streams the perimeters of a document to {@code sink} one at a time: a top-level array is read
   * element by element (each element's tree is dropped once converted), so memory does not grow
   * with the file; the object shapes (one perimeter, an API list response) are read whole. Input
   * that is not UTF-8, not JSON or not of an accepted shape is bad input naming {@code source}.
   *
   * @return the number of perimeters read
   */
  public static int stream(
      java.io.InputStream in, String source, java.util.function.Consumer<ServicePerimeter> sink) {
    return stream(in, source, sink, assetType -> {}, level -> {});
  }

  /**
   * As {@link #stream(java.io.InputStream, String, java.util.function.Consumer)}; {@code skipped}
   * is told the asset type of every Cloud Asset Inventory asset that holds no perimeter and is not
   * an access policy or level (which are read elsewhere or not needed), so none passes unseen.
   */
  public static int stream(
      java.io.InputStream in,
      String source,
      java.util.function.Consumer<ServicePerimeter> sink,
      java.util.function.Consumer<String> skipped,
      java.util.function.Consumer<dev.vpcscaudit.model.AccessLevel> levels) {
    java.io.Reader reader =
        new java.io.BufferedReader(
            new java.io.InputStreamReader(
                in,
                java.nio.charset.StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)),
            1 << 16);
    // A perimeter given twice is read once when both copies are the same, and refused when they
    // differ: which one the export meant cannot be told. Only a digest of each copy's JSON is
    // kept (the JSON tree's hash: a record's hashCode would bootstrap method handles at start-up).
    java.util.Map<String, Integer> seen = new java.util.HashMap<>();
    java.util.function.BiConsumer<ServicePerimeter, JsonNode> unique =
        (p, json) -> {
          Integer before = seen.putIfAbsent(p.name(), json.hashCode());
          if (before == null) {
            sink.accept(p);
          } else if (before != json.hashCode()) {
            throw BadInputException.at(source, Text.of("json.perimeter-twice-different", p.name()));
          }
        };
    boolean yaml;
    try {
      yaml = looksLikeYaml(reader);
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new BadInputException(Text.of("file.not-utf8", source), e);
    } catch (java.io.IOException e) {
      throw dev.vpcscaudit.files.InputFiles.unreadable(source, e);
    }
    if (yaml) {
      streamYaml(reader, source, unique, skipped, levels);
      return seen.size();
    }
    try (JsonParser parser = JsonTrees.JSON.createParser(reader)) {
      com.fasterxml.jackson.core.JsonToken first = parser.nextToken();
      if (first == null) {
        throw BadInputException.at(source, Text.of("json.empty-file"));
      }
      if (first == com.fasterxml.jackson.core.JsonToken.START_ARRAY) {
        int i = 0;
        while (parser.nextToken() != com.fasterxml.jackson.core.JsonToken.END_ARRAY) {
          JsonNode element = JsonTrees.read(parser);
          ServicePerimeter p = fromElement(element, "[" + i + "]", source, skipped, levels);
          if (p != null) {
            unique.accept(p, element);
          }
          i++;
        }
        if (parser.nextToken() != null) {
          throw BadInputException.at(source, Text.of("json.after-list"));
        }
        return seen.size();
      }
      JsonNode root = JsonTrees.read(parser);
      if (isAsset(root)) {
        // Cloud Asset Inventory export: one asset per line (JSON lines).
        int line = 1;
        while (root != null) {
          ServicePerimeter p = fromElement(root, "asset " + line, source, skipped, levels);
          if (p != null) {
            unique.accept(p, root);
          }
          line++;
          root = parser.nextToken() == null ? null : JsonTrees.read(parser);
        }
        return seen.size();
      }
      if (parser.nextToken() != null) {
        throw BadInputException.at(source, Text.of("json.after-value"));
      }
      List<ServicePerimeter> all = readPerimeters(root, source);
      JsonNode list =
          root.isObject() && root.has("servicePerimeters") ? root.get("servicePerimeters") : null;
      for (int i = 0; i < all.size(); i++) {
        unique.accept(all.get(i), list != null && list.isArray() ? list.get(i) : root);
      }
      return seen.size();
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new BadInputException(Text.of("file.not-utf8", source), e);
    } catch (JsonProcessingException e) {
      if (e.getCause() instanceof java.nio.charset.CharacterCodingException) {
        throw new BadInputException(Text.of("file.not-utf8", source), e);
      }
      throw notValidJson(source, e);
    } catch (java.io.IOException e) {
      throw dev.vpcscaudit.files.InputFiles.unreadable(source, e);
    }
  }

  /**
   * True when the text does not start (after white space and a byte-order mark) with JSON's {@code
   * [}, {@code {} or {@code "}: gcloud prints YAML unless told {@code --format=json}, and a YAML
   * export is read the same way, with the same checks. The reader is left where it was.
   */
  private static boolean looksLikeYaml(java.io.Reader reader) throws java.io.IOException {
    reader.mark(1 << 16);
    try {
      int c;
      int seen = 0;
      while ((c = reader.read()) >= 0 && seen++ < (1 << 16) - 1) {
        if (!Character.isWhitespace(c) && c != 0xfeff) {
          return c != '[' && c != '{' && c != '"';
        }
      }
      return false; // empty: the JSON path says so
    } finally {
      reader.reset();
    }
  }

  /**
   * A YAML export: {@code gcloud ... perimeters list} prints one document per perimeter ({@code
   * ---} between them), {@code describe} one; a document may also be a list, or an asset. Each
   * document goes through the same reader as JSON.
   */
  private static void streamYaml(
      java.io.Reader reader,
      String source,
      java.util.function.BiConsumer<ServicePerimeter, JsonNode> unique,
      java.util.function.Consumer<String> skipped,
      java.util.function.Consumer<dev.vpcscaudit.model.AccessLevel> levels) {
    try (JsonParser parser = Yaml.FACTORY.createParser(reader)) {
      int documents = 0;
      JsonNode doc;
      while ((doc = JsonTrees.read(parser)) != null) {
        parser.clearCurrentToken();
        documents++;
        String where = "document " + documents;
        if (doc.isArray()) {
          for (int i = 0; i < doc.size(); i++) {
            ServicePerimeter p =
                fromElement(doc.get(i), where + "[" + i + "]", source, skipped, levels);
            if (p != null) {
              unique.accept(p, doc.get(i));
            }
          }
        } else if (doc.isObject()) {
          if (doc.has("servicePerimeters") && !doc.has("name")) {
            for (ServicePerimeter p : readPerimeters(doc, source)) {
              unique.accept(p, doc);
            }
          } else {
            ServicePerimeter p = fromElement(doc, where, source, skipped, levels);
            if (p != null) {
              unique.accept(p, doc);
            }
          }
        } else if (!doc.isNull()) {
          throw BadInputException.at(
              source,
              documents == 1
                  ? Text.of("json.not-an-export", JsonFields.describe(doc))
                  : Text.of("json.not-an-export-at", where, JsonFields.describe(doc)));
        }
      }
      if (documents == 0) {
        throw BadInputException.at(source, Text.of("json.empty-file-yaml"));
      }
    } catch (JsonProcessingException e) {
      if (e.getCause() instanceof java.nio.charset.CharacterCodingException) {
        throw new BadInputException(Text.of("file.not-utf8", source), e);
      }
      Text what =
          e.getLocation() == null
              ? Text.of("json.not-json-or-yaml")
              : Text.of("json.not-json-or-yaml-at", e.getLocation().getLineNr());
      if (e.getOriginalMessage() != null) {
        // The parser's own words, as it said them.
        what =
            Text.of(
                "input.at",
                what,
                Text.verbatim(e.getOriginalMessage().lines().findFirst().orElse("")));
      }
      throw new BadInputException(Text.of("input.at", source, what), e);
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new BadInputException(Text.of("file.not-utf8", source), e);
    } catch (java.io.IOException e) {
      throw dev.vpcscaudit.files.InputFiles.unreadable(source, e);
    }
  }

  /** The asset type of a service perimeter in a Cloud Asset Inventory export. */
  static final String PERIMETER_ASSET = "accesscontextmanager.googleapis.com/ServicePerimeter";

  /** True for a Cloud Asset Inventory asset ({@code assetType} or {@code asset_type}). */
  static boolean isAsset(JsonNode node) {
    return node.isObject() && (node.has("assetType") || node.has("asset_type"));
  }

  /**
   * One element of a list: a perimeter, or a Cloud Asset Inventory asset (REST camelCase or the
   * snake_case of exports and policy-library fixtures); null for assets of other types (access
   * policies and levels are not needed: every perimeter of the export is audited).
   */
  private static ServicePerimeter fromElement(
      JsonNode element,
      String path,
      String source,
      java.util.function.Consumer<String> skipped,
      java.util.function.Consumer<dev.vpcscaudit.model.AccessLevel> levels) {
    if (!isAsset(element)) {
      return readPerimeter(element, path, source);
    }
    JsonNode typeNode = oneOf(element, "assetType", "asset_type", path, source);
    String type = typeNode == null || !typeNode.isTextual() ? "" : typeNode.asText();
    // The perimeter is read wherever it is, whatever the asset type says: policy-library's own
    // fixtures file perimeters under cloudresourcemanager.googleapis.com/Organization.
    JsonNode perimeter = oneOf(element, "servicePerimeter", "service_perimeter", path, source);
    JsonNode level = oneOf(element, "accessLevel", "access_level", path, source);
    if (level != null) {
      if (perimeter != null) {
        throw JsonFields.error(source, path, Text.of("json.asset-both"));
      }
      levels.accept(
          AccessLevelReader.read(
              camelCase(level, path + ".access_level", source), path + ".access_level", source));
      return null;
    }
    if (perimeter == null) {
      if (type.equals(PERIMETER_ASSET)) {
        throw JsonFields.error(source, path, Text.of("json.asset-without-perimeter"));
      }
      if (!NOT_NEEDED.contains(type)) {
        skipped.accept(type.isEmpty() ? "(no asset type)" : type);
      }
      return null;
    }
    if (!perimeter.isObject()) {
      throw JsonFields.error(
          source,
          path + ".service_perimeter",
          Text.of("json.expected-object", JsonFields.describe(perimeter)));
    }
    return readPerimeter(camelCase(perimeter, path, source), path + ".service_perimeter", source);
  }

  /** Assets an export carries beside perimeters that the audit does not need. */
  private static final Set<String> NOT_NEEDED =
      Set.of(
          "accesscontextmanager.googleapis.com/AccessPolicy",
          "accesscontextmanager.googleapis.com/AccessLevel");

  /**
   * The value of {@code camel} or {@code snake} in {@code node}, or null; both is ambiguous input:
   * which one was meant cannot be decided by the order of the keys.
   */
  private static JsonNode oneOf(
      JsonNode node, String camel, String snake, String path, String source) {
    if (node.has(camel) && node.has(snake)) {
      throw JsonFields.error(source, path, Text.of("json.two-spellings", camel, snake));
    }
    return node.has(camel) ? node.get(camel) : node.get(snake);
  }

  /**
   * The REST form of an asset's perimeter: snake_case keys in camelCase, and the numeric {@code
   * perimeter_type} of some exports (0 regular, 1 bridge) as its name.
   */
  static JsonNode camelCase(JsonNode node, String path, String source) {
    if (node.isObject()) {
      com.fasterxml.jackson.databind.node.ObjectNode out =
          com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
      for (java.util.Map.Entry<String, JsonNode> e : node.properties()) {
        String key = snakeToCamel(e.getKey());
        if (out.has(key)) {
          // restricted_services and restrictedServices: which one holds the truth? Refused, not
          // decided by which key comes last.
          throw JsonFields.error(source, path + "." + e.getKey(), Text.of("json.field-twice", key));
        }
        JsonNode value = camelCase(e.getValue(), path + "." + e.getKey(), source);
        if (key.equals("perimeterType") && value.isIntegralNumber()) {
          // The protobuf enum's numbers: 0 PERIMETER_TYPE_REGULAR, 1 PERIMETER_TYPE_BRIDGE.
          int n = value.intValue();
          if (!value.canConvertToInt() || n < 0 || n > 1) {
            throw JsonFields.error(
                source,
                path + "." + e.getKey(),
                Text.of("json.perimeter-type-number", value.toString()));
          }
          value =
              com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.textNode(
                  n == 1 ? "PERIMETER_TYPE_BRIDGE" : "PERIMETER_TYPE_REGULAR");
        }
        out.set(key, value);
      }
      return out;
    }
    if (node.isArray()) {
      com.fasterxml.jackson.databind.node.ArrayNode out =
          com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
      for (int i = 0; i < node.size(); i++) {
        out.add(camelCase(node.get(i), path + "[" + i + "]", source));
      }
      return out;
    }
    return node;
  }

  private static String snakeToCamel(String key) {
    if (key.indexOf('_') < 0) {
      return key;
    }
    StringBuilder out = new StringBuilder();
    boolean up = false;
    for (char c : key.toCharArray()) {
      if (c == '_') {
        up = true;
      } else {
        out.append(up ? Character.toUpperCase(c) : c);
        up = false;
      }
    }
    return out.toString();
  }

  /** Reads every perimeter in {@code root} (any accepted top-level shape). */
  public static List<ServicePerimeter> readPerimeters(JsonNode root, String source) {
    List<ServicePerimeter> perimeters = new ArrayList<>();
    if (root.isArray()) {
      for (int i = 0; i < root.size(); i++) {
        perimeters.add(readPerimeter(root.get(i), "[" + i + "]", source));
      }
    } else if (root.isObject() && root.has("servicePerimeters") && !root.has("name")) {
      refuseFirstPage(root, source, Text.of("json.list.perimeters"));
      JsonNode list = root.get("servicePerimeters");
      if (!list.isArray()) {
        throw JsonFields.error(
            source, "servicePerimeters", Text.of("json.expected-list", JsonFields.describe(list)));
      }
      for (int i = 0; i < list.size(); i++) {
        perimeters.add(readPerimeter(list.get(i), "servicePerimeters[" + i + "]", source));
      }
    } else if (root.isObject()) {
      perimeters.add(readPerimeter(root, "", source));
    } else {
      throw BadInputException.at(
          source, Text.of("json.expected-perimeters", JsonFields.describe(root)));
    }
    Set<String> names = new HashSet<>();
    for (ServicePerimeter p : perimeters) {
      if (!names.add(p.name())) {
        throw BadInputException.at(source, Text.of("json.perimeter-twice", p.name()));
      }
    }
    return perimeters;
  }

  /**
   * A saved API list response that still has a {@code nextPageToken} is one page of several: an
   * audit of it would miss the rest, so it is bad input.
   */
  /** A JSON value's kind for an error line, in the run's language ("a string", "null"...). */
  public static Text describe(JsonNode node) {
    return JsonFields.describe(node);
  }

  static void refuseFirstPage(JsonNode root, String source, Text what) {
    JsonNode token = root.get("nextPageToken");
    if (token != null && !token.isNull() && !token.isTextual()) {
      // A page token is a string; anything else is not an API answer and not "the last page".
      throw JsonFields.error(
          source, "nextPageToken", Text.of("json.expected-string", JsonFields.describe(token)));
    }
    if (token != null && token.isTextual() && !token.textValue().isEmpty()) {
      throw BadInputException.at(source, Text.of("json.one-page", what));
    }
  }

  /** Reads one perimeter object found at {@code path} in {@code source}. */
  public static ServicePerimeter readPerimeter(JsonNode node, String path, String source) {
    List<String> unmodeled = new ArrayList<>();
    ServicePerimeter p =
        JsonFields.read(node, path, source, unmodeled, PerimeterJsonReader::perimeter);
    // The unread fields of the perimeter object itself are known only once its reader returned.
    return p.withUnmodeledFields(relativeTo(path, unmodeled));
  }

  private static ServicePerimeter perimeter(JsonFields f) {
    ServicePerimeter p = (ServicePerimeter) read(f, WireSchema.of(ServicePerimeter.class));
    if (!PERIMETER_NAME.matcher(p.name()).matches()) {
      throw JsonFields.error(
          f.source(),
          f.path().isEmpty() ? "name" : f.path() + ".name",
          Text.of("json.not-a-perimeter-name", p.name()));
    }
    return p;
  }

  /** Reads one object by the model's {@link Wire} definition (the one field table). */
  static Record read(JsonFields f, WireSchema schema) {
    Map<String, Object> values = new HashMap<>();
    for (WireSchema.Field field : schema.fields()) {
      String key = field.json();
      Object value =
          switch (field.kind()) {
            case STRING -> field.wire().required() ? f.requiredString(key) : f.string(key);
            case BOOL -> f.bool(key);
            case ENUM -> enumValue(f, key, field.type());
            case STRING_LIST -> f.strings(key);
            case RECORD -> f.object(key, sub -> read(sub, WireSchema.of(recordType(field))));
            case RECORD_LIST -> f.objects(key, sub -> read(sub, WireSchema.of(recordType(field))));
          };
      values.put(key, value);
    }
    return schema.build(values);
  }

  @SuppressWarnings("unchecked")
  private static Class<? extends Record> recordType(WireSchema.Field field) {
    return (Class<? extends Record>) field.type();
  }

  private static Object enumValue(JsonFields f, String key, Class<?> type) {
    String value = f.string(key);
    if (value == null) {
      return null;
    }
    List<String> known = new ArrayList<>();
    for (Object constant : type.getEnumConstants()) {
      String api = ((WireEnum) constant).apiValue();
      if (api.equals(value)) {
        return constant;
      }
      known.add(api);
    }
    throw JsonFields.error(
        f.source(),
        f.path().isEmpty() ? key : f.path() + "." + key,
        Text.of("json.unknown-value", value, Text.listWith("list.or", known)));
  }

  private static List<String> relativeTo(String base, List<String> paths) {
    if (base.isEmpty()) {
      return paths;
    }
    List<String> out = new ArrayList<>(paths.size());
    for (String p : paths) {
      out.add(p.startsWith(base + ".") ? p.substring(base.length() + 1) : p);
    }
    return out;
  }

  /** "SOURCE: not valid JSON at line L, column C: REASON". */
  private static BadInputException notValidJson(String source, JsonProcessingException e) {
    Text what =
        e.getLocation() == null
            ? Text.of("json.not-json")
            : Text.of(
                "json.not-json-at", e.getLocation().getLineNr(), e.getLocation().getColumnNr());
    // The parser's reason, as it said it.
    return new BadInputException(
        Text.of(
            "input.at",
            source,
            Text.of("input.at", what, Text.verbatim(firstLine(e.getOriginalMessage())))),
        e);
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "malformed";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}
