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
              dev.vpcscaudit.i18n.Messages m = c.messages();
              for (String name : Profiles.shippedNames()) {
                Profile p = Profiles.resolve(name);
                out.printf(
                    "%-20s %s  %s%n",
                    p.name(),
                    m.get(
                        "profiles.line",
                        p.requiredServices().size(),
                        p.vpcAccessibleServicesRequired() ? m.get("profiles.with-vpc") : "",
                        p.restrictedVipRequired() ? m.get("profiles.with-vip") : ""),
                    dev.vpcscaudit.escape.Terminal.clean(p.title()));
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
      throw dev.vpcscaudit.error.BadInputException.at(
          "profiles show " + name,
          Text.of("profile.no-shipped-to-show", name, String.join(", ", Profiles.shippedNames())));
    }
    Profile p = Profiles.resolve(name, "profiles show");
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
