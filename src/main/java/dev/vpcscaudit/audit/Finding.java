package dev.vpcscaudit.audit;

import dev.vpcscaudit.i18n.Text;
import java.util.Comparator;
import java.util.Objects;

/**
 * One problem found, with its remedy at each stage. {@code perimeter} is null for project-level
 * findings, {@code service} for findings not about one service (or host name), {@code resource} for
 * findings not about one network resource (a router, route, DNS zone or policy).
 */
public record Finding(
    Rule rule,
    Severity severity,
    Mode mode,
    String perimeter,
    String service,
    String resource,
    Text message,
    Remedies remedies) {

  /** The report order: mode, perimeter, rule ID, service (absent values first). */
  public static final Comparator<Finding> ORDER =
      Comparator.comparing(Finding::mode)
          .thenComparing(Finding::perimeter, Comparator.nullsFirst(Comparator.naturalOrder()))
          .thenComparing(f -> f.rule().id())
          .thenComparing(Finding::service, Comparator.nullsFirst(Comparator.naturalOrder()))
          .thenComparing(Finding::resource, Comparator.nullsFirst(Comparator.naturalOrder()));

  public Finding {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(remedies, "remedies");
  }

  public Remedy remedy(Stage stage) {
    return remedies.at(stage);
  }
}
