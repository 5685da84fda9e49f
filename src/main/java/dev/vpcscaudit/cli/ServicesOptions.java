package dev.vpcscaudit.cli;

import dev.vpcscaudit.i18n.Text;
import java.nio.file.Path;

/** The supported-services check: only {@code audit} runs it. */
public final class ServicesOptions {
  boolean checkServices;
  Path servicesFile;

  void declare(Cmd c) {
    c.flag("--check-services", Text.of("help.check-services"));
    c.pathOption("--services-file", "FILE", Text.of("help.services-file"), Cmd.Complete.FILE);
    c.onParsed(
        () -> {
          checkServices = c.flag("--check-services");
          servicesFile = c.path("--services-file");
        });
  }
}
