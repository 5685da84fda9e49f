package dev.vpcscaudit.cli;

import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;

/**
 * What a run knows of its surroundings, passed in by {@link Main#run} rather than read globally:
 * the environment variables and whether stdout and stderr are a terminal.
 *
 * @param env the process environment (ADC, endpoint overrides, proxies, NO_COLOR, COLUMNS)
 * @param terminal true when the output goes to an interactive terminal
 * @param stdin standard input ({@code --from-file -})
 */
record RunContext(Map<String, String> env, boolean terminal, java.io.InputStream stdin) {

  RunContext {
    env = Map.copyOf(env);
  }

  /** The context of the run that {@code spec}'s command belongs to. */
  static RunContext of(CommandSpec spec) {
    return ((VpcscAuditCommand) spec.root().userObject()).context();
  }
}
