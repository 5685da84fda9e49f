package dev.vpcscaudit.cli;

import dev.vpcscaudit.audit.Stage;
import dev.vpcscaudit.plan.FixPlan;
import dev.vpcscaudit.plan.GcloudRenderer;
import dev.vpcscaudit.plan.Planner;
import dev.vpcscaudit.plan.TerraformRenderer;
import dev.vpcscaudit.profile.Profile;
import dev.vpcscaudit.source.PerimeterSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code vpcsc-audit plan}: writes the changes that make the audit pass, as gcloud or Terraform.
 */
@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    usageHelpAutoWidth = true,
    versionProvider = VpcscAuditCommand.Version.class,
    description = {
      "Writes a fix plan for what 'audit' finds: a gcloud script or Terraform that only adds,"
          + " staged in the dry-run config first by default.",
    },
    footer = {
      "",
      "Exit codes: 0 plan written (also when there is nothing to fix); 2 usage error or bad input"
          + " (also: no regular perimeter holds the project and no --target-perimeter); 3 the read"
          + " could not complete.",
      "",
      "Examples:",
      "  vpcsc-audit plan --project gdc-prod --as gcloud --output fix.sh",
      "  vpcsc-audit plan --project 123456789012 --from-file perimeters.json --as terraform --stage enforce",
    })
public final class PlanCommand extends ReadingCommand {

  @Mixin ProfileOption profileOption;

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

  @Option(
      names = "--as",
      required = true,
      paramLabel = "FORMAT",
      description = "gcloud (a bash script) or terraform (HCL with import blocks).")
  Renderer renderer;

  @Option(
      names = "--stage",
      paramLabel = "STAGE",
      defaultValue = "dry-run",
      converter = StageConverter.class,
      description =
          "dry-run (default): stage every fix in the dry-run config; enforce: change the enforced"
              + " config, and an explicit dry-run spec the same way.")
  StageOption stage;

  @Option(
      names = "--target-perimeter",
      paramLabel = "NAME",
      description =
          "When no regular perimeter holds the project: the perimeter (full or short name) to add"
              + " it to.")
  String targetPerimeter;

  @Override
  java.util.List<java.nio.file.Path> inputs() {
    return java.util.Arrays.asList(selection.fromFile, profileOption.file());
  }

  @Override
  public Integer call() {
    output.checkNotAnInput(inputs());
    PerimeterSource source =
        selection.source(
            null, targetPerimeter == null ? java.util.Set.of() : java.util.Set.of(targetPerimeter));
    Profile profile = profileOption.load();
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
                    .toList()));
    String text =
        switch (renderer) {
          case gcloud -> GcloudRenderer.render(plan);
          case terraform -> TerraformRenderer.render(plan);
        };
    output.emit(
        text,
        renderer
            + " plan to "
            + output.target()
            + (plan.isEmpty()
                ? " (nothing to fix)"
                : " (" + plan.perimeters().size() + " perimeter(s) to change)"));
    return ExitCode.OK.code();
  }

  /** Accepts {@code dry-run} and {@code enforce}. */
  static final class StageConverter implements picocli.CommandLine.ITypeConverter<StageOption> {
    @Override
    public StageOption convert(String value) {
      for (StageOption s : StageOption.values()) {
        if (s.label.equalsIgnoreCase(value)) {
          return s;
        }
      }
      throw new picocli.CommandLine.TypeConversionException(
          "expected dry-run or enforce, got '" + value + "'");
    }
  }
}
