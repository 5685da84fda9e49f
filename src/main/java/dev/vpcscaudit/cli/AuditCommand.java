package dev.vpcscaudit.cli;

import dev.vpcscaudit.ToolVersion;
import dev.vpcscaudit.audit.AuditEngine;
import dev.vpcscaudit.audit.AuditResult;
import dev.vpcscaudit.audit.Severity;
import dev.vpcscaudit.dns.DnsResolver;
import dev.vpcscaudit.i18n.Messages;
import dev.vpcscaudit.i18n.Text;
import dev.vpcscaudit.model.DnsAnswer;
import dev.vpcscaudit.model.ProjectRef;
import dev.vpcscaudit.profile.Profile;
import dev.vpcscaudit.report.JUnitReport;
import dev.vpcscaudit.report.JsonReport;
import dev.vpcscaudit.report.MarkdownReport;
import dev.vpcscaudit.report.ReportFormat;
import dev.vpcscaudit.report.SarifReport;
import dev.vpcscaudit.report.TextReport;
import dev.vpcscaudit.source.PerimeterSource;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

/** {@code vpcsc-audit audit}: finds the perimeters that hold a project and checks them. */
public final class AuditCommand extends ReadingCommand {

  final ManyProjectsOptions many = new ManyProjectsOptions();

  final ProfileOption profileOption = new ProfileOption();

  final ServicesOptions services = new ServicesOptions();

  final NetworkOptions network = new NetworkOptions();

  final ViolationsOptions violations = new ViolationsOptions();

  /** {@code --fail-on} values. */
  enum FailOn {
    error("error"),
    warning("warning"),
    never("never"),
    /** Only a finding (error or warning) that the --baseline report did not have. */
    newFindings("new");

    private final String label;

    FailOn(String label) {
      this.label = label;
    }

    @Override
    public String toString() {
      return label;
    }
  }

  private static final java.util.Map<String, ReportFormat> FORMATS = Cmd.names(ReportFormat.class);
  private static final java.util.Map<String, FailOn> FAIL_ON = Cmd.names(FailOn.class);

  List<ReportFormat> formats = List.of();
  java.nio.file.Path outputDir;
  FailOn failOn;
  java.nio.file.Path baselineFile;
  dev.vpcscaudit.audit.Baseline baseline;
  java.nio.file.Path acceptFile;
  dev.vpcscaudit.audit.Acceptances acceptances;
  boolean checkDns;
  String dnsResolver;

  @Override
  void declareOwn(Cmd c) {
    c.describe(Text.of("help.audit.describe.1"))
        .footer(
            Text.verbatim(""),
            Text.of("help.audit.footer.1"),
            Text.verbatim(""),
            Text.of("help.audit.footer.2"),
            Text.verbatim(
                "  vpcsc-audit audit --project gdc-prod                       (live, Application Default Credentials)"),
            Text.verbatim(
                "  gcloud access-context-manager perimeters list --policy=POLICY --format=json > perimeters.json"),
            Text.verbatim(
                "  vpcsc-audit audit --project 123456789012 --from-file perimeters.json   (offline)"));
    many.declare(c);
    profileOption.declare(c);
    services.declare(c);
    network.declare(c);
    c.choice(
        "--format",
        "FORMAT",
        Text.of("help.format", String.join(", ", FORMATS.keySet())),
        FORMATS.keySet(),
        /* list= */ true);
    c.pathOption("--output-dir", "DIR", Text.of("help.output-dir"), Cmd.Complete.DIR);
    c.exclusive("--output", "--output-dir");
    c.choice(
        "--fail-on",
        "LEVEL",
        Text.of("help.fail-on", String.join(", ", FAIL_ON.keySet())),
        FAIL_ON.keySet(),
        /* list= */ false);
    c.pathOption("--baseline", "FILE", Text.of("help.baseline"), Cmd.Complete.FILE);
    c.pathOption("--accept", "FILE", Text.of("help.accept"), Cmd.Complete.FILE);
    violations.declare(c, /* gate= */ false);
    c.flag("--check-dns", Text.of("help.check-dns"));
    c.option("--dns-resolver", "HOST[:PORT]", Text.of("help.dns-resolver"));
    c.onParsed(
        () -> {
          formats = c.choices("--format", FORMATS);
          outputDir = c.path("--output-dir");
          failOn = c.choice("--fail-on", FAIL_ON, FailOn.error);
          baselineFile = c.path("--baseline");
          acceptFile = c.path("--accept");
          checkDns = c.flag("--check-dns");
          dnsResolver = c.text("--dns-resolver");
        });
  }

