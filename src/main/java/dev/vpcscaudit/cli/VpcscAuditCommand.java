package dev.vpcscaudit.cli;

import dev.vpcscaudit.ToolVersion;
import dev.vpcscaudit.i18n.Text;

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
    return root.describe(Text.of("help.vpcscaudit.describe.1"))
        .footer(Text.verbatim(""), Text.of("help.vpcscaudit.footer.1"))
        .subcommand("audit", c -> new AuditCommand().declare(c))
        .subcommand("plan", c -> new PlanCommand().declare(c))
        .subcommand("export", c -> new ExportCommand().declare(c))
        .subcommand("profiles", ProfilesCommand::declare)
        .utility(
            "generate-completion",
            c ->
                c.describe(Text.of("help.generate-completion.describe", NAME))
                    .footer(
                        Text.verbatim(""),
                        Text.of("help.generate-completion.footer", NAME + " generate-completion"))
                    .action(
                        () -> {
                          // picocli writes it from the command model (picocli.AutoComplete).
                          c.out().print(picocli.AutoComplete.bash(NAME, root.commandLine()));
                          c.out().flush();
                          return ExitCode.OK.code();
                        }));
  }
}
