package dev.vpcscaudit.audit;

import dev.vpcscaudit.dns.DnsAnswer;
import dev.vpcscaudit.dns.VipRanges;
import dev.vpcscaudit.model.PerimeterConfig;
import dev.vpcscaudit.model.ProjectRef;
import dev.vpcscaudit.model.ServicePerimeter;
import dev.vpcscaudit.model.SupportedService;
import dev.vpcscaudit.model.VpcAccessibleServices;
import dev.vpcscaudit.profile.Profile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates the contract's rules for one project over perimeters from every candidate policy.
 *
 * <p>Enforced mode reads each perimeter's {@code status}; dry-run mode reads only explicit specs
 * ({@code useExplicitDryRunSpec: true}), because an inherited dry-run config is the status itself
 * and is reported once, as enforced. Bridge perimeters never protect: they are listed as members
 * but cannot restrict services.
 */
public final class AuditEngine {

  private AuditEngine() {}

  /**
   * Audits {@code project}, whose number must be known, against {@code profile}.
   *
   * @param source {@code api} or {@code file}, copied into the result
   */
  public static AuditResult audit(
      ProjectRef project, List<ServicePerimeter> perimeters, Profile profile, String source) {
    return audit(project, perimeters, profile, source, null, null);
  }

  /**
   * Audits {@code project} and, when {@code supportedServices} is not null, checks each required
   * service against that list; when {@code dnsAnswers} is not null, checks that each name resolves
   * into the restricted VIP. Service and DNS findings are about a service or a host name, not a
   * perimeter or a mode: they are reported once, with mode {@code enforced} and no perimeter.
   */
  public static AuditResult audit(
      ProjectRef project,
      List<ServicePerimeter> perimeters,
      Profile profile,
      String source,
      List<SupportedService> supportedServices,
      List<DnsAnswer> dnsAnswers) {
    String resource = project.resourceName();
    List<ServicePerimeter> sorted =
        perimeters.stream().sorted(Comparator.comparing(ServicePerimeter::name)).toList();

    List<PerimeterMembership> members = new ArrayList<>();
    List<ServicePerimeter> enforcedRegular = new ArrayList<>();
    List<ServicePerimeter> enforcedBridge = new ArrayList<>();
    List<ServicePerimeter> dryRunRegular = new ArrayList<>();
    boolean heldInDryRunView = false;
    for (ServicePerimeter p : sorted) {
      List<Mode> modes = new ArrayList<>();
      if (p.enforcedConfig().holds(resource)) {
        modes.add(Mode.ENFORCED);
        (p.isRegular() ? enforcedRegular : enforcedBridge).add(p);
      }
      if (p.useExplicitDryRunSpec() && p.dryRunConfig().holds(resource)) {
        modes.add(Mode.DRY_RUN);
        if (p.isRegular()) {
          dryRunRegular.add(p);
        }
      }
      if (p.isRegular() && p.dryRunConfig().holds(resource)) {
        heldInDryRunView = true;
      }
      if (!modes.isEmpty()) {
        members.add(new PerimeterMembership(p.name(), p.title(), p.type(), modes));
      }
    }

    List<Finding> findings = new ArrayList<>();
    if (enforcedRegular.isEmpty()) {
      String bridges =
          enforcedBridge.isEmpty()
              ? ""
              : " (bridge perimeter "
                  + String.join(", ", enforcedBridge.stream().map(ServicePerimeter::name).toList())
                  + " holds it, but a bridge does not restrict services)";
      findings.add(
          new Finding(
              Rule.PROJECT_NOT_IN_PERIMETER,
              Severity.ERROR,
              Mode.ENFORCED,
              null,
              null,
              resource + " is in no regular perimeter's enforced config" + bridges));
    } else if (!heldInDryRunView) {
      findings.add(
          new Finding(
              Rule.PROJECT_NOT_IN_PERIMETER,
              Severity.WARNING,
              Mode.DRY_RUN,
              null,
              null,
              resource
                  + " is enforced in "
                  + String.join(", ", enforcedRegular.stream().map(ServicePerimeter::name).toList())
                  + " but no dry-run config holds it: enforcing the staged dry-run specs would"
                  + " leave it unprotected"));
    }
    for (ServicePerimeter p : enforcedRegular) {
      checkConfig(p, p.enforcedConfig(), Mode.ENFORCED, Severity.ERROR, profile, findings);
    }
    for (ServicePerimeter p : dryRunRegular) {
      checkConfig(p, p.dryRunConfig(), Mode.DRY_RUN, Severity.WARNING, profile, findings);
    }
    if (supportedServices != null) {
      checkServices(supportedServices, profile, findings);
    }
    if (dnsAnswers != null) {
      checkDns(dnsAnswers, findings);
    }
    return new AuditResult(
        project, profile, source, members, findings, supportedServices != null, dnsAnswers != null);
  }

  /** The host names the DNS check resolves for {@code profile}: the VIP itself, then each API. */
  public static List<String> dnsNames(Profile profile) {
    List<String> names = new ArrayList<>();
    names.add("restricted.googleapis.com");
    names.addAll(profile.requiredServices());
    names.addAll(profile.restrictedVipHostnames());
    return names;
  }

