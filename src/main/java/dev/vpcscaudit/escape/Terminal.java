package dev.vpcscaudit.escape;

/**
 * The one sanitizer for text from input (a title, a name, a field name, a flag's value) shown on a
 * terminal or in a text or Markdown report: control characters (C0, DEL, C1) and the Unicode
 * bidirectional controls are shown escaped, so that a value can neither move the cursor, clear the
 * screen or set the title (ESC/CSI/OSC sequences), nor overwrite a line (CR), nor reorder what is
 * shown around it (U+202E and friends, the "Trojan Source" characters). JSON, SARIF and JUnit keep
 * the exact value: they are read by programs, which their own escaping protects.
 *
 * <p>Example: "a", ESC, "[2Jb" becomes {@code a\x1b[2Jb}; U+202E is shown as a backslash, "u" and
 * its code in hex; a newline as a backslash and "n".
 */
public final class Terminal {

  private Terminal() {}

  /**
   * The columns {@code text} takes on a terminal: East Asian wide and fullwidth characters (CJK,
   * kana, Hangul, fullwidth forms) take 2, combining marks and zero-width characters 0, the others
   * 1. The ranges are those of Markus Kuhn's public-domain wcwidth, which terminals follow; written
   * here because the library with the full Unicode tables (ICU4J) would add megabytes and their
   * loading to every text report.
   */
  public static int width(CharSequence text) {
    int columns = 0;
    for (int i = 0; i < text.length(); ) {
      int c = Character.codePointAt(text, i);
      columns += width(c);
      i += Character.charCount(c);
    }
    return columns;
  }

  /** The columns one code point takes (see {@link #width(CharSequence)}). */
  public static int width(int c) {
    int type = Character.getType(c);
    if (type == Character.NON_SPACING_MARK
        || type == Character.ENCLOSING_MARK
        || c == 0x200B
        || c == 0xFEFF
        || (c >= 0x1160 && c <= 0x11FF)) {
      return 0;
    }
    return wide(c) ? 2 : 1;
  }

  /** Whether {@code c} is East Asian wide or fullwidth. */
  public static boolean wide(int c) {
    return c >= 0x1100
        && (c <= 0x115F
            || c == 0x2329
            || c == 0x232A
            || (c >= 0x2E80 && c <= 0xA4CF && c != 0x303F)
            || (c >= 0xAC00 && c <= 0xD7A3)
            || (c >= 0xF900 && c <= 0xFAFF)
            || (c >= 0xFE10 && c <= 0xFE19)
            || (c >= 0xFE30 && c <= 0xFE6F)
            || (c >= 0xFF00 && c <= 0xFF60)
            || (c >= 0xFFE0 && c <= 0xFFE6)
            || (c >= 0x1F300 && c <= 0x1F64F)
            || (c >= 0x1F900 && c <= 0x1F9FF)
            || (c >= 0x20000 && c <= 0x2FFFD)
            || (c >= 0x30000 && c <= 0x3FFFD));
  }

  /** {@code text} with every control and bidi character escaped; {@code null} stays null. */
  public static String clean(String text) {
    if (text == null || !needsEscape(text)) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!escaped(c)) {
        out.append(c);
      } else if (c == '\n') {
        out.append("\\n");
      } else if (c == '\r') {
        out.append("\\r");
      } else if (c == '\t') {
        out.append("\\t");
      } else if (c < 0x100) {
        out.append(String.format("\\x%02x", (int) c));
      } else {
        out.append(String.format("\\u%04X", (int) c));
      }
    }
    return out.toString();
  }

  /** Whether {@code text} holds anything {@link #clean} would change. */
  private static boolean needsEscape(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (escaped(text.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /** C0 controls, DEL, C1 controls, and the bidi controls U+061C, U+200E/F, U+202A-E, U+2066-9. */
  static boolean escaped(char c) {
    return c < 0x20
        || (c >= 0x7f && c <= 0x9f)
        || c == 0x061c
        || c == 0x200e
        || c == 0x200f
        || (c >= 0x202a && c <= 0x202e)
        || (c >= 0x2066 && c <= 0x2069);
  }
}
