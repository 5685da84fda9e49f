package dev.vpcscaudit.cli;

import dev.vpcscaudit.files.InputFiles;
import dev.vpcscaudit.profile.Profile;
import dev.vpcscaudit.profile.Profiles;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code vpcsc-audit profiles list|show}. */
@Command(
    name = "profiles",
    mixinStandardHelpOptions = true,
    usageHelpAutoWidth = true,
    versionProvider = VpcscAuditCommand.Version.class,
    description = "Lists and shows the profiles that audits check against.",
    subcommands = {ProfilesCommand.ListProfiles.class, ProfilesCommand.Show.class})
public final class ProfilesCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(
        spec.commandLine(), "missing command: list or show");
  }

  /** {@code profiles list}. */
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      usageHelpAutoWidth = true,
      versionProvider = VpcscAuditCommand.Version.class,
      description = "Lists the shipped profiles.")
  static final class ListProfiles implements Runnable, HasCommonOptions {
    @Spec CommandSpec spec;
    @Mixin CommonOptions common;

    @Override
    public CommonOptions common() {
      return common;
    }

    @Override
    public void run() {
      PrintWriter out = spec.commandLine().getOut();
      for (String name : Profiles.shippedNames()) {
        Profile p = Profiles.resolve(name);
        out.printf(
            "%-20s %2d services%s%s  %s%n",
            p.name(),
            p.requiredServices().size(),
            p.vpcAccessibleServicesRequired() ? ", VPC accessible services" : "",
            p.restrictedVipRequired() ? ", restricted VIP" : "",
            p.title());
      }
      out.flush();
    }
  }

  /** {@code profiles show NAME|FILE}. */
  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      usageHelpAutoWidth = true,
      versionProvider = VpcscAuditCommand.Version.class,
      description = "Validates a profile and prints its YAML.")
  static final class Show implements Runnable, HasCommonOptions {
    @Spec CommandSpec spec;
    @Mixin CommonOptions common;

    @Parameters(paramLabel = "NAME|FILE", description = "A shipped profile name or a YAML file.")
    String name;

    @Override
    public CommonOptions common() {
      return common;
    }

    @Override
    public void run() {
      if (!Profiles.shippedNames().contains(name) && Profiles.file(name) == null) {
        throw new dev.vpcscaudit.error.BadInputException(
            "profiles show "
                + name
                + ": no shipped profile named '"
                + name
                + "' (shipped: "
                + String.join(", ", Profiles.shippedNames())
                + "); to show your own, pass the path of its YAML file");
      }
      Profile p;
      try {
        p = Profiles.resolve(name);
      } catch (dev.vpcscaudit.error.BadInputException e) {
        throw new dev.vpcscaudit.error.BadInputException(
            e.getMessage().replaceFirst("^--profile ", "profiles show "), e);
      }
      String text =
          p.origin().equals("shipped")
              ? Profiles.shippedText(p.name())
              : InputFiles.readText(Path.of(name), "profiles show " + name);
      PrintWriter out = spec.commandLine().getOut();
      out.print(text.endsWith("\n") ? text : text + "\n");
      out.flush();
    }
  }
}
