package dev.vpcscaudit.cli;

import dev.vpcscaudit.profile.Profile;
import dev.vpcscaudit.profile.Profiles;
import picocli.CommandLine.Option;

/** {@code --profile}: for the commands that check against a profile (audit, plan). */
public final class ProfileOption {

  @Option(
      names = "--profile",
      paramLabel = "NAME|FILE",
      defaultValue = Profiles.DEFAULT,
      description =
          "A shipped profile name or a profile YAML file (default: ${DEFAULT-VALUE}). See"
              + " 'vpcsc-audit profiles list'.")
  String profile;

  /** The profile file given, or null for a shipped profile. */
  java.nio.file.Path file() {
    return Profiles.file(profile);
  }

  Profile load() {
    return Profiles.resolve(profile);
  }
}
