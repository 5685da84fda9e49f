package dev.vpcscaudit.audit;

import dev.vpcscaudit.i18n.Text;
import dev.vpcscaudit.model.DnsAnswer;
import dev.vpcscaudit.model.PerimeterConfig;
import dev.vpcscaudit.model.ProjectRef;
import dev.vpcscaudit.model.ServicePerimeter;
import dev.vpcscaudit.model.SupportedService;
import dev.vpcscaudit.profile.Profile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Runs every rule of {@link Rules} for one project over perimeters from every candidate policy and
 * collects checks and findings, each finding with its remedy at each stage.
 *
 * <p>Enforced mode reads each perimeter's {@code status}; dry-run mode reads only explicit specs
 * ({@code useExplicitDryRunSpec: true}), because an inherited dry-run config is the status itself
 * and is reported once, as enforced. Bridge perimeters never protect: they are listed as members
 * but cannot restrict services.
 *
 * <p>Remedies of config findings: an enforced finding is fixed in {@code status} at the enforce
 * stage; at the dry-run stage in {@code spec}, unless the perimeter's explicit spec already passes
 * that check, when the step is to enforce the staged spec. A dry-run finding is fixed in {@code
 * spec} at both stages, so that a later {@code dry-run enforce} does not undo an enforced fix.
 */
public final class AuditEngine {

  private AuditEngine() {}

  /** Audits {@code project}, whose number must be known, against {@code profile}. */
  public static AuditResult audit(
      ProjectRef project, List<ServicePerimeter> perimeters, Profile profile, String source) {
    return audit(new AuditInput(project, perimeters, profile, null), source, null, null);
  }

  /** As {@link #audit(AuditInput, String, List, List)} with no target perimeter. */
  public static AuditResult audit(
      ProjectRef project,
      List<ServicePerimeter> perimeters,
      Profile profile,
      String source,
      List<SupportedService> supportedServices,
      List<DnsAnswer> dnsAnswers) {
    return audit(
        new AuditInput(project, perimeters, profile, null), source, supportedServices, dnsAnswers);
  }

  /**
   * Audits the input; when {@code supportedServices} is not null, checks each required service
   * against that list; when {@code dnsAnswers} is not null, checks that each name resolves into the
   * restricted VIP. Service and DNS findings are about a service or a host name, not a perimeter or
   * a mode: they are reported once, with mode {@code enforced} and no perimeter.
   *
   * @param source {@code api} or {@code file}, copied into the result
   */
  public static AuditResult audit(
      AuditInput input,
      String source,
      List<SupportedService> supportedServices,
      List<DnsAnswer> dnsAnswers) {
    return audit(input, source, supportedServices, dnsAnswers, null);
  }

  /**
   * As {@link #audit(AuditInput, String, List, List)}; when {@code network} is not null, also runs
   * the network rules on it (mode-less findings naming a router, route, zone or policy).
   */
  public static AuditResult audit(
      AuditInput input,
      String source,
      List<SupportedService> supportedServices,
      List<DnsAnswer> dnsAnswers,
      dev.vpcscaudit.network.NetworkState network) {
    Collector out = new Collector();
    String resource = input.resource();

    for (ProjectRule rule : Rules.projectRules()) {
      rule.check(input, out.project(rule, resource));
    }
    for (ServicePerimeter p : input.regular()) {
      if (p.enforcedConfig().holds(resource)) {
        checkConfig(p, p.enforcedConfig(), Mode.ENFORCED, input, out);
      }
    }
    for (ServicePerimeter p : input.regular()) {
      if (p.useExplicitDryRunSpec() && p.dryRunConfig().holds(resource)) {
        checkConfig(p, p.dryRunConfig(), Mode.DRY_RUN, input, out);
      }
    }
    if (supportedServices != null) {
      Map<String, SupportedService> byName = new HashMap<>();
      supportedServices.forEach(s -> byName.put(s.name(), s));
      for (String service : input.profile().requiredServices()) {
        for (ServiceRule rule : Rules.serviceRules()) {
          rule.check(
              service,
              byName.get(service),
              input.profile(),
              out.subject(rule, "services", service, rule.id() + " " + service));
        }
      }
    }
    if (dnsAnswers != null) {
      for (DnsAnswer a : dnsAnswers) {
        for (DnsRule rule : Rules.dnsRules()) {
          rule.check(a, out.subject(rule, "dns", a.name(), DnsRule.checkName(a.name())));
        }
      }
    }
    if (network != null) {
      for (NetworkRule rule : Rules.networkRules()) {
        rule.check(network, input.profile(), out.network(rule, network.selfLink()));
      }
    }
    return new AuditResult(
        input.project(),
        input.profile(),
        source,
        memberships(input),
        out.findings(),
        out.checks(),
        supportedServices != null,
        dnsAnswers != null,
        network == null ? null : network.selfLink(),
        input.accessLevels().read(),
        null,
        null,
        null);
  }

