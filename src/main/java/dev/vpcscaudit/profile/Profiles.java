package dev.vpcscaudit.profile;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.vpcscaudit.codec.Yaml;
import dev.vpcscaudit.error.BadInputException;
import dev.vpcscaudit.files.InputFiles;
import dev.vpcscaudit.i18n.Text;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Loads and validates profiles: the ones shipped in {@code policies/} (packaged in the jar) and a
 * user's own YAML file in the same format.
 *
 * <p>Format version 1:
 *
 * <pre>
 * formatVersion: 1                       # required, must be 1
 * name: gdc-bare-metal                   # required: lower-case letters, digits, hyphens
 * title: Google Distributed Cloud ...    # optional
 * description: ...                       # optional
 * source: {document: ..., section: ..., quote: ...}   # optional, each key optional
 * requiredServices:                      # required, non-empty, no duplicates
 *   - logging.googleapis.com
 * vpcAccessibleServices: {required: true}  # optional; required defaults to true
 * restrictedVip: {required: true, hostnames: [gcr.io]}  # optional; required defaults to false
 * notes: [...]                           # optional, non-empty when present
 * </pre>
 */
public final class Profiles {

  /** The profile {@code --profile} defaults to. */
  public static final String DEFAULT = "gdc-bare-metal";

  public static final int FORMAT_VERSION = 1;

  /** A profile is a page of YAML; a megabyte is far more than any. */
  public static final long MAX_BYTES = 1024 * 1024;

