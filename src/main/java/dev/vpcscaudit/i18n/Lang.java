package dev.vpcscaudit.i18n;

import java.util.Locale;
import java.util.Map;

/**
 * The languages the tool speaks: {@code --lang en|ja}, else the locale of the environment (POSIX:
 * {@code LC_ALL} overrides {@code LC_MESSAGES}, which overrides {@code LANG}), else English.
 */
public enum Lang {
  EN("en", Locale.ROOT),
  JA("ja", Locale.JAPANESE);

  private final String code;
  private final Locale locale;

  Lang(String code, Locale locale) {
    this.code = code;
    this.locale = locale;
  }

  /** {@code en} or {@code ja}: the {@code --lang} value and the JSON report's {@code language}. */
  public String code() {
    return code;
  }

  Locale locale() {
    return locale;
  }

  /** The language a {@code --lang} value names, or null when it names none. */
  public static Lang parse(String value) {
    for (Lang l : values()) {
      if (l.code.equalsIgnoreCase(value.strip())) {
        return l;
      }
    }
    return null;
  }

  /**
   * The language of the environment's locale: the first of {@code LC_ALL}, {@code LC_MESSAGES},
   * {@code LANG} that is set and not empty decides (POSIX's order for message catalogues); a locale
   * whose language is {@code ja} ({@code ja_JP.UTF-8}, {@code ja}) is Japanese, any other ({@code
   * C}, {@code POSIX}, {@code en_US.UTF-8}) English.
   */
  public static Lang fromEnvironment(Map<String, String> env) {
    for (String name : new String[] {"LC_ALL", "LC_MESSAGES", "LANG"}) {
      String value = env.get(name);
      if (value != null && !value.isBlank()) {
        String language = value.strip().split("[_.@]", 2)[0];
        return language.equalsIgnoreCase("ja") ? JA : EN;
      }
    }
    return EN;
  }
}
