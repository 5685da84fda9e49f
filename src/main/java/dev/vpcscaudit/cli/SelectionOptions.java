package dev.vpcscaudit.cli;

import dev.vpcscaudit.escape.Shell;
import dev.vpcscaudit.gcp.LivePerimeterSource;
import dev.vpcscaudit.gcp.http.CallLog;
import dev.vpcscaudit.i18n.Text;
import dev.vpcscaudit.model.ProjectRef;
import dev.vpcscaudit.profile.Profiles;
import dev.vpcscaudit.source.FilePerimeterSource;
import dev.vpcscaudit.source.PerimeterSource;
import dev.vpcscaudit.source.SideFilesSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Which project, which perimeters and which profile: shared by every command that audits. */
public final class SelectionOptions {

  private static final Pattern POLICY = Pattern.compile("(accessPolicies/)?[0-9]+");
  private static final Pattern ORGANIZATION = Pattern.compile("(organizations/)?[0-9]+");
  private static final Pattern SERVICE_ACCOUNT =
      Pattern.compile(
          "[a-z0-9][a-z0-9.@_-]*@[a-z0-9.-]+\\.iam\\.gserviceaccount\\.com|[^@\\s]+@[^@\\s]+\\.[a-z]+");
  private static final Pattern PROJECT_ID = Pattern.compile("[a-z][a-z0-9-]{4,28}[a-z0-9]");

  /** The flags that only make sense for a live read. */
  private static final List<String> LIVE_ONLY =
      List.of(
          "--organization",
          "--impersonate-service-account",
          "--billing-project",
          "--acm-endpoint",
          "--crm-endpoint",
          "--compute-endpoint",
          "--dns-endpoint",
          "--timeout",
          "--parallelism",
          "--violations");

  Cmd cmd;

  String project;
  int parallelism;
  String policy;
  String organization;
  Path fromFile;
  Path accessLevelsFile;
  String impersonate;
  String billingProject;
  String acmEndpoint;
  String crmEndpoint;
  boolean verbose;
  int timeoutSeconds;

  void declare(Cmd c) {
    cmd = c;
    c.option("--project", "PROJECT", Text.of("help.project"));
    c.option("--parallelism", "N", Text.of("help.parallelism"));
    c.option("--policy", "POLICY_NUMBER", Text.of("help.policy"));
    c.option("--organization", "ORG_NUMBER", Text.of("help.organization"));
    c.pathOption("--from-file", "FILE", Text.of("help.from-file"), Cmd.Complete.FILE);
    c.pathOption(
        "--access-levels-file", "FILE", Text.of("help.access-levels-file"), Cmd.Complete.FILE);
    c.option(
        "--impersonate-service-account", "SA_EMAIL", Text.of("help.impersonate-service-account"));
    c.option("--billing-project", "PROJECT_ID", Text.of("help.billing-project"));
    c.option("--acm-endpoint", "URL", Text.of("help.acm-endpoint"));
    c.option("--crm-endpoint", "URL", Text.of("help.crm-endpoint"));
    c.flag("-v, --verbose", Text.of("help.verbose"));
    c.option("--timeout", "SECONDS", Text.of("help.timeout"));
    c.onParsed(this::read);
  }

  private void read() {
    project = cmd.text("--project");
    parallelism = cmd.integer("--parallelism", 4);
    policy = cmd.text("--policy");
    organization = cmd.text("--organization");
    fromFile = cmd.path("--from-file");
    accessLevelsFile = cmd.path("--access-levels-file");
    impersonate = cmd.text("--impersonate-service-account");
    billingProject = cmd.text("--billing-project");
    acmEndpoint = cmd.text("--acm-endpoint");
    crmEndpoint = cmd.text("--crm-endpoint");
    verbose = cmd.flag("--verbose");
    timeoutSeconds = cmd.integer("--timeout", 120);
  }

  /**
   * The {@code audit} command line that checks the same selection, for "verify" and "how to fix"
   * hints; values are shell-quoted.
   */
  String auditCommand(ProjectRef resolved, String profile) {
    return "vpcsc-audit audit " + selectionArgs(resolved, profile);
  }

  /**
   * The commands that check the result of a plan: a live audit of the same selection; for a plan
   * made from a file, a fresh export first (the old file can only show the old findings).
   *
   * @param policies the access policy numbers of the perimeters read
   */
  String verifyCommand(ProjectRef resolved, String profile, List<String> policies) {
    if (fromFile == null) {
      return auditCommand(resolved, profile);
    }
    String number = resolved.number();
    String fresh = "perimeters-after.json";
    String reexport =
        policies.size() == 1
            ? "gcloud access-context-manager perimeters list --policy="
                + Shell.quote(policies.get(0))
                + " --format=json > "
                + fresh
            : "vpcsc-audit export --project " + Shell.quote(number) + " --output " + fresh;
    List<String> args = new ArrayList<>();
    args.add("--project " + Shell.quote(number));
    args.add("--from-file " + fresh);
    if (profile != null && !Profiles.DEFAULT.equals(profile)) {
      args.add("--profile " + Shell.quote(profile));
    }
    return reexport + " && vpcsc-audit audit " + String.join(" ", args);
  }