  private static void checkDns(List<DnsAnswer> answers, List<Finding> findings) {
    for (DnsAnswer a : answers) {
      String via = a.aliases().isEmpty() ? "" : " (via " + String.join(" -> ", a.aliases()) + ")";
      if (!a.found() || a.addresses().isEmpty()) {
        findings.add(
            new Finding(
                Rule.DNS_NO_ADDRESS,
                Severity.ERROR,
                Mode.ENFORCED,
                null,
                a.name(),
                a.name() + " does not resolve to any address" + via));
        continue;
      }
      List<String> outside =
          a.addresses().stream().filter(x -> !VipRanges.isRestricted(x)).toList();
      if (!outside.isEmpty()) {
        boolean privateVip = outside.stream().anyMatch(VipRanges::isPrivate);
        findings.add(
            new Finding(
                Rule.DNS_NOT_RESTRICTED_VIP,
                Severity.ERROR,
                Mode.ENFORCED,
                null,
                a.name(),
                a.name()
                    + " resolves to "
                    + String.join(", ", outside)
                    + via
                    + (privateVip
                        ? ", the private.googleapis.com range: do not mix the two VIPs"
                        : ", outside "
                            + VipRanges.RESTRICTED_V4
                            + " and "
                            + VipRanges.RESTRICTED_V6)));
      }
    }
  }

  private static void checkServices(
      List<SupportedService> supported, Profile profile, List<Finding> findings) {
    Map<String, SupportedService> byName = new HashMap<>();
    supported.forEach(s -> byName.put(s.name(), s));
    for (String service : profile.requiredServices()) {
      SupportedService s = byName.get(service);
      if (s == null) {
        findings.add(
            serviceFinding(
                Rule.SERVICE_NOT_SUPPORTED,
                Severity.ERROR,
                service,
                service + " is not in the list of services VPC Service Controls supports"));
        continue;
      }
      if (profile.restrictedVipRequired() && !s.availableOnRestrictedVip()) {
        findings.add(
            serviceFinding(
                Rule.SERVICE_NOT_ON_RESTRICTED_VIP,
                Severity.ERROR,
                service,
                service + " is not available on the restricted VIP (restricted.googleapis.com)"));
      }
      String stage = s.serviceSupportStage();
      if (stage.equals("DEPRECATED")) {
        findings.add(
            serviceFinding(
                Rule.SERVICE_SUPPORT_DEPRECATED,
                Severity.WARNING,
                service,
                "VPC Service Controls support for " + service + " is deprecated"));
      } else if (stage.equals("PREVIEW")) {
        findings.add(
            serviceFinding(
                Rule.SERVICE_SUPPORT_PREVIEW,
                Severity.INFO,
                service,
                "VPC Service Controls support for "
                    + service
                    + " is in preview"
                    + (s.knownLimitations() ? ", with known limitations" : "")));
      }
    }
  }

  private static Finding serviceFinding(
      Rule rule, Severity severity, String service, String message) {
    return new Finding(rule, severity, Mode.ENFORCED, null, service, message);
  }

  private static void checkConfig(
      ServicePerimeter perimeter,
      PerimeterConfig config,
      Mode mode,
      Severity severity,
      Profile profile,
      List<Finding> findings) {
    String name = perimeter.name();
    String where = mode == Mode.ENFORCED ? "status" : "spec";
    for (String service : profile.requiredServices()) {
      if (!config.restrictedServices().contains(service)) {
        findings.add(
            new Finding(
                Rule.REQUIRED_SERVICE_UNRESTRICTED,
                severity,
                mode,
                name,
                service,
                service + " is not in " + where + ".restrictedServices"));
      }
    }
    if (!profile.vpcAccessibleServicesRequired()) {
      return;
    }
    VpcAccessibleServices vpc = config.vpcOrDefault();
    if (!vpc.enableRestriction()) {
      findings.add(
          new Finding(
              Rule.VPC_ACCESSIBLE_SERVICES_DISABLED,
              severity,
              mode,
              name,
              null,
              where
                  + ".vpcAccessibleServices.enableRestriction is not true: the perimeter's VPC"
                  + " networks can reach any Google API, not only restricted ones"));
      return;
    }
    for (String service : profile.requiredServices()) {
      boolean restricted = config.restrictedServices().contains(service);
      boolean allowed =
          vpc.allowedServices().contains(service) || vpc.allowsRestrictedServices() && restricted;
      // Unrestricted while RESTRICTED-SERVICES is allowed: restricting it also makes it
      // accessible, so it is reported once, as required-service-unrestricted.
      boolean reportedAsUnrestricted = !restricted && vpc.allowsRestrictedServices();
      if (!allowed && !reportedAsUnrestricted) {
        findings.add(
            new Finding(
                Rule.VPC_ALLOWED_SERVICE_MISSING,
                severity,
                mode,
                name,
                service,
                service
                    + " is not in "
                    + where
                    + ".vpcAccessibleServices.allowedServices, which does not include "
                    + VpcAccessibleServices.RESTRICTED_SERVICES));
      }
    }
  }
}