  /** The host names the DNS check resolves for {@code profile}: the VIP itself, then each API. */
  public static List<String> dnsNames(Profile profile) {
    List<String> names = new ArrayList<>();
    names.add("restricted.googleapis.com");
    names.addAll(profile.requiredServices());
    names.addAll(profile.restrictedVipHostnames());
    return names;
  }

  private static List<PerimeterMembership> memberships(AuditInput input) {
    List<PerimeterMembership> members = new ArrayList<>();
    for (ServicePerimeter p : input.perimeters()) {
      List<Mode> modes = new ArrayList<>();
      if (p.enforcedConfig().holds(input.resource())) {
        modes.add(Mode.ENFORCED);
      }
      if (p.useExplicitDryRunSpec() && p.dryRunConfig().holds(input.resource())) {
        modes.add(Mode.DRY_RUN);
      }
      if (!modes.isEmpty()) {
        members.add(new PerimeterMembership(p.name(), p.title(), p.type(), modes));
      }
    }
    return members;
  }

  private static void checkConfig(
      ServicePerimeter p, PerimeterConfig config, Mode mode, AuditInput input, Collector out) {
    Profile profile = input.profile();
    String field = mode == Mode.ENFORCED ? "status" : "spec";
    Severity modeSeverity = mode == Mode.ENFORCED ? Severity.ERROR : Severity.WARNING;
    for (ConfigRule rule : Rules.configRules()) {
      Severity severity = rule.warningOnly() ? Severity.WARNING : modeSeverity;
      Map<String, List<Edit>> specProblems =
          mode == Mode.ENFORCED && p.useExplicitDryRunSpec()
              ? problems(rule, p, p.dryRunConfig(), profile)
              : null;
      rule.check(
          new ConfigRule.Subject(p, config, field, profile, input.resource(), input.accessLevels()),
          new ConfigRule.Results() {
            @Override
            public void manual(String part, Severity level, Text message, Text step) {
              // No additive change fixes it (plans never remove): the same step at both stages.
              Finding f =
                  new Finding(
                      rule,
                      level == null ? severity : level,
                      mode,
                      p.name(),
                      null,
                      part,
                      message,
                      Remedies.both(new Remedy.Manual(message, step)));
              out.add(new Check(mode, p.name(), checkName(rule, part), f));
            }

            @Override
            public void pass(String service) {
              out.add(new Check(mode, p.name(), checkName(rule, service), null));
            }

            @Override
            public void fail(String service, Text message, List<Edit> edits) {
              Remedies remedies;
              if (mode == Mode.DRY_RUN) {
                remedies = Remedies.both(fix(p, ConfigTarget.SPEC, edits));
              } else {
                Remedy dryRun;
                if (specProblems == null) {
                  // No explicit spec: gcloud's dry-run update first copies status into one.
                  dryRun = fix(p, ConfigTarget.SPEC, edits);
                } else if (specProblems.containsKey(key(service))) {
                  dryRun = fix(p, ConfigTarget.SPEC, specProblems.get(key(service)));
                } else {
                  dryRun = Commands.alreadyStaged(p);
                }
                remedies = new Remedies(dryRun, fix(p, ConfigTarget.STATUS, edits));
              }
              Finding f =
                  new Finding(rule, severity, mode, p.name(), service, null, message, remedies);
              out.add(new Check(mode, p.name(), checkName(rule, service), f));
            }
          });
    }
  }

