package dev.vpcscaudit.cli;

import dev.vpcscaudit.ToolVersion;

/** The top-level {@code vpcsc-audit} command and its subcommands. */
final class VpcscAuditCommand {

  static final String NAME = ToolVersion.NAME;

  private VpcscAuditCommand() {}

  /** {@code vpcsc-audit VERSION}. */
  static String version() {
    return ToolVersion.NAME + " " + ToolVersion.get();
  }

  /** Declares the command tree on {@code root}. */
  static Cmd declare(Cmd root) {
    return root.describe(
            "Audits Google Cloud VPC Service Controls perimeters: does the perimeter that holds a"
                + " project restrict every service a workload needs, in the enforced and the"
                + " dry-run config?")
        .footer(
            "",
            "Exit codes: 0 no findings at or above --fail-on; 1 findings; 2 usage error or bad"
                + " input; 3 the audit could not complete.")
        .subcommand("audit", c -> new AuditCommand().declare(c))
        .subcommand("plan", c -> new PlanCommand().declare(c))
        .subcommand("export", c -> new ExportCommand().declare(c))
        .subcommand("profiles", ProfilesCommand::declare)
        .utility(
            "generate-completion",
            c ->
                c.describe("Prints a bash/zsh completion script for " + NAME + ".")
                    .footer(
                        "",
                        "Load it in the current shell: source <(" + NAME + " generate-completion)")
                    .action(
                        () -> {
                          // picocli writes it from the command model (picocli.AutoComplete).
                          c.out().print(picocli.AutoComplete.bash(NAME, root.commandLine()));
                          c.out().flush();
                          return ExitCode.OK.code();
                        }));
  }
}