  /**
   * The commands that check the result of a plan over many projects: the same selection audited
   * live, or, for a plan made from a file, audited on a fresh export of the same policies.
   *
   * @param selector the project selector as flags, e.g. {@code --all-projects}
   * @param policies the access policy numbers of the perimeters read
   */
  String verifyManyCommand(String selector, String profile, List<String> policies) {
    List<String> args = new ArrayList<>();
    if (fromFile == null) {
      args.add("--organization " + Shell.quote(organization));
    } else {
      args.add("--from-file perimeters-after.json");
    }
    if (policy != null) {
      args.add("--policy " + Shell.quote(policy));
    }
    args.add(selector);
    if (profile != null && !Profiles.DEFAULT.equals(profile)) {
      args.add("--profile " + Shell.quote(profile));
    }
    String audit = "vpcsc-audit audit " + String.join(" ", args);
    if (fromFile == null) {
      return audit;
    }
    if (policies.size() == 1) {
      return "gcloud access-context-manager perimeters list --policy="
          + Shell.quote(policies.get(0))
          + " --format=json > perimeters-after.json && "
          + audit;
    }
    dev.vpcscaudit.i18n.Messages m = cmd.messages();
    return m.get("plan.verify-export", String.join(m.get("list.separator"), policies), audit);
  }

  /** The same selection as flags: project, source, policy, organization, profile. */
  String selectionArgs(ProjectRef resolved, String profile) {
    return selectionArgs(resolved, profile, project);
  }

  /**
   * As {@link #selectionArgs(ProjectRef, String)}, for {@code given} (the --project value, or one
   * project of a selection of many).
   */
  String selectionArgs(ProjectRef resolved, String profile, String given) {
    List<String> args = new ArrayList<>();
    args.add(
        "--project "
            + Shell.quote(
                resolved != null && resolved.id() != null && fromFile == null
                    ? resolved.id()
                    : given));
    if (fromFile != null) {
      args.add("--from-file " + Shell.quote(fromFile.toString()));
    }
    if (policy != null) {
      args.add("--policy " + Shell.quote(policy));
    }
    if (organization != null) {
      args.add("--organization " + Shell.quote(organization));
    }
    if (profile != null && !Profiles.DEFAULT.equals(profile)) {
      args.add("--profile " + Shell.quote(profile));
    }
    return String.join(" ", args);
  }

  /**
   * The {@code --from-file} export as a SARIF artifact (read again for the line of each perimeter),
   * or null when live or read from standard input.
   */
  dev.vpcscaudit.report.SarifReport.Artifact sarifArtifact() {
    if (fromFile == null || fromFile.toString().equals("-")) {
      return null;
    }
    String label = "--from-file " + fromFile;
    return dev.vpcscaudit.report.SarifReport.Artifact.of(
        fromFile.toString(), dev.vpcscaudit.files.InputFiles.readText(fromFile, label));
  }

  /** True when a project was named with --project. */
  boolean hasProject() {
    return project != null;
  }

  boolean live() {
    return fromFile == null;
  }

  /**
   * For a run over many projects: {@code organizations/N}, or null offline; a --project beside a
   * selector, or a live run without --organization, is a usage error.
   */
  String manyProjectsOrganization() {
    if (hasProject()) {
      throw cmd.usageOf("usage.one-or-many");
    }
    String org = organizationResource();
    if (live() && org == null) {
      throw cmd.usageOf("usage.many-needs-organization");
    }
    return org;
  }

  /** {@code organizations/N} from --organization, or null. */
  String organizationResource() {
    String n = number("--organization", organization, ORGANIZATION, "organizations/");
    return n == null ? null : "organizations/" + n;
  }

  ProjectRef projectRef() {
    if (project == null) {
      throw cmd.usageOf("usage.missing-project");
    }
    return ProjectRef.parse(project);
  }

  /**
   * The source the flags select; flag conflicts are usage errors.
   *
   * @param services the supported-services options of the command, or null when it has none
   * @param retain perimeters an export must keep besides those that hold the project (see {@link
   *     FilePerimeterSource#retain()})
   */
  PerimeterSource source(ServicesOptions services, java.util.Set<String> retain) {
    return source(services, null, retain);
  }

