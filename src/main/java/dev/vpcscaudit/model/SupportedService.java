package dev.vpcscaudit.model;

import java.util.Objects;

/**
 * One entry of the Access Context Manager supported-services list ({@code GET v1/services}, or
 * {@code gcloud access-context-manager supported-services list --format=json}): whether VPC Service
 * Controls supports the service, at which stage, and whether it is on the restricted VIP.
 *
 * @param name e.g. {@code logging.googleapis.com}
 * @param serviceSupportStage {@code GA}, {@code PREVIEW}, {@code DEPRECATED}, or empty when absent
 */
public record SupportedService(
    String name,
    String title,
    boolean availableOnRestrictedVip,
    boolean knownLimitations,
    String serviceSupportStage) {

  public SupportedService {
    Objects.requireNonNull(name, "name");
    title = Objects.requireNonNullElse(title, "");
    serviceSupportStage = Objects.requireNonNullElse(serviceSupportStage, "");
  }
}
