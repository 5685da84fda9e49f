package dev.vpcscaudit.i18n;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The tool's words in one language: the message bundle {@code messages.properties} (English) or
 * {@code messages_ja.properties} (Japanese) beside this class, UTF-8 properties files in
 * ResourceBundle's naming (picocli reads them for the help: Cmd hands it this language's).
 *
 * <p>Placeholders are {@code {0}}, {@code {1}}...: replaced in one pass, a substituted value never
 * read again, and nothing else in a message is special. Not {@link java.text.MessageFormat}: its
 * apostrophe quoting would need every "perimeter's" written "perimeter''s", and a message that
 * forgot one would lose its placeholders silently.
 */
public final class Messages {

  /** The key of {@link Text#verbatim}: its one argument as it is, in every language. */
  static final String VERBATIM = "verbatim";

  /**
   * The key of {@link Text#list}: its arguments after the first joined by the message the first
   * names ({@code list.separator}, {@code list.semicolon}).
   */
  static final String LIST = "list";

  static final String BASE = "dev/vpcscaudit/i18n/messages";

  public static final Messages EN = new Messages(Lang.EN);
  public static final Messages JA = new Messages(Lang.JA);

  private final Lang lang;
  private final Map<String, String> texts;

  private Messages(Lang lang) {
    this.lang = lang;
    this.texts = read(file(lang));
  }

  public static Messages of(Lang lang) {
    return lang == Lang.JA ? JA : EN;
  }

  public Lang lang() {
    return lang;
  }

  /** The bundle file of {@code lang}, as a class-path resource name. */
  static String file(Lang lang) {
    return BASE + (lang == Lang.EN ? "" : "_" + lang.code()) + ".properties";
  }

  /** The message {@code key} with its placeholders filled. A key no bundle has is a bug. */
  public String get(String key, Object... args) {
    if (key.equals(VERBATIM)) {
      return args.length == 0 ? "" : show(args[0]);
    }
    if (key.equals(LIST)) {
      StringBuilder out = new StringBuilder();
      for (int i = 1; i < args.length; i++) {
        out.append(i == 1 ? "" : get((String) args[0])).append(show(args[i]));
      }
      return out.toString();
    }
    String template = texts.get(key);
    if (template == null) {
      throw new IllegalStateException("no message " + key + " in " + file(lang));
    }
    return fill(template, args);
  }

  public String render(Text text) {
    return get(text.key(), text.args().toArray());
  }

  /** Whether the bundle has {@code key}. */
  public boolean has(String key) {
    return texts.containsKey(key);
  }

  /** The keys of this language's bundle file, sorted (for the bundle tests). */
  public Collection<String> keys() {
    return texts.keySet();
  }

  /** The message {@code key} as written in the bundle, placeholders unfilled. */
  public String template(String key) {
    return texts.get(key);
  }

  /** {@code items} as a list in prose: {@code a, b and c} in English, {@code a、b、c} in Japanese. */
  public String andList(java.util.List<String> items) {
    return list(items, get("list.separator"), get("list.and"));
  }

  /** {@code a, b or c} / {@code a、b、または c}. */
  public String orList(java.util.List<String> items) {
    return list(items, get("list.separator"), get("list.or"));
  }

  private static String list(java.util.List<String> items, String separator, String last) {
    if (items.size() <= 1) {
      return String.join("", items);
    }
    return String.join(separator, items.subList(0, items.size() - 1))
        + last
        + items.get(items.size() - 1);
  }

  private String fill(String template, Object[] args) {
    StringBuilder out = new StringBuilder(template.length() + 32);
    boolean fromTemplate = false;
    int i = 0;
    while (i < template.length()) {
      char c = template.charAt(i);
      int close = c == '{' ? template.indexOf('}', i) : -1;
      if (close > i + 1 && digits(template, i + 1, close)) {
        int n = Integer.parseInt(template.substring(i + 1, close));
        if (n >= args.length) {
          throw new IllegalStateException(
              "message template " + template + " has {" + n + "} but " + args.length + " values");
        }
        String value = show(args[n]);
        if (lang == Lang.JA && fromTemplate && !value.isEmpty()) {
          dropSpaceBefore(out, value.charAt(0));
        }
        out.append(value);
        i = close + 1;
        if (lang == Lang.JA
            && !value.isEmpty()
            && i < template.length()
            && template.charAt(i) == ' '
            && CLOSES.indexOf(value.charAt(value.length() - 1)) >= 0) {
          i++; // "（非準拠） を" reads "（非準拠）を": a full-width mark carries its own space
        }
        fromTemplate = false;
      } else {
        out.append(c);
        fromTemplate = true;
        i++;
      }
    }
    return out.toString();
  }

  /**
   * Full-width marks that carry their own space in Japanese text: no half-width space is written
   * between one of them and the template's text around a value (the values themselves are never
   * changed). Google's Japanese pages write "サービス境界（VPC-SC）の", not "サービス境界 （VPC-SC） の".
   */
  private static final String CLOSES = "）」』】、。：；！？";

  private static final String OPENS = "（「『【";

  /** Drops the template's space just written before a value that opens with a full-width mark. */
  private static void dropSpaceBefore(StringBuilder out, char first) {
    if (OPENS.indexOf(first) >= 0 && out.length() > 0 && out.charAt(out.length() - 1) == ' ') {
      out.setLength(out.length() - 1);
    }
  }

  private String show(Object arg) {
    return arg instanceof Text t ? render(t) : String.valueOf(arg);
  }

  private static boolean digits(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      if (!Character.isDigit(s.charAt(i))) {
        return false;
      }
    }
    return to - from <= 2;
  }

  /** The placeholders {@code {n}} of a template, for the bundle tests. */
  public static java.util.Set<Integer> placeholders(String template) {
    java.util.Set<Integer> out = new java.util.TreeSet<>();
    var m = java.util.regex.Pattern.compile("\\{(\\d{1,2})\\}").matcher(template);
    while (m.find()) {
      out.add(Integer.parseInt(m.group(1)));
    }
    return out;
  }

  private static Map<String, String> read(String resource) {
    Properties p = new Properties();
    try (InputStream in =
        Objects.requireNonNull(
            Messages.class.getClassLoader().getResourceAsStream(resource), resource)) {
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, String> out = new TreeMap<>();
    p.forEach((k, v) -> out.put((String) k, (String) v));
    return out;
  }
}
