package dev.vpcscaudit.cli;

import dev.vpcscaudit.ToolVersion;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The top-level {@code vpcsc-audit} command. */
@Command(
    name = "vpcsc-audit",
    mixinStandardHelpOptions = true,
    usageHelpAutoWidth = true,
    versionProvider = VpcscAuditCommand.Version.class,
    description = {
      "Audits Google Cloud VPC Service Controls perimeters: does the perimeter that holds a"
          + " project restrict every service a workload needs, in the enforced and the dry-run"
          + " config?"
    },
    footer = {
      "",
      "Exit codes: 0 no findings at or above --fail-on; 1 findings; 2 usage error or bad input;"
          + " 3 the audit could not complete.",
    })
public final class VpcscAuditCommand implements Runnable {

  /**
   * The subcommands, in help order. They are registered by {@link Main}, only the one a run invokes
   * when it names one: picocli builds each command's model by reflection, which is most of the
   * start-up time of a short run.
   */
  static final java.util.LinkedHashMap<String, java.util.function.Supplier<Object>> SUBCOMMANDS =
      new java.util.LinkedHashMap<>();

  static {
    SUBCOMMANDS.put("audit", AuditCommand::new);
    SUBCOMMANDS.put("plan", PlanCommand::new);
    SUBCOMMANDS.put("export", ExportCommand::new);
    SUBCOMMANDS.put("profiles", ProfilesCommand::new);
    SUBCOMMANDS.put("generate-completion", AutoComplete.GenerateCompletion::new);
  }

  @Spec CommandSpec spec;

  private final RunContext context;

  VpcscAuditCommand(RunContext context) {
    this.context = context;
  }

  RunContext context() {
    return context;
  }

  @Override
  public void run() {
    throw new ParameterException(
        spec.commandLine(), "missing command: audit, plan, export or profiles");
  }

  /** Prints {@code vpcsc-audit VERSION}. */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {ToolVersion.NAME + " " + ToolVersion.get()};
    }
  }
}
