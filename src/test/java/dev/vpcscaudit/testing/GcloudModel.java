package dev.vpcscaudit.testing;

import dev.vpcscaudit.model.PerimeterConfig;
import dev.vpcscaudit.model.ServicePerimeter;
import dev.vpcscaudit.model.VpcAccessibleServices;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * An independent model of what gcloud does with the commands a fix plan runs (Google Cloud SDK
 * {@code access-context-manager perimeters update | dry-run update | dry-run enforce}): add flags
 * are read-modify-write unions; {@code dry-run update} on a perimeter without an explicit spec
 * first copies status into spec and sets useExplicitDryRunSpec; {@code dry-run enforce} copies spec
 * into status and clears it. Any flag it does not know fails the test.
 */
public final class GcloudModel {

  private GcloudModel() {}

  public static List<ServicePerimeter> apply(
      List<ServicePerimeter> perimeters, List<List<String>> invocations) {
    Map<String, ServicePerimeter> byName = new LinkedHashMap<>();
    perimeters.forEach(p -> byName.put(p.name(), p));
    for (List<String> argv : invocations) {
      if (!argv.subList(0, 2).equals(List.of("access-context-manager", "perimeters"))) {
        throw new AssertionError("not a perimeters command: " + argv);
      }
      boolean dryRun = argv.get(2).equals("dry-run");
      String verb = dryRun ? argv.get(3) : argv.get(2);
      String shortName = dryRun ? argv.get(4) : argv.get(3);
      Map<String, String> flags = new LinkedHashMap<>();
      for (String a : argv.subList(dryRun ? 5 : 4, argv.size())) {
        int eq = a.indexOf('=');
        flags.put(eq < 0 ? a : a.substring(0, eq), eq < 0 ? "" : a.substring(eq + 1));
      }
      String policy = flags.remove("--policy");
      if (policy == null) {
        throw new AssertionError("no --policy in " + argv);
      }
      flags.remove("--etag");
      flags.remove("--format"); // what gcloud prints, not what it changes
      String name = "accessPolicies/" + policy + "/servicePerimeters/" + shortName;
      ServicePerimeter p = byName.get(name);
      if (p == null) {
        throw new AssertionError("no perimeter " + name);
      }
      if (verb.equals("enforce") && dryRun) {
        p = with(p, p.dryRunConfig(), null, false);
      } else if (verb.equals("update")) {
        if (dryRun) {
          PerimeterConfig base =
              p.useExplicitDryRunSpec() ? orEmpty(p.spec()) : orEmpty(p.status());
          p = with(p, p.status(), add(base, flags, argv), true);
        } else {
          p = with(p, add(orEmpty(p.status()), flags, argv), p.spec(), p.useExplicitDryRunSpec());
        }
      } else {
        throw new AssertionError("unknown verb in " + argv);
      }
      byName.put(name, p);
    }
    return new ArrayList<>(byName.values());
  }

  private static PerimeterConfig add(
      PerimeterConfig c, Map<String, String> flags, List<String> argv) {
    List<String> resources = c.resources();
    List<String> restricted = c.restrictedServices();
    VpcAccessibleServices vpc = c.vpcAccessibleServices();
    for (Map.Entry<String, String> f : flags.entrySet()) {
      List<String> values =
          f.getValue().isEmpty() ? List.of() : Arrays.asList(f.getValue().split(","));
      switch (f.getKey()) {
        case "--add-resources" -> resources = union(resources, values);
        case "--add-restricted-services" -> restricted = union(restricted, values);
        case "--enable-vpc-accessible-services" -> {
          VpcAccessibleServices v = vpc == null ? VpcAccessibleServices.DISABLED : vpc;
          vpc =
              new VpcAccessibleServices(
                  true,
                  v.allowedServices(),
                  v.allowedServicePatterns(),
                  v.servicePatternsEnforcementScopes());
        }
        case "--add-vpc-allowed-services" -> {
          VpcAccessibleServices v = vpc == null ? VpcAccessibleServices.DISABLED : vpc;
          vpc =
              new VpcAccessibleServices(
                  v.enableRestriction(),
                  union(v.allowedServices(), values),
                  v.allowedServicePatterns(),
                  v.servicePatternsEnforcementScopes());
        }
        default ->
            throw new AssertionError(
                "flag the model does not know (" + f.getKey() + ") in " + argv);
      }
    }
    if (vpc != null && !vpc.enableRestriction() && !vpc.allowedServices().isEmpty()) {
      throw new AssertionError(
          "the API refuses allowedServices without enableRestriction: " + argv);
    }
    return new PerimeterConfig(
        resources, c.accessLevels(), restricted, vpc, c.ingressPolicies(), c.egressPolicies());
  }

  private static List<String> union(List<String> a, List<String> b) {
    LinkedHashSet<String> s = new LinkedHashSet<>(a);
    s.addAll(b);
    return new ArrayList<>(s);
  }

  private static PerimeterConfig orEmpty(PerimeterConfig c) {
    return c == null ? PerimeterConfig.EMPTY : c;
  }

  private static ServicePerimeter with(
      ServicePerimeter p, PerimeterConfig status, PerimeterConfig spec, boolean explicit) {
    return p.withConfigs(status, spec, explicit);
  }
}
