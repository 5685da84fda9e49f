package dev.vpcscaudit.cli;

import dev.vpcscaudit.audit.Stage;
import dev.vpcscaudit.i18n.Messages;
import dev.vpcscaudit.i18n.Text;
import dev.vpcscaudit.plan.FixPlan;
import dev.vpcscaudit.plan.GcloudRenderer;
import dev.vpcscaudit.plan.Planner;
import dev.vpcscaudit.plan.TerraformRenderer;
import dev.vpcscaudit.profile.Profile;
import dev.vpcscaudit.source.PerimeterSource;

/**
 * {@code vpcsc-audit plan}: writes the changes that make the audit pass, as gcloud or Terraform.
 */
public final class PlanCommand extends ReadingCommand {

  final ManyProjectsOptions many = new ManyProjectsOptions();

  final ProfileOption profileOption = new ProfileOption();

  final NetworkOptions network = new NetworkOptions();

  final ViolationsOptions violations = new ViolationsOptions();

  /** {@code --as} values. */
  enum Renderer {
    gcloud,
    terraform
  }

  /** {@code --stage} values. */
  enum StageOption {
    dry_run("dry-run", Stage.DRY_RUN),
    enforce("enforce", Stage.ENFORCE);

    final String label;
    final Stage stage;

    StageOption(String label, Stage stage) {
      this.label = label;
      this.stage = stage;
    }

    @Override
    public String toString() {
      return label;
    }
  }

  private static final java.util.Map<String, Renderer> RENDERERS = Cmd.names(Renderer.class);
  private static final java.util.Map<String, StageOption> STAGES = Cmd.names(StageOption.class);

  Renderer renderer;
  StageOption stage;
  String targetPerimeter;
  java.util.List<java.nio.file.Path> terraformDirs = java.util.List.of();

  @Override
  void declareOwn(Cmd c) {
    c.describe(Text.of("help.plan.describe.1"))
        .footer(
            Text.verbatim(""),
            Text.of("help.plan.footer.1"),
            Text.verbatim(""),
            Text.of("help.plan.footer.2"),
            Text.verbatim("  vpcsc-audit plan --project gdc-prod --as gcloud --output fix.sh"),
            Text.verbatim(
                "  vpcsc-audit plan --project 123456789012 --from-file perimeters.json --as terraform --stage enforce"),
            Text.verbatim(
                "  vpcsc-audit plan --organization 123456789012 --projects-query 'labels.gdc:true' --as gcloud -o fix.sh"),
            Text.verbatim(
                "  vpcsc-audit plan --project gdc-prod --network projects/net-host/global/networks/gdc-net --as gcloud"));
    many.declare(c);
    profileOption.declare(c);
    network.declare(c);
    violations.declare(c, /* gate= */ true);
    c.choice("--as", "FORMAT", Text.of("help.as"), RENDERERS.keySet(), /* list= */ false)
        .required();
    c.choice("--stage", "STAGE", Text.of("help.stage"), STAGES.keySet(), /* list= */ false);
    c.pathOption("--terraform-dir", "DIR", Text.of("help.terraform-dir"), Cmd.Complete.DIR)
        .repeatable();
    c.option("--target-perimeter", "NAME", Text.of("help.target-perimeter"));
    c.onParsed(
        () -> {
          renderer = c.choice("--as", RENDERERS, null);
          stage = c.choice("--stage", STAGES, StageOption.dry_run);
          targetPerimeter = c.text("--target-perimeter");
          terraformDirs = c.paths("--terraform-dir");
        });
  }

  @Override
  java.util.List<java.nio.file.Path> inputs() {
    return java.util.Arrays.asList(
        selection.fromFile,
        profileOption.file(),
        many.file(),
        selection.accessLevelsFile,
        violations.file);
  }

  @Override
  public Integer call() {
    output.checkNotAnInput(allInputs());
    if (!terraformDirs.isEmpty() && renderer != Renderer.terraform) {
      throw cmd.usageOf("usage.terraform-dir-gcloud");
    }
    violations.requireReadForAccept();
    dev.vpcscaudit.source.ProjectSelection selected = many.selection();
    if (selected != null) {
      violations.refuseFileWithMany();
    }
    dev.vpcscaudit.audit.LogWindow window = violations.window();
    dev.vpcscaudit.audit.Violations saved = violations.saved();
    if (selected != null) {
      return planMany(selected, window);
    }
    PerimeterSource source =
        selection.source(
            null,
            network,
            window,
            targetPerimeter == null ? java.util.Set.of() : java.util.Set.of(targetPerimeter));
    Profile profile = profileOption.load();
    network.requireRestrictedVip(profile, cmd);
    PerimeterSource.Discovery found = source.discover(selection.projectRef());
    FixPlan plan =
        Planner.plan(
            found.project(),
            found.perimeters(),
            found.otherRegular(),
            profile,
            stage.stage,
            targetPerimeter,
            selection.verifyCommand(
                    found.project(),
                    profileOption.profile,
                    found.perimeters().stream()
                        .map(dev.vpcscaudit.model.ServicePerimeter::policyNumber)
                        .distinct()
                        .sorted()
                        .toList())
                + network.flag(),
            found.network(),
            network.placement(found.network()));
    return emit(plan.withGate(saved != null ? saved : found.violations(), violations.accept), "");
  }

