package dev.vpcscaudit.audit;

import dev.vpcscaudit.i18n.Messages;
import dev.vpcscaudit.i18n.Text;
import java.util.Objects;

/**
 * A rule's metadata, declared once in its constructor; its title and help are the message bundles'
 * {@code rule.ID.title} and {@code rule.ID.help}.
 */
public abstract class BaseRule implements Rule {

  private final String id;
  private final Category category;
  private final Severity severity;

  protected BaseRule(String id, Category category) {
    this(id, category, Severity.ERROR);
  }

  protected BaseRule(String id, Category category, Severity severity) {
    this.id = Objects.requireNonNull(id, "id");
    this.category = Objects.requireNonNull(category, "category");
    this.severity = Objects.requireNonNull(severity, "severity");
    if (!Messages.EN.has(titleText().key()) || !Messages.EN.has(helpText().key())) {
      throw new IllegalStateException("rule " + id + " has no title or help in the bundles");
    }
  }

  @Override
  public final Severity severity() {
    return severity;
  }

  @Override
  public final String id() {
    return id;
  }

  @Override
  public final Category category() {
    return category;
  }

  /** No change to a perimeter fixes it: the step is this rule's help. */
  protected final Remedy.Manual elsewhere(Text reason) {
    return new Remedy.Manual(reason, helpText());
  }

  /** {@code rule.ID.KEY} of the message bundles, with {@code args}. */
  protected final Text text(String key, Object... args) {
    return Text.of("rule." + id + "." + key, args);
  }

  @Override
  public String toString() {
    return id;
  }
}
