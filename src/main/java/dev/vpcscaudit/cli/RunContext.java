package dev.vpcscaudit.cli;

import java.util.Map;

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
}
