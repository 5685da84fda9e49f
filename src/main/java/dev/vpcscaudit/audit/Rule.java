package dev.vpcscaudit.audit;

import dev.vpcscaudit.i18n.Text;

/**
 * One audit rule: its stable ID and what renderers show about it. Each rule is one class in {@code
 * dev.vpcscaudit.audit.rules} implementing one of the evaluation interfaces ({@link ProjectRule},
 * {@link ConfigRule}, {@link ServiceRule}, {@link DnsRule}); {@link Rules#ALL} is the catalogue.
 */
public interface Rule {

  /** The stable ID used in every report format, e.g. {@code required-service-unrestricted}. */
  String id();

  /** One sentence naming the problem, for rule catalogues (SARIF, help): {@code rule.ID.title}. */
  default Text titleText() {
    return Text.of("rule." + id() + ".title");
  }

  /** One sentence on what to change: {@code rule.ID.help}. */
  default Text helpText() {
    return Text.of("rule." + id() + ".help");
  }

  /** The title in English. */
  default String title() {
    return titleText().toString();
  }

  /** The help in English. */
  default String help() {
    return helpText().toString();
  }

  Category category();

  /**
   * The severity of the rule's findings in the enforced config (a dry-run finding is one step
   * milder): what SARIF's rule catalogue gives as {@code defaultConfiguration.level}.
   */
  default Severity severity() {
    return Severity.ERROR;
  }
}
