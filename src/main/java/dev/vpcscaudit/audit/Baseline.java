package dev.vpcscaudit.audit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vpcscaudit.codec.PerimeterJsonReader;
import dev.vpcscaudit.error.BadInputException;
import dev.vpcscaudit.files.InputFiles;
import dev.vpcscaudit.i18n.Text;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A previous run's JSON report ({@code --baseline FILE}), to tell which findings are new, which are
 * unchanged and which are gone, as scanners users know do it (SARIF's {@code baselineState}). A
 * finding is the same one when its project, mode, perimeter, rule, service and resource are: the
 * message may change wording between versions without making it new. Reads the report of one
 * project and the report of many alike.
 */
public final class Baseline {

  /** A finding's state against the baseline. */
  public enum State {
    NEW("new"),
    UNCHANGED("unchanged"),
    ABSENT("absent");

    private final String label;

    State(String label) {
      this.label = label;
    }

    /** The JSON and SARIF value. */
    public String label() {
      return label;
    }
  }

  /** A finding of the previous report, as far as the comparison and a report of it need. */
  public record Previous(
      String project,
      String mode,
      String perimeter,
      String ruleId,
      String service,
      String resource,
      String severity,
      String message) {
    String key() {
      return Baseline.key(project, mode, perimeter, ruleId, service, resource);
    }
  }

  /** The comparison of one project's findings with the baseline. */
  public record Comparison(String file, Map<String, State> states, List<Previous> absent) {
    public Comparison {
      states = Map.copyOf(states);
      absent = List.copyOf(absent);
    }

    /** The state of {@code f}, a finding of the project compared. */
    public State state(String project, Finding f) {
      return states.getOrDefault(key(project, f), State.NEW);
    }

    public long count(State s) {
      return s == State.ABSENT
          ? absent.size()
          : states.values().stream().filter(v -> v == s).count();
    }

    /** "3 new, 10 unchanged, 1 fixed since FILE". */
    public String summary() {
      return count(State.NEW)
          + " new, "
          + count(State.UNCHANGED)
          + " unchanged, "
          + count(State.ABSENT)
          + " fixed since "
          + file;
    }
  }

  private final String file;
  private final Map<String, Previous> previous;

  private Baseline(String file, Map<String, Previous> previous) {
    this.file = file;
    this.previous = previous;
  }

  /** Reads {@code --baseline FILE}; any problem is bad input naming the file. */
  public static Baseline read(Path file) {
    String label = "--baseline " + file;
    JsonNode root = PerimeterJsonReader.parseTree(InputFiles.readText(file, label), label);
    if (!root.isObject() || !root.path("schemaVersion").asText("").equals("1")) {
      throw BadInputException.at(label, Text.of("baseline.not-a-report"));
    }
    Map<String, Previous> previous = new LinkedHashMap<>();
    if (root.has("projects")) {
      for (JsonNode p : root.path("projects")) {
        add(previous, p.path("project").path("number").asText(""), p.path("findings"));
      }
    } else {
      add(previous, root.path("project").path("number").asText(""), root.path("findings"));
    }
    return new Baseline(file.toString(), previous);
  }

  private static void add(Map<String, Previous> out, String project, JsonNode findings) {
    for (JsonNode f : findings) {
      Previous p =
          new Previous(
              project,
              f.path("mode").asText(""),
              text(f, "perimeter"),
              f.path("ruleId").asText(""),
              text(f, "service"),
              text(f, "resource"),
              f.path("severity").asText(""),
              f.path("message").asText(""));
      out.putIfAbsent(p.key(), p);
    }
  }

  private static String text(JsonNode f, String field) {
    JsonNode v = f.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  /** Compares the findings of {@code project} with the baseline's findings of that project. */
  public Comparison compare(String project, List<Finding> findings) {
    Map<String, State> states = new LinkedHashMap<>();
    for (Finding f : findings) {
      String key = key(project, f);
      states.put(key, previous.containsKey(key) ? State.UNCHANGED : State.NEW);
    }
    List<Previous> absent = new ArrayList<>();
    for (Previous p : previous.values()) {
      if (p.project().equals(project) && !states.containsKey(p.key())) {
        absent.add(p);
      }
    }
    return new Comparison(file, states, absent);
  }

  static String key(String project, Finding f) {
    return key(project, f.mode().label(), f.perimeter(), f.rule().id(), f.service(), f.resource());
  }

  static String key(
      String project,
      String mode,
      String perimeter,
      String ruleId,
      String service,
      String resource) {
    return String.join(
        "\u0000",
        project,
        mode,
        Objects.requireNonNullElse(perimeter, ""),
        ruleId,
        Objects.requireNonNullElse(service, ""),
        Objects.requireNonNullElse(resource, ""));
  }
}
