package dev.vpcscaudit.codec;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vpcscaudit.error.BadInputException;
import dev.vpcscaudit.files.InputFiles;
import dev.vpcscaudit.i18n.Text;
import dev.vpcscaudit.model.SupportedService;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the supported-services list: the JSON array of {@code gcloud access-context-manager
 * supported-services list --format=json}, or a {@code services.list} API response ({@code
 * {"supportedServices": [...], "nextPageToken": "..."}}). Fields other than the ones modelled (e.g.
 * {@code supportedMethods}) are accepted and ignored: nothing is re-rendered from them.
 */
public final class SupportedServicesReader {

  private SupportedServicesReader() {}

  /** Reads {@code --services-file}; any problem is bad input naming the file. */
  public static List<SupportedService> read(Path file) {
    String label = "--services-file " + file;
    JsonNode root = PerimeterJsonReader.parseTree(InputFiles.readText(file, label), label);
    if (root.isObject() && root.has("supportedServices")) {
      PerimeterJsonReader.refuseFirstPage(root, label, Text.of("json.list.services"));
      root = root.get("supportedServices");
    }
    if (!root.isArray()) {
      throw BadInputException.at(
          label, Text.of("json.expected-services-list", JsonFields.describe(root)));
    }
    if (root.isEmpty()) {
      throw BadInputException.at(label, Text.of("json.services-empty"));
    }
    return readList(root, "", label);
  }

  /** A service name: a host name such as {@code logging.googleapis.com}. */
  private static final java.util.regex.Pattern SERVICE =
      java.util.regex.Pattern.compile("[a-z0-9-]+(\\.[a-z0-9-]+)+");

  private static String serviceName(JsonFields f) {
    String name = f.requiredString("name");
    if (!SERVICE.matcher(name).matches()) {
      throw JsonFields.error(
          f.source(),
          f.path().isEmpty() ? "name" : f.path() + ".name",
          Text.of("json.not-a-supported-service", name));
    }
    return name;
  }

  /** Reads an array of SupportedService objects found at {@code path}. */
  public static List<SupportedService> readList(JsonNode array, String path, String source) {
    List<SupportedService> out = new ArrayList<>();
    List<String> ignored = new ArrayList<>();
    java.util.Map<String, Integer> index = new java.util.HashMap<>();
    for (int i = 0; i < array.size(); i++) {
      SupportedService s =
          JsonFields.read(
              array.get(i),
              path + "[" + i + "]",
              source,
              ignored,
              f ->
                  new SupportedService(
                      serviceName(f),
                      f.string("title"),
                      f.bool("availableOnRestrictedVip"),
                      f.bool("knownLimitations"),
                      f.string("serviceSupportStage")));
      Integer first = index.putIfAbsent(s.name(), i);
      if (first != null) {
        // Which entry is true? The last one winning would let a bad first entry pass unseen.
        throw JsonFields.error(
            source, path + "[" + i + "]", Text.of("json.service-twice", s.name(), first));
      }
      out.add(s);
    }
    return out;
  }
}