  /**
   * As {@link #source(ServicesOptions, java.util.Set)}, also reading the VPC network of {@code
   * --network} (live only).
   */
  PerimeterSource source(
      ServicesOptions services, NetworkOptions network, java.util.Set<String> retain) {
    return source(services, network, null, retain);
  }

  /**
   * As {@link #source(ServicesOptions, NetworkOptions, java.util.Set)}, also reading the audit logs
   * of each project over {@code logs} ({@code --violations}, live only), when not null.
   */
  PerimeterSource source(
      ServicesOptions services,
      NetworkOptions network,
      dev.vpcscaudit.audit.LogWindow logs,
      java.util.Set<String> retain) {
    dev.vpcscaudit.network.NetworkRef networkRef = network == null ? null : network.ref();
    if (networkRef != null && fromFile != null) {
      throw cmd.usageOf("usage.network-from-file");
    }
    boolean checkServices = services != null && services.checkServices;
    Path servicesFile = services == null ? null : services.servicesFile;
    String policyNumber = number("--policy", policy, POLICY, "accessPolicies/");
    if (fromFile != null) {
      List<String> given = new ArrayList<>();
      for (String flag : LIVE_ONLY) {
        if (cmd.matched(flag)) {
          given.add(flag);
        }
      }
      if (!given.isEmpty()) {
        throw cmd.usageOf("usage.from-file-live", String.join(", ", given));
      }
      if (checkServices && servicesFile == null) {
        throw cmd.usageOf("usage.check-services-from-file");
      }
      PerimeterSource file =
          new FilePerimeterSource(
              fromFile,
              policyNumber,
              cmd.context().stdin(),
              progress(),
              retain,
              line ->
                  cmd.context()
                      .warnings()
                      .add(dev.vpcscaudit.escape.Terminal.clean(line.in(cmd.messages()))));
      return SideFilesSource.of(file, servicesFile, accessLevelsFile);
    }
    if (accessLevelsFile != null) {
      throw cmd.usageOf("usage.access-levels-file-live");
    }
    String org = number("--organization", organization, ORGANIZATION, "organizations/");
    if (parallelism < 1 || parallelism > 64) {
      throw cmd.usageOf("usage.parallelism", parallelism);
    }
    if (timeoutSeconds < 1 || timeoutSeconds > 3600) {
      throw cmd.usageOf("usage.timeout", timeoutSeconds);
    }
    if (impersonate != null && !SERVICE_ACCOUNT.matcher(impersonate).matches()) {
      throw cmd.usageOf("usage.impersonate", impersonate);
    }
    if (billingProject != null && !PROJECT_ID.matcher(billingProject).matches()) {
      throw cmd.usageOf("usage.billing-project", billingProject);
    }
    CallLog log =
        new CallLog(
            verbose ? cmd.err() : null,
            cmd.context().terminal() ? cmd.err() : null,
            cmd.messages());
    return SideFilesSource.of(
        live(
            policyNumber,
            org,
            log,
            checkServices && servicesFile == null,
            network,
            networkRef,
            logs),
        servicesFile,
        null);
  }

  /** Progress lines on stderr when it is a terminal (or with --verbose); a no-op otherwise. */
  private java.util.function.Consumer<Text> progress() {
    if (!verbose && !cmd.context().terminal()) {
      return line -> {};
    }
    java.io.PrintWriter err = cmd.err();
    return line -> {
      err.println("vpcsc-audit: " + dev.vpcscaudit.escape.Terminal.clean(line.in(cmd.messages())));
      err.flush();
    };
  }

  private PerimeterSource live(
      String policyNumber,
      String org,
      CallLog log,
      boolean readSupportedServices,
      NetworkOptions network,
      dev.vpcscaudit.network.NetworkRef networkRef,
      dev.vpcscaudit.audit.LogWindow logs) {
    return new LivePerimeterSource(
        LivePerimeterSource.config(
            policyNumber,
            org,
            impersonate,
            billingProject,
            java.util.Arrays.asList(
                acmEndpoint,
                crmEndpoint,
                network == null ? null : network.computeEndpoint,
                network == null ? null : network.dnsEndpoint),
            Duration.ofSeconds(timeoutSeconds),
            readSupportedServices,
            parallelism,
            networkRef,
            logs,
            cmd.context().env()),
        log);
  }

  private String number(String flag, String value, Pattern pattern, String prefix) {
    if (value == null) {
      return null;
    }
    String v = value.strip();
    if (!pattern.matcher(v).matches()) {
      throw cmd.usageOf("usage.number", flag, value, prefix);
    }
    return v.startsWith(prefix) ? v.substring(prefix.length()) : v;
  }
}
