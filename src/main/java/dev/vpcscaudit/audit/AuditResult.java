package dev.vpcscaudit.audit;

import dev.vpcscaudit.model.ProjectRef;
import dev.vpcscaudit.profile.Profile;
import java.util.List;

/**
 * The outcome of a completed audit of one project: every perimeter that holds it, every check the
 * rules made (in evaluation order) and every finding, sorted by {@link Finding#ORDER}. A run that
 * could not read everything never produces one.
 *
 * @param source {@code api} for a live read, {@code file} for {@code --from-file}
 * @param servicesChecked whether the supported-services rules ran (a list was read)
 * @param dnsChecked whether the DNS rules ran (host names were resolved)
 * @param networkChecked the VPC network the network rules ran on ({@code --network}), or null
 * @param accessLevelsChecked whether the access levels were read, so that the rules about them ran
 * @param baseline the comparison with {@code --baseline}, or null
 * @param accepted the findings {@code --accept} accepts, with the entry that does
 * @param violationsRead what {@code --violations-file} held ({@link Violations#summary}), or null
 *     when no log was read
 */
public record AuditResult(
    ProjectRef project,
    Profile profile,
    String source,
    List<PerimeterMembership> perimeters,
    List<Finding> findings,
    List<Check> checks,
    boolean servicesChecked,
    boolean dnsChecked,
    String networkChecked,
    boolean accessLevelsChecked,
    Baseline.Comparison baseline,
    java.util.Map<Finding, Acceptances.Entry> accepted,
    dev.vpcscaudit.i18n.Text violationsRead) {

  public AuditResult {
    perimeters = List.copyOf(perimeters);
    findings = findings.stream().sorted(Finding.ORDER).toList();
    checks = List.copyOf(checks);
    accepted = accepted == null ? java.util.Map.of() : java.util.Map.copyOf(accepted);
  }

  /**
   * The same result with {@code --accept} applied as of {@code today}: findings a live entry
   * matches are accepted (they do not count), and each expired entry that still matches adds an
   * {@code acceptance-expired} error.
   */
  public AuditResult withAcceptances(Acceptances a, java.time.LocalDate today) {
    if (a == null) {
      return this;
    }
    List<Finding> all = new java.util.ArrayList<>(findings);
    all.addAll(a.expired(project.number(), findings, today));
    return copy(
        all, checks, baseline, a.accepted(project.number(), findings, today), violationsRead);
  }

  /**
   * The same result with the denials of the audit logs ({@code --violations-file}) as findings:
   * {@code dry-run-violations} and {@code enforced-violations} per perimeter. Applied before the
   * acceptances and the baseline, which then see them as any finding.
   */
  public AuditResult withViolations(Violations v) {
    if (v == null) {
      return this;
    }
    List<Finding> found = v.findings();
    List<Finding> all = new java.util.ArrayList<>(findings);
    all.addAll(found);
    // A test case for JUnit: each mode of each perimeter that holds the project, failed by its
    // denials; and each perimeter that denied without holding it.
    List<Check> withLogs = new java.util.ArrayList<>(checks);
    java.util.Set<String> covered = new java.util.HashSet<>();
    for (PerimeterMembership m : perimeters) {
      for (Mode mode : m.modes()) {
        Rule rule = mode == Mode.DRY_RUN ? Rules.DRY_RUN_VIOLATIONS : Rules.ENFORCED_VIOLATIONS;
        Finding failure =
            found.stream()
                .filter(f -> f.mode() == mode && m.name().equals(f.perimeter()))
                .findFirst()
                .orElse(null);
        withLogs.add(new Check(mode, m.name(), rule.id(), failure));
        covered.add(mode + m.name());
      }
    }
    for (Finding f : found) {
      if (!covered.contains(f.mode() + String.valueOf(f.perimeter()))) {
        withLogs.add(
            new Check(
                f.mode(),
                f.perimeter() == null ? project.resourceName() : f.perimeter(),
                f.rule().id(),
                f));
      }
    }
    return copy(all, withLogs, baseline, accepted, v.summary());
  }

  /** This result with what the {@code with...} methods change. */
  private AuditResult copy(
      List<Finding> findings,
      List<Check> checks,
      Baseline.Comparison baseline,
      java.util.Map<Finding, Acceptances.Entry> accepted,
      dev.vpcscaudit.i18n.Text violationsRead) {
    return new AuditResult(
        project,
        profile,
        source,
        perimeters,
        findings,
        checks,
        servicesChecked,
        dnsChecked,
        networkChecked,
        accessLevelsChecked,
        baseline,
        accepted,
        violationsRead);
  }

  /** The accepted exception that covers {@code f}, or null. */
  public Acceptances.Entry acceptance(Finding f) {
    return accepted.isEmpty() ? null : accepted.get(f);
  }

  /** The findings that count: every finding but the accepted ones. */
  private java.util.stream.Stream<Finding> counted() {
    // (An empty map is not asked: a record's hashCode bootstraps method handles at start-up.)
    return accepted.isEmpty()
        ? findings.stream()
        : findings.stream().filter(f -> !accepted.containsKey(f));
  }

  /** The same result compared with a previous report ({@code --baseline}). */
  public AuditResult withBaseline(Baseline b) {
    return copy(
        findings,
        checks,
        b == null ? null : b.compare(project.number(), findings),
        accepted,
        violationsRead);
  }

  /** Whether {@code --baseline} had {@code f}, or null without a baseline. */
  public Baseline.State baselineState(Finding f) {
    return baseline == null ? null : baseline.state(project.number(), f);
  }

  /** True when some new finding (against {@code --baseline}) is at least {@code threshold}. */
  public boolean hasNewFindingAtLeast(Severity threshold) {
    return baseline != null
        && counted()
            .anyMatch(
                f -> f.severity().atLeast(threshold) && baselineState(f) == Baseline.State.NEW);
  }

  /**
   * What a verdict covers: each check of the audit with whether it ran, in a fixed order ({@code
   * restricted-services}, {@code vpc-accessible-services}, {@code membership}, {@code
   * ingress-egress}, {@code access-levels}, {@code supported-services}, {@code dns}, {@code
   * network}). "Compliant" is always "compliant for the checks that ran".
   */
  public java.util.LinkedHashMap<String, Boolean> coverage() {
    java.util.LinkedHashMap<String, Boolean> c = new java.util.LinkedHashMap<>();
    c.put("restricted-services", true);
    c.put("vpc-accessible-services", profile.vpcAccessibleServicesRequired());
    c.put("membership", true);
    c.put("ingress-egress", true);
    c.put("access-levels", accessLevelsChecked);
    c.put("supported-services", servicesChecked);
    c.put("dns", dnsChecked);
    c.put("network", networkChecked != null);
    // The Shared VPC host is known live with --network, or from --shared-vpc-host.
    c.put(
        "shared-vpc",
        checks.stream()
            .anyMatch(k -> k.name().equals(Rules.SHARED_VPC_HOST_OUTSIDE_PERIMETER.id())));
    if (violationsRead != null) {
      c.put("violations", true); // only when asked for: the logs are evidence, not a config check
    }
    return c;
  }

  /** The checks of {@link #coverage} that ran, or that did not, comma-separated. */
  public String coverageLine(boolean ran) {
    return String.join(
        ", ",
        coverage().entrySet().stream()
            .filter(e -> e.getValue() == ran)
            .map(e -> e.getKey())
            .toList());
  }

  /** The findings of {@code severity} that count (accepted ones do not). */
  public long count(Severity severity) {
    return counted().filter(f -> f.severity() == severity).count();
  }

  /** The findings accepted by {@code --accept}. */
  public long acceptedCount() {
    return accepted.size();
  }

  /** True iff there is no error or warning finding. */
  public boolean compliant() {
    return count(Severity.ERROR) == 0 && count(Severity.WARNING) == 0;
  }

  /** The error and warning findings, the ones a plan is for. */
  public List<Finding> actionable() {
    return findings.stream().filter(f -> f.severity().atLeast(Severity.WARNING)).toList();
  }

  /** True when some finding is at least as severe as {@code threshold}. */
  public boolean hasFindingAtLeast(Severity threshold) {
    return counted().anyMatch(f -> f.severity().atLeast(threshold));
  }
}
