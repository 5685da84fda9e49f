package dev.vpcscaudit.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The supported-services check: only {@code audit} runs it. */
public final class ServicesOptions {
  @Option(
      names = "--check-services",
      description =
          "Also check that VPC Service Controls supports each required service and (when the"
              + " profile requires it) that it is on the restricted VIP, from the live"
              + " supported-services list (one more request per page).")
  boolean checkServices;

  @Option(
      names = "--services-file",
      paramLabel = "FILE",
      description =
          "Run that check against the JSON of 'gcloud access-context-manager supported-services"
              + " list --format=json' instead of the API (offline too).")
  Path servicesFile;
}
