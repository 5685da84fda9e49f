package dev.vpcscaudit.cli;

import java.nio.file.Path;

/** The supported-services check: only {@code audit} runs it. */
public final class ServicesOptions {
  boolean checkServices;
  Path servicesFile;

  void declare(Cmd c) {
    c.flag(
        "--check-services",
        "Also check that VPC Service Controls supports each required service and (when the"
            + " profile requires it) that it is on the restricted VIP, from the live"
            + " supported-services list (one more request per page).");
    c.pathOption(
        "--services-file",
        "FILE",
        "Run that check against the JSON of 'gcloud access-context-manager supported-services"
            + " list --format=json' instead of the API (offline too).",
        Cmd.Complete.FILE);
    c.onParsed(
        () -> {
          checkServices = c.flag("--check-services");
          servicesFile = c.path("--services-file");
        });
  }
}