  /** The shipped profile names, in the order {@code profiles list} prints them. */
  static final List<String> SHIPPED = dev.vpcscaudit.ToolVersion.shippedProfiles();

  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
  private static final Pattern HOSTNAME =
      Pattern.compile("([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}");
  private static final Pattern SERVICE =
      Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)*\\.googleapis\\.com");

  private static final Map<String, Set<String>> KEYS =
      Map.of(
          "",
          Set.of(
              "formatVersion",
              "name",
              "title",
              "description",
              "source",
              "requiredServices",
              "vpcAccessibleServices",
              "restrictedVip",
              "maxIpPrefix",
              "allowIngressIdentities",
              "companionServices",
              "notes"),
          "maxIpPrefix",
          Set.of("ipv4", "ipv6"),
          "source",
          Set.of("document", "section", "quote"),
          "vpcAccessibleServices",
          Set.of("required"),
          "restrictedVip",
          Set.of("required", "hostnames"));

  private Profiles() {}

  /** The names of the shipped profiles. */
  public static List<String> shippedNames() {
    return SHIPPED;
  }

  /**
   * Resolves {@code --profile}: a shipped profile name, or a path to a YAML file (anything with a
   * path separator or a {@code .yaml}/{@code .yml} ending, or an existing file).
   */
  public static Profile resolve(String value) {
    return resolve(value, "--profile");
  }

  /**
   * As {@link #resolve(String)}, errors naming {@code where} (e.g. {@code profiles show}) and the
   * value.
   */
  public static Profile resolve(String value, String where) {
    if (value.isBlank()) {
      throw new BadInputException(Text.of("profile.empty-value", String.join(", ", SHIPPED)));
    }
    if (SHIPPED.contains(value)) {
      // The build turned the shipped YAML into JSON: no YAML parser is loaded for it.
      try {
        return validate(
            dev.vpcscaudit.codec.JsonTrees.parse(
                dev.vpcscaudit.ToolVersion.shippedProfileJson(value)),
            "profile " + value,
            "shipped");
      } catch (IOException e) {
        throw new IllegalStateException("the build shipped profile " + value + " as bad JSON", e);
      }
    }
    if (file(value) == null) {
      throw BadInputException.at(
          where + " " + value, Text.of("profile.not-shipped", String.join(", ", SHIPPED)));
    }
    Path file = Path.of(value);
    String label = where + " " + value;
    return parse(InputFiles.readText(file, label, MAX_BYTES), label, value);
  }

  /**
   * The file {@code --profile value} names, or null for a shipped name (anything with a path
   * separator or a {@code .yaml}/{@code .yml} ending, or an existing file, is a file).
   */
  public static Path file(String value) {
    if (value == null || value.isBlank() || SHIPPED.contains(value)) {
      return null;
    }
    boolean looksLikeFile =
        value.contains("/")
            || value.contains(java.io.File.separator)
            || value.endsWith(".yaml")
            || value.endsWith(".yml")
            || Files.exists(Path.of(value));
    return looksLikeFile ? Path.of(value) : null;
  }

  /** The YAML text of a shipped profile, as shipped. */
  public static String shippedText(String name) {
    if (!SHIPPED.contains(name)) {
      throw new BadInputException(
          Text.of("profile.no-shipped-named", name, String.join(", ", SHIPPED)));
    }
    return dev.vpcscaudit.ToolVersion.shippedProfile(name);
  }

  /** Parses and validates profile text; {@code label} names it in every error. */
  public static Profile parse(String text, String label, String origin) {
    if (text.isBlank()) {
      throw BadInputException.at(label, Text.of("profile.empty-file"));
    }
    JsonNode root;
    try (JsonParser p = Yaml.FACTORY.createParser(text)) {
      root = dev.vpcscaudit.codec.JsonTrees.read(p);
      if (p.nextToken() != null) {
        // A second document ("---") would be ignored silently: which one is the profile?
        throw BadInputException.at(
            label, Text.of("profile.two-documents", p.currentLocation().getLineNr()));
      }
    } catch (JsonProcessingException e) {
      Text what =
          e.getLocation() == null
              ? Text.of("profile.not-yaml")
              : Text.of("profile.not-yaml-at", e.getLocation().getLineNr());
      if (e.getOriginalMessage() != null) {
        // The parser's own words, as it said them.
        what =
            Text.of(
                "input.at",
                what,
                Text.verbatim(e.getOriginalMessage().lines().findFirst().orElse("")));
      }
      throw new BadInputException(Text.of("input.at", label, what), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (root == null || root.isMissingNode() || root.isNull()) {
      throw BadInputException.at(label, Text.of("profile.empty-file"));
    }
    return validate(root, label, origin);
  }

  /** Validates a profile document (the tree of its YAML); {@code label} names it in every error. */
  private static Profile validate(JsonNode root, String label, String origin) {
    if (!root.isObject()) {
      throw BadInputException.at(label, Text.of("profile.not-a-mapping"));
    }
    checkKeys(root, "", label);

    JsonNode version = root.get("formatVersion");
    if (version == null) {
      throw BadInputException.at(label, Text.of("profile.no-format-version", FORMAT_VERSION));
    }
    if (!version.isInt()) {
      throw BadInputException.atKey(
          label,
          "formatVersion",
          version.isTextual()
              ? Text.of("profile.version-quoted", FORMAT_VERSION, version.asText())
              : Text.of("profile.version-not-number", FORMAT_VERSION, version.toString()));
    }
    if (version.intValue() != FORMAT_VERSION) {
      throw BadInputException.atKey(
          label,
          "formatVersion",
          Text.of("profile.version-unsupported", version.asText(), FORMAT_VERSION));
    }
    String name = requiredString(root, "name", label);
    if (!NAME.matcher(name).matches()) {
      throw BadInputException.atKey(label, "name", Text.of("profile.bad-name", name));
    }

    JsonNode services = root.get("requiredServices");
    if (services == null) {
      throw BadInputException.at(label, Text.of("input.missing-key", "requiredServices"));
    }
    List<String> required = stringList(services, "requiredServices", label);
    Set<String> seen = new LinkedHashSet<>();
    for (int i = 0; i < required.size(); i++) {
      String s = required.get(i);
      String key = "requiredServices[" + i + "]";
      if (!SERVICE.matcher(s).matches()) {
        throw BadInputException.atKey(label, key, Text.of("profile.not-a-service", s));
      }
      if (!seen.add(s)) {
        throw BadInputException.atKey(label, key, Text.of("profile.listed-twice", s));
      }
    }

    boolean vpcRequired = requiredFlag(root, "vpcAccessibleServices", true, label);
    boolean restrictedVipRequired = requiredFlag(root, "restrictedVip", false, label);
    List<String> hostnames = List.of();
    JsonNode vip = root.get("restrictedVip");
    if (vip != null && vip.get("hostnames") != null) {
      hostnames = stringList(vip.get("hostnames"), "restrictedVip.hostnames", label);
      for (int i = 0; i < hostnames.size(); i++) {
        if (!HOSTNAME.matcher(hostnames.get(i)).matches()) {
          throw BadInputException.atKey(
              label,
              "restrictedVip.hostnames[" + i + "]",
              Text.of("profile.not-a-host", hostnames.get(i)));
        }
      }
    }

    String document = null;
    String section = null;
    JsonNode source = root.get("source");
    if (source != null) {
      if (!source.isObject()) {
        throw BadInputException.atKey(label, "source", Text.of("profile.source-mapping"));
      }
      checkKeys(source, "source", label);
      document = optionalString(source, "document", "source.document", label);
      section = optionalString(source, "section", "source.section", label);
      optionalString(source, "quote", "source.quote", label);
    }

    List<String> notes = List.of();
    JsonNode notesNode = root.get("notes");
    if (notesNode != null) {
      notes = stringList(notesNode, "notes", label);
    }

    int maxIpv4 = Profile.DEFAULT_MAX_IPV4_PREFIX;
    int maxIpv6 = Profile.DEFAULT_MAX_IPV6_PREFIX;
    JsonNode prefix = root.get("maxIpPrefix");
    if (prefix != null) {
      if (!prefix.isObject()) {
        throw BadInputException.atKey(label, "maxIpPrefix", Text.of("profile.prefix-mapping"));
      }
      checkKeys(prefix, "maxIpPrefix", label);
      maxIpv4 = prefixLength(prefix, "ipv4", 32, maxIpv4, label);
      maxIpv6 = prefixLength(prefix, "ipv6", 128, maxIpv6, label);
    }
    List<String> allowIdentities = List.of();
    JsonNode allow = root.get("allowIngressIdentities");
    if (allow != null) {
      allowIdentities = stringList(allow, "allowIngressIdentities", label);
      for (int i = 0; i < allowIdentities.size(); i++) {
        String id = allowIdentities.get(i);
        if (!IDENTITY_TYPES.contains(id) && !IDENTITY.matcher(id).matches()) {
          throw BadInputException.atKey(
              label,
              "allowIngressIdentities[" + i + "]",
              Text.of("profile.not-an-identity", id, String.join(", ", IDENTITY_TYPES)));
        }
      }
    }

    java.util.Map<String, List<Profile.Companion>> companions =
        companions(root.get("companionServices"), seen, label);
    return new Profile(
        name,
        optionalString(root, "title", "title", label),
        optionalString(root, "description", "description", label),
        document,
        section,
        List.copyOf(seen),
        vpcRequired,
        restrictedVipRequired,
        hostnames,
        notes,
        origin,
        maxIpv4,
        maxIpv6,
        allowIdentities,
        companions);
  }

  /**
   * {@code companionServices}: a mapping from a required service to a list of {@code {service,
   * source}}, the source an https page of Google's documentation that says so.
   */
  private static java.util.Map<String, List<Profile.Companion>> companions(
      JsonNode node, java.util.Collection<String> required, String label) {
    java.util.Map<String, List<Profile.Companion>> out = new java.util.LinkedHashMap<>();
    if (node == null || node.isNull()) {
      return out;
    }
    if (!node.isObject()) {
      throw BadInputException.atKey(
          label, "companionServices", Text.of("profile.companions-mapping"));
    }
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      String key = "companionServices." + e.getKey();
      if (!required.contains(e.getKey())) {
        throw BadInputException.atKey(
            label, key, Text.of("profile.companion-not-required", e.getKey()));
      }
      if (!e.getValue().isArray()) {
        throw BadInputException.atKey(label, key, Text.of("profile.companion-list"));
      }
      List<Profile.Companion> list = new java.util.ArrayList<>();
      int i = 0;
      for (JsonNode c : e.getValue()) {
        String at = key + "[" + i++ + "]";
        if (!c.isObject()) {
          throw BadInputException.atKey(label, at, Text.of("profile.companion-entry"));
        }
        Iterator<String> names = c.fieldNames();
        while (names.hasNext()) {
          String n = names.next();
          if (!n.equals("service") && !n.equals("source")) {
            throw BadInputException.atKey(
                label, at + "." + n, Text.of("profile.companion-unknown-key"));
          }
        }
        String service = optionalString(c, "service", at + ".service", label);
        String source = optionalString(c, "source", at + ".source", label);
        if (service == null || !SERVICE.matcher(service).matches()) {
          throw BadInputException.atKey(
              label, at + ".service", Text.of("profile.companion-service"));
        }
        if (service.equals(e.getKey())) {
          throw BadInputException.atKey(
              label, at + ".service", Text.of("profile.companion-itself"));
        }
        if (source == null || !source.matches("https://[^\\s]+")) {
          throw BadInputException.atKey(label, at + ".source", Text.of("profile.companion-source"));
        }
        list.add(new Profile.Companion(service, source));
      }
      out.put(e.getKey(), list);
    }
    return out;
  }

  /** The identity types of an ingress rule's {@code ingressFrom} that a profile may accept. */
  static final List<String> IDENTITY_TYPES =
      List.of("ANY_IDENTITY", "ANY_USER_ACCOUNT", "ANY_SERVICE_ACCOUNT");

  /** An ingress rule's identity, as VPC Service Controls writes them. */
  private static final Pattern IDENTITY =
      Pattern.compile("(serviceAccount|user|group):[^\\s@]+@[^\\s@]+|principal(Set)?://\\S+");

  /** {@code maxIpPrefix.KEY}: a prefix length from 0 to {@code max}. */
  private static int prefixLength(JsonNode node, String key, int max, int absent, String label) {
    JsonNode v = node.get(key);
    if (v == null) {
      return absent;
    }
    if (!v.isInt() || v.intValue() < 0 || v.intValue() > max) {
      throw BadInputException.atKey(
          label, "maxIpPrefix." + key, Text.of("profile.prefix-length", max));
    }
    return v.intValue();
  }

  /** {@code KEY: {required: BOOL}}, or {@code defaultValue} when the key is absent. */
  private static boolean requiredFlag(
      JsonNode root, String key, boolean defaultValue, String label) {
    JsonNode block = root.get(key);
    if (block == null) {
      return defaultValue;
    }
    if (!block.isObject()) {
      throw BadInputException.atKey(label, key, Text.of("profile.required-mapping"));
    }
    checkKeys(block, key, label);
    JsonNode req = block.get("required");
    if (req == null) {
      return defaultValue;
    }
    if (!req.isBoolean()) {
      throw BadInputException.atKey(label, key + ".required", Text.of("profile.boolean"));
    }
    return req.booleanValue();
  }

  private static void checkKeys(JsonNode node, String parent, String label) {
    Set<String> allowed = KEYS.get(parent);
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String key = names.next();
      if (!allowed.contains(key)) {
        String full = parent.isEmpty() ? key : parent + "." + key;
        throw BadInputException.at(
            label,
            Text.of(
                "profile.unknown-key",
                full,
                String.join(", ", allowed.stream().sorted().toList())));
      }
    }
  }

  private static String requiredString(JsonNode node, String key, String label) {
    String v = optionalString(node, key, key, label);
    if (v == null || v.isBlank()) {
      throw BadInputException.at(label, Text.of("input.missing-key", key));
    }
    return v;
  }

  private static String optionalString(JsonNode node, String key, String fullKey, String label) {
    JsonNode v = node.get(key);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual()) {
      throw BadInputException.atKey(label, fullKey, Text.of("profile.text"));
    }
    return v.textValue().strip();
  }

  private static List<String> stringList(JsonNode node, String key, String label) {
    if (!node.isArray()) {
      throw BadInputException.atKey(label, key, Text.of("profile.list"));
    }
    if (node.isEmpty()) {
      throw BadInputException.atKey(label, key, Text.of("profile.empty-list"));
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      JsonNode e = node.get(i);
      if (!e.isTextual()) {
        throw BadInputException.atKey(label, key + "[" + i + "]", Text.of("profile.text"));
      }
      out.add(e.textValue().strip());
    }
    return out;
  }
}
