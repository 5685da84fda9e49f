package dev.vpcscaudit.cli;

import java.util.Map;

/**
 * What a run knows of its surroundings, passed in by {@link Main#run} rather than read globally:
 * the environment variables and whether stdout and stderr are a terminal.
 *
 * @param env the process environment (ADC, endpoint overrides, proxies, NO_COLOR, COLUMNS)
 * @param terminal true when the output goes to an interactive terminal
 * @param stdin standard input ({@code --from-file -})
 * @param argFiles the {@code @FILE} argument files the command line was read from (inputs too: no
 *     output may overwrite them), filled in as they are read
 * @param warnings lines for stderr once the run has written its output (an input that cannot be
 *     about what was asked, assets skipped); a run that fails shows only its one error line
 */
record RunContext(
    Map<String, String> env,
    boolean terminal,
    java.io.InputStream stdin,
    java.util.List<java.nio.file.Path> argFiles,
    java.util.List<String> warnings) {

  RunContext {
    env = Map.copyOf(env);
  }

  RunContext(Map<String, String> env, boolean terminal, java.io.InputStream stdin) {
    this(
        env,
        terminal,
        stdin,
        new java.util.concurrent.CopyOnWriteArrayList<>(),
        new java.util.concurrent.CopyOnWriteArrayList<>());
  }
}