  @Override
  java.util.List<java.nio.file.Path> inputs() {
    return java.util.Arrays.asList(
        selection.fromFile,
        services.servicesFile,
        profileOption.file(),
        many.file(),
        selection.accessLevelsFile,
        baselineFile,
        acceptFile,
        violations.file);
  }

  @Override
  public Integer call() {
    output.checkNotAnInput(allInputs());
    checkOutputs();
    if (failOn == FailOn.newFindings && baselineFile == null) {
      throw cmd.usageOf("usage.fail-on-new");
    }
    // Read first: a bad baseline is bad input found before any API call.
    baseline = baselineFile == null ? null : dev.vpcscaudit.audit.Baseline.read(baselineFile);
    acceptances = acceptFile == null ? null : dev.vpcscaudit.audit.Acceptances.read(acceptFile);
    dev.vpcscaudit.source.ProjectSelection selected = many.selection();
    if (selected != null) {
      violations.refuseFileWithMany();
    }
    dev.vpcscaudit.audit.LogWindow window = violations.window();
    dev.vpcscaudit.audit.Violations saved = violations.saved();
    if (selected != null) {
      return auditMany(selected, window);
    }
    ProjectRef project = selection.projectRef();
    PerimeterSource source = selection.source(services, network, window, java.util.Set.of());
    Profile profile = profileOption.load();
    network.requireRestrictedVip(profile, cmd);

    DnsResolver dns = dnsResolver(profile);
    PerimeterSource.Discovery found = source.discover(project);
    List<DnsAnswer> answers = dns == null ? null : dns.resolve(AuditEngine.dnsNames(profile));
    AuditResult result =
        AuditEngine.audit(
                new dev.vpcscaudit.audit.AuditInput(
                        found.project(),
                        found.perimeters(),
                        profile,
                        null,
                        found.otherRegular(),
                        found.levels())
                    .withPlacement(network.placement(found.network())),
                found.source(),
                found.supportedServices(),
                answers,
                found.network())
            .withViolations(saved != null ? saved : found.violations())
            .withAcceptances(acceptances, today())
            .withBaseline(baseline);

    String planCommand =
        "vpcsc-audit plan "
            + selection.selectionArgs(result.project(), profileOption.profile)
            + network.flag();
    Messages m = cmd.messages();
    String verdict = m.get(result.compliant() ? "wrote.compliant" : "wrote.not-compliant");
    if (outputDir == null) {
      ReportFormat format = formats().get(0);
      output.emit(
          render(format, result, planCommand, output.target()),
          m.get("wrote.report", format, output.target(), verdict));
    } else {
      java.util.Map<String, dev.vpcscaudit.report.Document> documents =
          new java.util.LinkedHashMap<>();
      for (ReportFormat format : formats()) {
        java.nio.file.Path file = outputDir.resolve(format.fileName());
        String text = render(format, result, planCommand, file);
        documents.put(format.fileName(), w -> w.write(text));
      }
      OutputOption.writeAll(outputDir, documents);
      cmd.err()
          .println(
              m.get(
                  "wrote",
                  m.get(
                      formats().size() == 1 ? "wrote.report" : "wrote.reports",
                      String.join(", ", formats().stream().map(ReportFormat::name).toList()),
                      outputDir,
                      verdict)));
    }
    return exitCode(result).code();
  }

  private List<ReportFormat> formats() {
    return formats == null || formats.isEmpty() ? List.of(ReportFormat.text) : formats;
  }

