package dev.vpcscaudit.cli;

import dev.vpcscaudit.i18n.Text;
import dev.vpcscaudit.profile.Profile;
import dev.vpcscaudit.profile.Profiles;

/** {@code --profile}: for the commands that check against a profile (audit, plan). */
public final class ProfileOption {

  String profile;

  void declare(Cmd c) {
    c.option("--profile", "NAME|FILE", Text.of("help.profile", Profiles.DEFAULT))
        .completes(Cmd.Complete.FILE);
    c.onParsed(() -> profile = c.text("--profile", Profiles.DEFAULT));
  }

  /** The profile file given, or null for a shipped profile. */
  java.nio.file.Path file() {
    return Profiles.file(profile);
  }

  Profile load() {
    return Profiles.resolve(profile);
  }
}
