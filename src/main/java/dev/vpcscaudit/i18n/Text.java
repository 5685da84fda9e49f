package dev.vpcscaudit.i18n;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A message not yet in a language: a key of the message bundles and its arguments, rendered by
 * {@link Messages#render} in the language of the run. Findings, remedies and plan notes carry
 * texts, so that an audit's result is the same whatever the language and only its rendering
 * differs. An argument is a value shown as it is (a service, a resource name, a number) or another
 * text, rendered in the same language.
 *
 * <p>{@link #toString()} is the English rendering (logs, tests, exception messages).
 */
public record Text(String key, List<Object> args) {

  public Text {
    Objects.requireNonNull(key, "key");
    args = Collections.unmodifiableList(Arrays.asList(args.toArray()));
  }

  /** The message {@code key} with {@code args} for its placeholders {@code {0}}, {@code {1}}... */
  public static Text of(String key, Object... args) {
    return new Text(key, Arrays.asList(args));
  }

  /**
   * A text that is the same in every language: a command, a value from input, or a message of a
   * peer (an API's error) quoted as it came.
   */
  public static Text verbatim(String text) {
    return of(Messages.VERBATIM, text);
  }

  /** {@code items} (values or texts) separated by the language's list separator. */
  public static Text list(List<?> items) {
    return listWith("list.separator", items);
  }

  /** {@code items} separated by the message {@code separator} (e.g. {@code list.semicolon}). */
  public static Text listWith(String separator, List<?> items) {
    List<Object> args = new java.util.ArrayList<>();
    args.add(separator);
    args.addAll(items);
    return new Text(Messages.LIST, args);
  }

  /** Whether this is {@link #verbatim} and its text is empty. */
  public boolean isEmpty() {
    return key.equals(Messages.VERBATIM) && String.valueOf(args.get(0)).isEmpty();
  }

  public String in(Messages messages) {
    return messages.render(this);
  }

  @Override
  public String toString() {
    return Messages.EN.render(this);
  }
}