  /** Several formats need a folder; a folder and --output exclude each other. */
  private void checkOutputs() {
    List<ReportFormat> f = formats();
    if (f.size() != f.stream().distinct().count()) {
      throw cmd.usageOf("usage.format-twice");
    }
    if (f.size() > 1 && outputDir == null) {
      throw cmd.usageOf(
          "usage.formats-need-folder",
          String.join(",", f.stream().map(ReportFormat::name).toList()));
    }
    if (outputDir != null) {
      if (java.nio.file.Files.exists(outputDir) && !java.nio.file.Files.isDirectory(outputDir)) {
        throw dev.vpcscaudit.error.BadInputException.at(
            "--output-dir " + outputDir, Text.of("output.not-a-folder"));
      }
      for (ReportFormat format : f) {
        OutputOption.refuseOverlap(
            "--output-dir " + outputDir, outputDir.resolve(format.fileName()), allInputs());
      }
    }
  }

  private String render(
      ReportFormat format, AuditResult result, String planCommand, java.nio.file.Path target) {
    return switch (format) {
      case json -> JsonReport.render(result, ToolVersion.get(), cmd.messages());
      case sarif ->
          SarifReport.render(result, ToolVersion.get(), selection.sarifArtifact(), cmd.messages());
      case junit -> JUnitReport.render(result, cmd.messages());
      case markdown -> MarkdownReport.render(result, planCommand, cmd.messages());
      case text ->
          TextReport.render(
              result,
              OutputOption.useColor(
                  cmd.context().terminal(), cmd.context().env().get("NO_COLOR"), target),
              planCommand,
              TerminalWidth.of(cmd.context(), target),
              cmd.messages());
    };
  }

  /**
   * The resolver {@code --check-dns} / {@code --dns-resolver} ask for, or null for no DNS check.
   */
  private DnsResolver dnsResolver(Profile profile) {
    if (!checkDns && dnsResolver == null) {
      return null;
    }
    if (!profile.restrictedVipRequired()) {
      throw cmd.usageOf("usage.check-dns-no-vip", profile.name());
    }
    Duration timeout = Duration.ofSeconds(5);
    if (dnsResolver == null) {
      return DnsResolver.system(timeout);
    }
    return DnsResolver.at(resolverAddress(dnsResolver), timeout);
  }

