package dev.vpcscaudit.audit;

import java.util.Objects;

/** A rule's metadata, declared once in its constructor. */
public abstract class BaseRule implements Rule {

  private final String id;
  private final String title;
  private final String help;
  private final Category category;
  private final Severity severity;

  protected BaseRule(String id, String title, String help, Category category) {
    this(id, title, help, category, Severity.ERROR);
  }

  protected BaseRule(String id, String title, String help, Category category, Severity severity) {
    this.id = Objects.requireNonNull(id, "id");
    this.title = Objects.requireNonNull(title, "title");
    this.help = Objects.requireNonNull(help, "help");
    this.category = Objects.requireNonNull(category, "category");
    this.severity = Objects.requireNonNull(severity, "severity");
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
  public final String title() {
    return title;
  }

  @Override
  public final String help() {
    return help;
  }

  @Override
  public final Category category() {
    return category;
  }

  /** No change to a perimeter fixes it: the step is this rule's help. */
  protected final Remedy.Manual elsewhere(String reason) {
    return new Remedy.Manual(reason, help);
  }

  @Override
  public String toString() {
    return id;
  }
}
