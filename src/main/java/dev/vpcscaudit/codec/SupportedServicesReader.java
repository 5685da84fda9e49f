package dev.vpcscaudit.codec;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vpcscaudit.error.BadInputException;
import dev.vpcscaudit.files.InputFiles;
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
      root = root.get("supportedServices");
    }
    if (!root.isArray()) {
      throw new BadInputException(
          label
              + ": expected the JSON list of 'gcloud access-context-manager supported-services list"
              + " --format=json', got "
              + JsonFields.describe(root));
    }
    return readList(root, "", label);
  }

  /** Reads an array of SupportedService objects found at {@code path}. */
  public static List<SupportedService> readList(JsonNode array, String path, String source) {
    List<SupportedService> out = new ArrayList<>();
    List<String> ignored = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      out.add(
          JsonFields.read(
              array.get(i),
              path + "[" + i + "]",
              source,
              ignored,
              f ->
                  new SupportedService(
                      f.requiredString("name"),
                      f.string("title"),
                      f.bool("availableOnRestrictedVip"),
                      f.bool("knownLimitations"),
                      f.string("serviceSupportStage"))));
    }
    return out;
  }
}
