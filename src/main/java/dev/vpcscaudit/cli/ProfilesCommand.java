package dev.vpcscaudit.cli;

import dev.vpcscaudit.files.InputFiles;
import dev.vpcscaudit.i18n.Text;
import dev.vpcscaudit.profile.Profile;
import dev.vpcscaudit.profile.Profiles;
import java.io.PrintWriter;
import java.nio.file.Path;

/** {@code vpcsc-audit profiles list|show}. */
final class ProfilesCommand {

  private ProfilesCommand() {}

  static void declare(Cmd c) {
    c.describe(Text.of("help.profiles.describe.1"))
        .subcommand("list", ProfilesCommand::declareList)
        .subcommand("show", ProfilesCommand::declareShow);
  }

  /** {@code profiles list}. */
  private static void declareList(Cmd c) {
    CommonOptions.declare(c);
    c.describe(Text.of("help.profiles.describe.2"))
        .action(
            () -> {
              PrintWriter out = c.out();
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
              return ExitCode.OK.code();
            });
  }

  /** {@code profiles show NAME|FILE}. */
  private static void declareShow(Cmd c) {
    CommonOptions.declare(c);
    c.describe(Text.of("help.profiles.describe.3"))
        .param("NAME|FILE", Text.of("help.param.name-file"), Profiles.shippedNames())
        .action(() -> show(c.out(), c.param(0)));
  }

  private static int show(PrintWriter out, String name) {
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
            : InputFiles.readText(
                Path.of(name), "profiles show " + name, dev.vpcscaudit.profile.Profiles.MAX_BYTES);
    out.print(text.endsWith("\n") ? text : text + "\n");
    out.flush();
    return ExitCode.OK.code();
  }
}