  /** The failures of {@code rule} on {@code config}, by service, with their edits. */
  private static Map<String, List<Edit>> problems(
      ConfigRule rule, ServicePerimeter p, PerimeterConfig config, Profile profile) {
    Map<String, List<Edit>> out = new HashMap<>();
    rule.check(
        new ConfigRule.Subject(p, config, "spec", profile),
        new ConfigRule.Results() {
          @Override
          public void pass(String service) {}

          @Override
          public void fail(String service, Text message, List<Edit> edits) {
            out.put(key(service), edits);
          }

          @Override
          public void manual(String part, Severity level, Text message, Text step) {}
        });
    return out;
  }

  private static String key(String service) {
    return Objects.requireNonNullElse(service, "");
  }

  private static Remedy fix(ServicePerimeter p, ConfigTarget target, List<Edit> edits) {
    return new Remedy.Fix(edits.stream().map(e -> new FixAction(p.name(), target, e)).toList());
  }

  private static String checkName(Rule rule, String service) {
    return service == null ? rule.id() : rule.id() + " " + service;
  }

  /** Collects checks in evaluation order; checks with the same name merge, a failure winning. */
  private static final class Collector {
    private final Map<String, Check> checks = new LinkedHashMap<>();
    private int extra;

    void add(Check c) {
      String key = c.mode() + "\u0000" + c.subject() + "\u0000" + c.name();
      Check old = checks.get(key);
      if (old == null || old.failure() == null) {
        checks.put(key, old == null ? c : c.failure() == null ? old : c);
      } else if (c.failure() != null) {
        checks.put(key + "\u0000" + extra++, c);
      }
    }

    ProjectRule.Results project(ProjectRule rule, String resource) {
      return new ProjectRule.Results() {
        @Override
        public void check(Mode mode, Severity severity, Text message, Remedies remedies) {
          add(
              new Check(
                  mode,
                  resource,
                  rule.id(),
                  new Finding(rule, severity, mode, null, null, null, message, remedies)));
        }

        @Override
        public void pass(Mode mode) {
          add(new Check(mode, resource, rule.id(), null));
        }
      };
    }

    SubjectResults subject(Rule rule, String subject, String service, String name) {
      return new SubjectResults() {
        @Override
        public void pass() {
          add(new Check(Mode.ENFORCED, subject, name, null));
        }

        @Override
        public void fail(Severity severity, Text message, Remedy remedy) {
          add(modeless(rule, severity, subject, name, service, null, message, remedy));
        }
      };
    }

    /** A failed check of a service, host name or network: no mode, no perimeter. */
    private static Check modeless(
        Rule rule,
        Severity severity,
        String subject,
        String name,
        String service,
        String resource,
        Text message,
        Remedy remedy) {
      Finding f =
          new Finding(
              rule,
              severity,
              Mode.ENFORCED,
              null,
              service,
              resource,
              message,
              Remedies.both(remedy));
      return new Check(Mode.ENFORCED, subject, name, f);
    }

    NetworkRule.Results network(NetworkRule rule, String network) {
      return new NetworkRule.Results() {
        @Override
        public void pass(String check) {
          add(new Check(Mode.ENFORCED, network, name(check), null));
        }

        @Override
        public void fail(
            String check, Severity severity, String resource, Text message, Remedy remedy) {
          add(modeless(rule, severity, network, name(check), null, resource, message, remedy));
        }

        private String name(String check) {
          return check.isEmpty() ? rule.id() : rule.id() + " " + check;
        }
      };
    }

    List<Check> checks() {
      return List.copyOf(checks.values());
    }

    List<Finding> findings() {
      return checks.values().stream().map(Check::failure).filter(Objects::nonNull).toList();
    }
  }
}
