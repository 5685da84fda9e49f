package dev.vpcscaudit.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Cloud Build config of this repository ({@code cloudbuild.yaml}, {@code
 * cloudbuild-release.yaml}) read as Cloud Build reads it, with its steps' arguments after
 * substitution (cloud.google.com/build/docs/configuring-builds/substitute-variable-values: {@code
 * ${_X}} and {@code $_X} replaced, {@code $$} an escaped {@code $}), and {@code /workspace} moved
 * to a test folder.
 */
public final class CloudBuildFile {

  private final JsonNode config;

  private CloudBuildFile(JsonNode config) {
    this.config = config;
  }

  /** {@code name} at the repository's root. */
  public static CloudBuildFile read(String name) {
    try {
      return new CloudBuildFile(
          new YAMLMapper().readTree(Files.readString(Fixtures.repoRoot().resolve(name))));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public JsonNode config() {
    return config;
  }

  /** The declared substitutions with their defaults, overridden by {@code values}. */
  public Map<String, String> substitutions(Map<String, String> values) {
    Map<String, String> subs = new LinkedHashMap<>();
    config
        .path("substitutions")
        .properties()
        .forEach(e -> subs.put(e.getKey(), e.getValue().asText()));
    subs.putAll(values);
    return subs;
  }

  /** The step {@code id}'s arguments after substitution, /workspace being {@code workspace}. */
  public List<String> args(String id, Map<String, String> subs, Path workspace) {
    for (JsonNode step : config.path("steps")) {
      if (step.path("id").asText().equals(id)) {
        List<String> args = new ArrayList<>();
        step.path("args").forEach(a -> args.add(substitute(a.asText(), subs, workspace)));
        return args;
      }
    }
    throw new AssertionError("no step " + id);
  }

  /** The bash script of a step run as {@code bash -c SCRIPT}, after substitution. */
  public String script(String id, Map<String, String> subs, Path workspace) {
    List<String> args = args(id, subs, workspace);
    if (args.size() != 2 || !args.get(0).equals("-c")) {
      throw new AssertionError("step " + id + " is not bash -c SCRIPT: " + args);
    }
    return args.get(1);
  }

  static String substitute(String value, Map<String, String> subs, Path workspace) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '$' && i + 1 < value.length() && value.charAt(i + 1) == '$') {
        out.append('$');
        i++;
      } else if (c == '$' && i + 1 < value.length() && value.charAt(i + 1) == '{') {
        int end = value.indexOf('}', i);
        String name = value.substring(i + 2, end);
        if (!subs.containsKey(name)) {
          throw new AssertionError("substitution " + name + " has no value in the test");
        }
        // Values may refer to others (dynamicSubstitutions: true).
        out.append(substitute(subs.get(name), subs, workspace));
        i = end;
      } else {
        out.append(c);
      }
    }
    return out.toString().replace("/workspace", workspace.toString());
  }
}
