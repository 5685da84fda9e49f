package dev.vpcscaudit.codec;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vpcscaudit.error.BadInputException;
import dev.vpcscaudit.files.InputFiles;
import dev.vpcscaudit.i18n.Text;
import dev.vpcscaudit.model.AccessLevel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads access levels as REST JSON: {@code gcloud access-context-manager levels list --format=json}
 * (a list), a {@code GET v1/accessPolicies/P/accessLevels} page, or the {@code access_level} of a
 * Cloud Asset Inventory asset (in camelCase once converted). Only what the audit evaluates is
 * modelled: a basic level's conditions (IP ranges, negation, and which other requirements they
 * set), its combining function, and whether the level is custom (CEL).
 */
public final class AccessLevelReader {

  /** {@code accessPolicies/NUMBER/accessLevels/NAME}. */
  private static final Pattern NAME =
      Pattern.compile("accessPolicies/[0-9]+/accessLevels/[A-Za-z][A-Za-z0-9_]{0,49}");

  /** Condition fields that require something other than an address. */
  private static final List<String> OTHER_REQUIREMENTS =
      List.of("members", "regions", "requiredAccessLevels", "vpcNetworkSources");

  private AccessLevelReader() {}

  /** Reads {@code --access-levels-file}; any problem is bad input naming the file. */
  public static List<AccessLevel> readFile(Path file) {
    String label = "--access-levels-file " + file;
    JsonNode root = PerimeterJsonReader.parseTree(InputFiles.readText(file, label), label);
    String path = "";
    if (root.isObject() && root.has("accessLevels")) {
      PerimeterJsonReader.refuseFirstPage(root, label, Text.of("json.list.levels"));
      root = root.get("accessLevels");
      path = "accessLevels";
    }
    if (!root.isArray()) {
      throw BadInputException.at(
          label, Text.of("json.expected-levels-list", JsonFields.describe(root)));
    }
    return readList(root, path, label);
  }

  /** Reads an array of levels found at {@code path}; a level named twice differently is refused. */
  public static List<AccessLevel> readList(JsonNode array, String path, String source) {
    Map<String, AccessLevel> out = new LinkedHashMap<>();
    for (int i = 0; i < array.size(); i++) {
      String at = path + "[" + i + "]";
      AccessLevel level = read(array.get(i), at, source);
      AccessLevel before = out.putIfAbsent(level.name(), level);
      if (before != null && !before.equals(level)) {
        throw JsonFields.error(source, at, Text.of("json.level-twice", level.name()));
      }
    }
    return List.copyOf(out.values());
  }

  /** One level at {@code path}. */
  public static AccessLevel read(JsonNode node, String path, String source) {
    if (!node.isObject()) {
      throw JsonFields.error(
          source, path, Text.of("json.expected-object", JsonFields.describe(node)));
    }
    String name = text(node, "name", path, source);
    if (name == null || !NAME.matcher(name).matches()) {
      throw JsonFields.error(
          source,
          path.isEmpty() ? "name" : path + ".name",
          name == null
              ? Text.of("json.missing-field", "name")
              : Text.of("json.not-a-level-name", name));
    }
    String title = text(node, "title", path, source);
    boolean custom = node.has("custom");
    JsonNode basic = node.get("basic");
    if (!custom && (basic == null || !basic.isObject())) {
      throw JsonFields.error(source, path, Text.of("json.level-empty"));
    }
    List<AccessLevel.Condition> conditions = new ArrayList<>();
    boolean or = false;
    if (basic != null && basic.isObject()) {
      String fn = text(basic, "combiningFunction", path + ".basic", source);
      if (fn != null && !fn.equals("AND") && !fn.equals("OR")) {
        throw JsonFields.error(
            source, path + ".basic.combiningFunction", Text.of("json.combining-function", fn));
      }
      or = "OR".equals(fn);
      JsonNode list = basic.path("conditions");
      if (!list.isMissingNode() && !list.isArray()) {
        throw JsonFields.error(
            source, path + ".basic.conditions", Text.of("json.expected-list.bare"));
      }
      for (int i = 0; i < list.size(); i++) {
        conditions.add(condition(list.get(i), path + ".basic.conditions[" + i + "]", source));
      }
    }
    return new AccessLevel(name, title, conditions, or, custom);
  }

  private static AccessLevel.Condition condition(JsonNode c, String path, String source) {
    if (!c.isObject()) {
      throw JsonFields.error(source, path, Text.of("json.expected-object", JsonFields.describe(c)));
    }
    List<String> ranges = new ArrayList<>();
    JsonNode ip = c.path("ipSubnetworks");
    for (int i = 0; i < ip.size(); i++) {
      if (!ip.get(i).isTextual()) {
        throw JsonFields.error(
            source, path + ".ipSubnetworks[" + i + "]", Text.of("json.expected-string.bare"));
      }
      ranges.add(ip.get(i).asText());
    }
    JsonNode negate = c.get("negate");
    if (negate != null && !negate.isBoolean()) {
      throw JsonFields.error(source, path + ".negate", Text.of("json.expected-boolean.bare"));
    }
    List<String> other = new ArrayList<>();
    for (String field : OTHER_REQUIREMENTS) {
      JsonNode v = c.get(field);
      if (v != null && !(v.isArray() && v.isEmpty())) {
        other.add(field);
      }
    }
    return new AccessLevel.Condition(
        ranges, negate != null && negate.booleanValue(), c.has("devicePolicy"), other);
  }

  private static String text(JsonNode node, String key, String path, String source) {
    JsonNode v = node.get(key);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual()) {
      throw JsonFields.error(
          source,
          path.isEmpty() ? key : path + "." + key,
          Text.of("json.expected-string", JsonFields.describe(v)));
    }
    return v.asText();
  }
}
