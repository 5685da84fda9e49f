package dev.vpcscaudit.testing;

import dev.vpcscaudit.codec.PerimeterJsonReader;
import dev.vpcscaudit.model.ServicePerimeter;
import dev.vpcscaudit.profile.Profile;
import dev.vpcscaudit.profile.Profiles;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** Test data built through the real parsers, so tests speak the API's JSON. */
public final class Fixtures {

  public static final String PROJECT = "123456789012";
  public static final String POLICY = "accessPolicies/111";

  private Fixtures() {}

  /** The repository root (Maven passes it; falls back to the working directory). */
  public static Path repoRoot() {
    return Path.of(System.getProperty("project.basedir", ".")).toAbsolutePath();
  }

  public static Profile gdc() {
    return Profiles.resolve(Profiles.DEFAULT);
  }

  /** Parses a JSON list of perimeters (or one perimeter) as the file reader does. */
  public static List<ServicePerimeter> perimeters(String json) {
    return PerimeterJsonReader.readPerimeters(PerimeterJsonReader.parseTree(json, "test"), "test");
  }

  /** A JSON array of quoted strings. */
  public static String jsonList(List<String> values) {
    return values.stream().map(v -> "\"" + v + "\"").collect(Collectors.joining(", ", "[", "]"));
  }

  /** The profile's required services as a JSON array. */
  public static String allRequired() {
    return jsonList(gdc().requiredServices());
  }

  /** A config holding the project, restricting {@code services}, with the given VPC settings. */
  public static String config(String services, String vpc) {
    return "{\"resources\": [\"projects/"
        + PROJECT
        + "\"], \"restrictedServices\": "
        + services
        + (vpc == null ? "" : ", \"vpcAccessibleServices\": " + vpc)
        + "}";
  }

  /** VPC accessible services enabled and allowing RESTRICTED-SERVICES. */
  public static final String VPC_RESTRICTED =
      "{\"enableRestriction\": true, \"allowedServices\": [\"RESTRICTED-SERVICES\"]}";

  /** A config that satisfies the GDC profile. */
  public static String compliantConfig() {
    return config(allRequired(), VPC_RESTRICTED);
  }

  /** A regular perimeter {@code name} with the given status and no explicit spec. */
  public static String perimeter(String name, String status) {
    return "{\"name\": \""
        + POLICY
        + "/servicePerimeters/"
        + name
        + "\", \"status\": "
        + status
        + "}";
  }

  /** A regular perimeter with an explicit dry-run spec. */
  public static String perimeter(String name, String status, String spec) {
    return "{\"name\": \""
        + POLICY
        + "/servicePerimeters/"
        + name
        + "\""
        + (status == null ? "" : ", \"status\": " + status)
        + ", \"spec\": "
        + spec
        + ", \"useExplicitDryRunSpec\": true}";
  }

  public static String fullName(String name) {
    return POLICY + "/servicePerimeters/" + name;
  }
}