  private InetSocketAddress resolverAddress(String value) {
    String host = value.strip();
    int port = 53;
    int colon = host.lastIndexOf(':');
    boolean bracketed = host.startsWith("[");
    if (colon > 0 && (bracketed ? host.indexOf(']') < colon : host.indexOf(':') == colon)) {
      try {
        port = Integer.parseInt(host.substring(colon + 1));
      } catch (NumberFormatException e) {
        port = -1;
      }
      host = host.substring(0, colon);
    }
    if (bracketed && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    if (port < 1 || port > 65535 || host.isEmpty()) {
      throw cmd.usageOf("usage.dns-resolver", value);
    }
    try {
      return new InetSocketAddress(java.net.InetAddress.getByName(host), port);
    } catch (java.net.UnknownHostException e) {
      throw cmd.usageOf("usage.dns-resolver-unknown", value, host);
    }
  }

  /**
   * Many projects from one read: every project with its own perimeters; a project that could not be
   * read is reported as unreadable and makes the run exit 3, after the report is written.
   */
  private int auditMany(
      dev.vpcscaudit.source.ProjectSelection selected, dev.vpcscaudit.audit.LogWindow window) {
    network.refuseWithMany(cmd);
    String org = selection.manyProjectsOrganization();
    PerimeterSource source = selection.source(services, null, window, java.util.Set.of());
    Profile profile = profileOption.load();
    DnsResolver dns = dnsResolver(profile);
    dev.vpcscaudit.source.ProjectSelection.Result found = source.discoverMany(selected, org);
    List<DnsAnswer> answers = dns == null ? null : dns.resolve(AuditEngine.dnsNames(profile));
    List<dev.vpcscaudit.report.ProjectOutcome> outcomes = new java.util.ArrayList<>();
    for (var p : found.projects()) {
      if (p.error() != null) {
        outcomes.add(new dev.vpcscaudit.report.ProjectOutcome(p.project(), null, p.error()));
        continue;
      }
      AuditResult r =
          AuditEngine.audit(
                  new dev.vpcscaudit.audit.AuditInput(
                      p.project(), p.perimeters(), profile, null, List.of(), found.levels()),
                  found.source(),
                  found.supportedServices(),
                  answers)
              .withViolations(p.violations())
              .withAcceptances(acceptances, today())
              .withBaseline(baseline);
      outcomes.add(new dev.vpcscaudit.report.ProjectOutcome(p.project(), r, null));
    }
    dev.vpcscaudit.report.OrgReport report =
        new dev.vpcscaudit.report.OrgReport(
            found.scope(),
            profile,
            found.source(),
            found.supportedServices() != null,
            answers != null,
            outcomes,
            cmd.messages());
    Messages m = cmd.messages();
    String verdict =
        report.compliant()
            ? m.get("wrote.compliant")
            : report.unreadable() > 0
                ? m.get("wrote.unreadable", report.unreadable())
                : m.get("wrote.not-compliant");
    if (outputDir == null) {
      ReportFormat format = formats().get(0);
      output.emit(
          renderMany(format, report, output.target()),
          m.get("wrote.report-of", format, outcomes.size(), output.target(), verdict));
    } else {
      java.util.Map<String, dev.vpcscaudit.report.Document> documents =
          new java.util.LinkedHashMap<>();
      for (ReportFormat format : formats()) {
        documents.put(
            format.fileName(), renderMany(format, report, outputDir.resolve(format.fileName())));
      }
      OutputOption.writeAll(outputDir, documents);
      cmd.err()
          .println(
              m.get(
                  "wrote",
                  m.get(
                      "wrote.reports-of",
                      String.join(", ", formats().stream().map(ReportFormat::name).toList()),
                      outcomes.size(),
                      outputDir,
                      verdict)));
    }
    if (report.unreadable() > 0) {
      cmd.err()
          .println(
              m.get("error.line", Main.oneLine(found.unreadableLine("unreadable.audit").in(m))));
      return ExitCode.INCOMPLETE.code();
    }
    boolean failing = outcomes.stream().anyMatch(o -> exitCode(o.result()) == ExitCode.FINDINGS);
    return failing ? ExitCode.FINDINGS.code() : ExitCode.OK.code();
  }

  /** The report of many projects, written to its file project by project as it is rendered. */
  private dev.vpcscaudit.report.Document renderMany(
      ReportFormat format, dev.vpcscaudit.report.OrgReport report, java.nio.file.Path target) {
    return switch (format) {
      case json -> w -> report.json(ToolVersion.get(), w);
      case sarif -> w -> report.sarif(ToolVersion.get(), selection.sarifArtifact(), w);
      case junit -> report::junit;
      case markdown -> report::markdown;
      case text ->
          w ->
              report.text(
                  OutputOption.useColor(
                      cmd.context().terminal(), cmd.context().env().get("NO_COLOR"), target),
                  TerminalWidth.of(cmd.context(), target),
                  w);
    };
  }

  /** Today, in UTC: an acceptance expires at the end of its day, wherever the job runs. */
  private static java.time.LocalDate today() {
    return java.time.LocalDate.now(java.time.ZoneOffset.UTC);
  }

  private ExitCode exitCode(AuditResult result) {
    Severity threshold =
        switch (failOn) {
          case error -> Severity.ERROR;
          case warning -> Severity.WARNING;
          case never, newFindings -> null;
        };
    if (failOn == FailOn.newFindings) {
      return result.hasNewFindingAtLeast(Severity.WARNING) ? ExitCode.FINDINGS : ExitCode.OK;
    }
    return threshold != null && result.hasFindingAtLeast(threshold)
        ? ExitCode.FINDINGS
        : ExitCode.OK;
  }
}
