package dev.vpcscaudit.cli;

import dev.vpcscaudit.i18n.Text;

/** Options every command takes besides --help and --version. */
final class CommonOptions {

  /** The flag that {@link Main} reads when a command fails. */
  static final String STACKTRACE = "--stacktrace";

  /** The language of the messages ({@link Cmd#messages}). */
  static final String LANG = "--lang";

  private CommonOptions() {}

  static void declare(Cmd c) {
    c.flag(STACKTRACE, Text.of("help.stacktrace"));
    c.choice(LANG, "LANG", Text.of("help.lang"), java.util.Set.of("en", "ja"), /* list= */ false);
  }
}
