package dev.vpcscaudit.audit;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import dev.vpcscaudit.codec.Yaml;
import dev.vpcscaudit.error.BadInputException;
import dev.vpcscaudit.files.InputFiles;
import dev.vpcscaudit.i18n.Text;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Accepted exceptions ({@code --accept FILE}), as scanners users know keep them: a finding that
 * matches an entry is reported as accepted, with its reason and expiry date, and does not count
 * against the verdict until the entry expires; an expired entry that still matches is an error of
 * its own ({@code acceptance-expired}) and the finding counts again. Example:
 *
 * <pre>{@code
 * accept:
 *   - rule: ingress-open-to-any-identity        # required: the rule ID
 *     perimeter: accessPolicies/1/servicePerimeters/gdc   # optional, like each key below
 *     service: logging.googleapis.com
 *     resource: status.ingressPolicies[0]
 *     project: "123456789012"
 *     reason: Vendor support access, ticket SEC-123      # required
 *     expires: 2027-03-31                                # required, YYYY-MM-DD
 * }</pre>
 */
public final class Acceptances {

  /** One accepted exception; null fields match anything. */
  public record Entry(
      int index,
      String rule,
      String perimeter,
      String service,
      String resource,
      String project,
      String reason,
      LocalDate expires) {

    boolean matches(String projectNumber, Finding f) {
      return rule.equals(f.rule().id())
          && (perimeter == null || perimeter.equals(f.perimeter()))
          && (service == null || service.equals(f.service()))
          && (resource == null || resource.equals(f.resource()))
          && (project == null || project.equals(projectNumber));
    }

    /** "rule X (perimeter P, service S)". */
    Text describe() {
      List<Object> scope = new ArrayList<>();
      if (perimeter != null) {
        scope.add(Text.of("accept.scope.perimeter", perimeter));
      }
      if (service != null) {
        scope.add(Text.of("accept.scope.service", service));
      }
      if (resource != null) {
        scope.add(resource);
      }
      if (project != null) {
        scope.add("projects/" + project);
      }
      return scope.isEmpty()
          ? Text.verbatim(rule)
          : Text.of("accept.scoped", rule, Text.list(scope));
    }
  }

  private static final Set<String> KEYS =
      Set.of("rule", "perimeter", "service", "resource", "project", "reason", "expires");

  private final String file;
  private final List<Entry> entries;

  private Acceptances(String file, List<Entry> entries) {
    this.file = file;
    this.entries = List.copyOf(entries);
  }

  public String file() {
    return file;
  }

  /** Reads {@code --accept FILE} (YAML or JSON); any problem is bad input naming the entry. */
  public static Acceptances read(Path file) {
    String label = "--accept " + file;
    JsonNode root;
    try (JsonParser p = Yaml.FACTORY.createParser(InputFiles.readText(file, label, 1 << 20))) {
      root = dev.vpcscaudit.codec.JsonTrees.read(p);
    } catch (IOException e) {
      // The parser's own words, as it said them.
      throw BadInputException.at(
          label,
          Text.of(
              "input.at",
              Text.of("accept.not-yaml"),
              Text.verbatim(String.valueOf(e.getMessage()))));
    }
    JsonNode list = root != null && root.isObject() ? root.get("accept") : root;
    if (list == null || !list.isArray()) {
      throw BadInputException.at(label, Text.of("accept.not-a-list"));
    }
    List<Entry> entries = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      JsonNode e = list.get(i);
      String at = label + ": accept[" + i + "]";
      if (!e.isObject()) {
        throw BadInputException.at(at, Text.of("accept.not-a-mapping"));
      }
      e.fieldNames()
          .forEachRemaining(
              k -> {
                if (!KEYS.contains(k)) {
                  throw BadInputException.at(
                      at, Text.of("accept.unknown-key", k, String.join(", ", KEYS)));
                }
              });
      String rule = text(e, "rule", at, true);
      if (Rules.byId(rule) == null) {
        throw BadInputException.at(at, Text.of("accept.no-rule", rule));
      }
      String reason = text(e, "reason", at, true);
      LocalDate expires;
      try {
        expires = LocalDate.parse(text(e, "expires", at, true));
      } catch (DateTimeParseException x) {
        throw new BadInputException(
            Text.of("input.key", at, "expires", Text.of("accept.not-a-date")), x);
      }
      entries.add(
          new Entry(
              i,
              rule,
              text(e, "perimeter", at, false),
              text(e, "service", at, false),
              text(e, "resource", at, false),
              text(e, "project", at, false),
              reason,
              expires));
    }
    return new Acceptances(file.toString(), entries);
  }

  private static String text(JsonNode e, String key, String at, boolean required) {
    JsonNode v = e.get(key);
    if (v == null || v.isNull()) {
      if (required) {
        throw BadInputException.at(at, Text.of("input.missing-key", key));
      }
      return null;
    }
    if (!v.isValueNode() || v.asText().isBlank()) {
      throw BadInputException.atKey(at, key, Text.of("accept.empty-value"));
    }
    return v.asText();
  }

  /**
   * The findings of {@code project} that live entries accept (by the finding's baseline key), and
   * the findings the expired entries that still match give rise to ({@code acceptance-expired}).
   */
  Map<Finding, Entry> accepted(String project, List<Finding> findings, LocalDate today) {
    Map<Finding, Entry> out = new LinkedHashMap<>();
    for (Finding f : findings) {
      for (Entry e : entries) {
        if (!e.expires().isBefore(today) && e.matches(project, f)) {
          out.put(f, e);
          break;
        }
      }
    }
    return out;
  }

  /** An {@code acceptance-expired} finding for each expired entry that still matches a finding. */
  List<Finding> expired(String project, List<Finding> findings, LocalDate today) {
    List<Finding> out = new ArrayList<>();
    for (Entry e : entries) {
      if (!e.expires().isBefore(today)) {
        continue;
      }
      for (Finding f : findings) {
        if (e.matches(project, f)) {
          Text message =
              Text.of("acceptance.expired", e.describe(), file, e.index(), e.reason(), e.expires());
          out.add(
              new Finding(
                  Rules.ACCEPTANCE_EXPIRED,
                  Severity.ERROR,
                  f.mode(),
                  f.perimeter(),
                  f.service(),
                  f.resource(),
                  message,
                  Remedies.both(new Remedy.Manual(message, Text.of("acceptance.renew", file)))));
          break;
        }
      }
    }
    return out;
  }
}