  /**
   * One plan for every selected project: each perimeter touched once. Projects that could not be
   * read are named in the plan's header and make the run exit 3 after the plan is written.
   */
  private int planMany(
      dev.vpcscaudit.source.ProjectSelection selected, dev.vpcscaudit.audit.LogWindow window) {
    network.refuseWithMany(cmd);
    if (targetPerimeter != null) {
      throw cmd.usageOf("usage.target-perimeter-with-many");
    }
    String org = selection.manyProjectsOrganization();
    PerimeterSource source = selection.source(null, null, window, java.util.Set.of());
    Profile profile = profileOption.load();
    dev.vpcscaudit.source.ProjectSelection.Result found = source.discoverMany(selected, org);
    java.util.List<dev.vpcscaudit.audit.Violations> reads =
        found.projects().stream()
            .map(dev.vpcscaudit.source.ProjectSelection.ProjectPerimeters::violations)
            .filter(java.util.Objects::nonNull)
            .toList();
    FixPlan plan =
        Planner.planMany(
            found.projects(),
            profile,
            stage.stage,
            selection.verifyManyCommand(
                many.args(),
                profileOption.profile,
                found.projects().stream()
                    .flatMap(p -> p.perimeters().stream())
                    .map(dev.vpcscaudit.model.ServicePerimeter::policyNumber)
                    .distinct()
                    .sorted()
                    .toList()),
            p ->
                "vpcsc-audit plan "
                    + selection.selectionArgs(p, profileOption.profile, p.number()));
    long unread = found.projects().stream().filter(p -> p.error() != null).count();
    int code =
        emit(
            plan.withGate(
                reads.isEmpty() ? null : dev.vpcscaudit.audit.Violations.merge(reads),
                violations.accept),
            unread == 0
                ? cmd.messages().get("wrote.for-projects", plan.projects().size())
                : cmd.messages().get("wrote.for-projects-unread", plan.projects().size(), unread));
    if (unread > 0) {
      cmd.err()
          .println(
              cmd.messages()
                  .get(
                      "error.line",
                      Main.oneLine(found.unreadableLine("unreadable.plan").in(cmd.messages()))));
      return ExitCode.INCOMPLETE.code();
    }
    return code;
  }

  /** Writes the plan; exit 1 when a Terraform patch could not write every change. */
  private int emit(FixPlan plan, String scope) {
    if (!terraformDirs.isEmpty()) {
      dev.vpcscaudit.plan.tfpatch.TerraformPatch.Result patch =
          dev.vpcscaudit.plan.tfpatch.TerraformPatch.patch(plan, terraformDirs, cmd.messages());
      Messages m = cmd.messages();
      output.emit(
          patch.diff(),
          m.get(
              "wrote.patch",
              scope,
              String.join(", ", terraformDirs.stream().map(String::valueOf).toList()),
              output.target(),
              patch.unedited().isEmpty()
                  ? ""
                  : m.get("wrote.patch-unwritten", patch.unedited().size())));
      if (!patch.unedited().isEmpty()) {
        cmd.err()
            .println(
                m.get(
                    "wrote.patch-unsafe",
                    patch.unedited().size(),
                    Main.oneLine(patch.unedited().get(0))));
        return ExitCode.FINDINGS.code();
      }
      return ExitCode.OK.code();
    }
    String text =
        switch (renderer) {
          case gcloud -> GcloudRenderer.render(plan, cmd.messages());
          case terraform -> TerraformRenderer.render(plan, cmd.messages());
        };
    Messages m = cmd.messages();
    output.emit(
        text,
        m.get(
            "wrote.plan",
            renderer,
            scope,
            output.target(),
            plan.isEmpty()
                ? m.get("wrote.plan-nothing")
                : plan.heldBack().isEmpty()
                    ? m.get("wrote.plan-changes", plan.perimeters().size())
                    : m.get(
                        "wrote.plan-changes-held",
                        plan.perimeters().size(),
                        plan.heldBack().size())));
    return ExitCode.OK.code();
  }
}
