package dev.vpcscaudit.escape;

import java.util.regex.Pattern;

/**
 * Keeps secrets out of what the tool prints: the user-info of a URL ({@code
 * https://user:password@proxy:3128}, as proxies and endpoint overrides are often written) becomes
 * {@code ***}. Applied to every error line and to every URL the tool shows; CI logs keep stderr.
 */
public final class Redact {

  /** {@code scheme://userinfo@}: user-info holds no '/', '@' or white space. */
  private static final Pattern WITH_SCHEME =
      Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://)[^/@\\s'\"]+@");

  /** A proxy written without a scheme, {@code user:password@host:port}, as a whole value. */
  private static final Pattern BARE = Pattern.compile("^[^/@\\s:'\"]+:[^/@\\s'\"]*@");

  private Redact() {}

  /** {@code text} with the user-info of every URL in it replaced by {@code ***}. */
  public static String urls(String text) {
    if (text == null || text.indexOf('@') < 0) {
      return text;
    }
    return WITH_SCHEME.matcher(text).replaceAll("$1***@");
  }

  /** A URL-like value ({@code HTTPS_PROXY}'s) with its user-info replaced, scheme or not. */
  public static String url(String value) {
    if (value == null) {
      return null;
    }
    String out = urls(value);
    return BARE.matcher(out).replaceFirst("***@");
  }
}
