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
 * @param maxIpv4Prefix the widest IPv4 range an access level may admit ({@code 16}: a /16 passes, a
 *     /15 is too broad)
 * @param maxIpv6Prefix the same for IPv6 ({@code 48})
 * @param allowIngressIdentities accepted exceptions: identity types ({@code ANY_USER_ACCOUNT}) an
 *     ingress rule may admit from any source ({@code ingress-open-to-any-identity}), and named
 *     identities ({@code serviceAccount:ci@p.iam.gserviceaccount.com}) an ingress rule may admit
 *     from any network ({@code ingress-from-any-network}) when it names no one else
 * @param companionServices for a required service, the services VPC Service Controls' documentation
 *     says must be restricted with it for it to be fully protected, each with the page that says so
 *     ({@code companion-service-unrestricted}); in the profile's order
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
    String origin,
    int maxIpv4Prefix,
    int maxIpv6Prefix,
    List<String> allowIngressIdentities,
    java.util.Map<String, List<Companion>> companionServices) {

  /** A service to restrict with a required one, and the page that says so. */
  public record Companion(String service, String source) {
    public Companion {
      Objects.requireNonNull(service, "service");
      Objects.requireNonNull(source, "source");
    }
  }

  /** A profile without companion services. */
  public Profile(
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
      String origin,
      int maxIpv4Prefix,
      int maxIpv6Prefix,
      List<String> allowIngressIdentities) {
    this(
        name,
        title,
        description,
        sourceDocument,
        sourceSection,
        requiredServices,
        vpcAccessibleServicesRequired,
        restrictedVipRequired,
        restrictedVipHostnames,
        notes,
        origin,
        maxIpv4Prefix,
        maxIpv6Prefix,
        allowIngressIdentities,
        java.util.Map.of());
  }

  /** The default of {@code maxIpPrefix.ipv4}: a /16 is the widest range a level may admit. */
  public static final int DEFAULT_MAX_IPV4_PREFIX = 16;

  /** The default of {@code maxIpPrefix.ipv6}. */
  public static final int DEFAULT_MAX_IPV6_PREFIX = 48;

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
    allowIngressIdentities = List.copyOf(allowIngressIdentities);
    java.util.Map<String, List<Companion>> companions = new java.util.LinkedHashMap<>();
    companionServices.forEach((k, v) -> companions.put(k, List.copyOf(v)));
    companionServices = java.util.Collections.unmodifiableMap(companions);
  }
}
