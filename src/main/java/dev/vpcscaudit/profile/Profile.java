package dev.vpcscaudit.profile;

import java.util.List;
import java.util.Objects;

/**
 * What a perimeter must do for a workload: the services it must restrict and whether VPC accessible
 * services must be limited to them. Loaded from a YAML profile by {@link Profiles}.
 *
 * @param name short name, e.g. {@code gdc-bare-metal}
 * @param origin where it was loaded from: {@code shipped} or the file path given
 * @param requiredServices service names in the order the profile lists them, no duplicates
 * @param restrictedVipRequired every required service must be reachable on the restricted VIP
 *     (checked with {@code --check-services} / {@code --services-file})
 * @param restrictedVipHostnames more names the DNS check resolves besides the services, e.g. {@code
 *     gcr.io}
 */
public record Profile(
    String name,
    String title,
    String description,
    String sourceDocument,
    String sourceSection,
    List<String> requiredServices,
    boolean vpcAccessibleServicesRequired,
    boolean restrictedVipRequired,
    List<String> restrictedVipHostnames,
    List<String> notes,
    String origin) {

  public Profile {
    Objects.requireNonNull(name, "name");
    title = Objects.requireNonNullElse(title, "");
    description = Objects.requireNonNullElse(description, "");
    sourceDocument = Objects.requireNonNullElse(sourceDocument, "");
    sourceSection = Objects.requireNonNullElse(sourceSection, "");
    requiredServices = List.copyOf(requiredServices);
    restrictedVipHostnames = List.copyOf(restrictedVipHostnames);
    notes = List.copyOf(notes);
    origin = Objects.requireNonNullElse(origin, "");
  }
}
