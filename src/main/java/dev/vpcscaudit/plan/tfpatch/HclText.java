package dev.vpcscaudit.plan.tfpatch;

import java.util.ArrayList;
import java.util.List;

/**
 * The structure of one Terraform file as text with offsets: blocks, attributes and list literals,
 * found by a small scanner that knows HCL's strings (with {@code ${...}} templates), comments and
 * heredocs. Written here because a patch must edit the file in place, and the HCL parsers on Maven
 * Central (hcl4j) give values, not where they are in the text.
 */
final class HclText {

  /** A block: {@code TYPE "LABEL"... {} }, its body from {@code open + 1} to {@code close}. */
  record Block(String type, List<String> labels, int start, int open, int close) {}

  /** An attribute {@code NAME = VALUE}, the value's text from {@code valueStart} to {@code end}. */
  record Attr(String name, int start, int valueStart, int end) {}

  /** One element of a list literal, {@code start}..{@code end} without surrounding spaces. */
  record Element(int start, int end, String literal) {}

  /**
   * A list literal: its brackets' offsets, its elements, and whether every element is a plain
   * string (a literal list the patch may add to).
   */
  record ListValue(int open, int close, List<Element> elements, boolean literal) {
    List<String> values() {
      return elements.stream().map(Element::literal).toList();
    }
  }

  final String text;

  HclText(String text) {
    this.text = text;
  }

  /** The 1-based line of {@code offset}. */
  int line(int offset) {
    int line = 1;
    for (int i = 0; i < offset && i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }

  /** The blocks at the top of the file. */
  List<Block> blocks() {
    return items(0, text.length()).blocks;
  }

  /** The attributes at the top of the file (a {@code .tfvars} file is only those). */
  List<Attr> attrs() {
    return items(0, text.length()).attrs;
  }

  /** The blocks directly in {@code parent}'s body. */
  List<Block> blocks(Block parent) {
    return items(parent.open() + 1, parent.close()).blocks;
  }

  /** The attributes directly in {@code parent}'s body. */
  List<Attr> attrs(Block parent) {
    return items(parent.open() + 1, parent.close()).attrs;
  }

  Attr attr(Block parent, String name) {
    return attrs(parent).stream().filter(a -> a.name().equals(name)).findFirst().orElse(null);
  }

  Block block(Block parent, String type) {
    return blocks(parent).stream().filter(b -> b.type().equals(type)).findFirst().orElse(null);
  }

  /**
   * The object literal of {@code a} ({@code NAME = { ... }}) as a block whose body is the object's
   * entries, or null when its value is not an object literal.
   */
  Block object(Attr a) {
    if (a == null) {
      return null;
    }
    int open = opening(a, '{');
    int close = open < 0 ? -1 : matching(open);
    return close < 0 ? null : new Block(a.name(), List.of(), a.start(), open, close);
  }

  /** The offset of the bracket {@code c} that {@code a}'s value starts with, or -1. */
  private int opening(Attr a, char c) {
    int open = a.valueStart();
    while (open < a.end() && Character.isWhitespace(text.charAt(open))) {
      open++;
    }
    return open < a.end() && text.charAt(open) == c ? open : -1;
  }

  /** {@code parent}'s nested block {@code name}, or its object attribute {@code name}. */
  Block blockOrObject(Block parent, String name) {
    Block b = block(parent, name);
    return b != null ? b : object(attr(parent, name));
  }

  /** The value's text, trimmed. */
  String value(Attr a) {
    return text.substring(a.valueStart(), a.end()).strip();
  }

  /** The value of a plain string literal (no template), or null. */
  String stringLiteral(Attr a) {
    return a == null ? null : literal(value(a));
  }

  /** {@code "x"} without {@code ${} or escapes gives {@code x}; anything else null. */
  static String literal(String v) {
    if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
      String inner = v.substring(1, v.length() - 1);
      if (!inner.contains("\"") && !inner.contains("\\") && !inner.contains("${")) {
        return inner;
      }
    }
    return null;
  }

  /** The list literal of {@code a}, or null when its value is not a {@code [...]} literal. */
  ListValue list(Attr a) {
    int open = opening(a, '[');
    if (open < 0) {
      return null;
    }
    int close = matching(open);
    if (close < 0 || !text.substring(close + 1, a.end()).strip().isEmpty()) {
      return null;
    }
    List<Element> elements = new ArrayList<>();
    boolean literal = true;
    int i = open + 1;
    while (true) {
      i = spacesAndComments(i, close);
      if (i >= close) {
        break;
      }
      int start = i;
      int end = -1;
      while (i < close && text.charAt(i) != ',') {
        if (isComment(i)) {
          end = end < 0 ? i : end;
          i = skip(i);
          continue;
        }
        int s = skip(i);
        if (s != i) {
          i = s;
          continue;
        }
        char c = text.charAt(i);
        if (c == '[' || c == '{' || c == '(') {
          int m = matching(i);
          i = m < 0 ? close : m + 1;
          continue;
        }
        i++;
      }
      end = end < 0 ? i : end;
      while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
        end--;
      }
      String v = literal(text.substring(start, end));
      literal &= v != null;
      elements.add(new Element(start, end, v));
      if (i < close) {
        i++; // the comma
      }
    }
    return new ListValue(open, close, elements, literal);
  }

  private boolean isComment(int i) {
    char c = text.charAt(i);
    return c == '#'
        || c == '/'
            && i + 1 < text.length()
            && (text.charAt(i + 1) == '/' || text.charAt(i + 1) == '*');
  }

  /** Past spaces, newlines and comments from {@code i}, up to {@code to}. */
  private int spacesAndComments(int i, int to) {
    while (i < to) {
      if (Character.isWhitespace(text.charAt(i))) {
        i++;
      } else if (isComment(i)) {
        i = skip(i);
      } else {
        break;
      }
    }
    return i;
  }

  /** The items of a body: its attributes and blocks, in order. */
  private record Items(List<Attr> attrs, List<Block> blocks) {}

  /** Bodies already scanned, by range: the patch asks for the same blocks once per perimeter. */
  private final java.util.Map<Long, Items> scanned = new java.util.HashMap<>();

  private Items items(int from, int to) {
    return scanned.computeIfAbsent(((long) from << 32) | to, k -> scan(from, to));
  }

  private Items scan(int from, int to) {
    List<Attr> attrs = new ArrayList<>();
    List<Block> blocks = new ArrayList<>();
    int i = from;
    while (i < to) {
      if (text.charAt(i) == '"') {
        // A quoted key of an object: "gdc" = { ... }.
        int e = skip(i);
        int j = e;
        while (j < to && (text.charAt(j) == ' ' || text.charAt(j) == '\t')) {
          j++;
        }
        if (j < to && text.charAt(j) == '=' && (j + 1 >= to || text.charAt(j + 1) != '=')) {
          int end = endOfExpression(j + 1, to);
          attrs.add(new Attr(unquote(i, e), i, j + 1, end));
          i = end;
          continue;
        }
        i = e;
        continue;
      }
      int s = skip(i);
      if (s != i) {
        i = s;
        continue;
      }
      char c = text.charAt(i);
      if (Character.isWhitespace(c) || c == ',') {
        i++;
        continue;
      }
      if (!Character.isLetter(c) && c != '_') {
        i = endOfLine(i, to);
        continue;
      }
      int nameStart = i;
      while (i < to
          && (Character.isLetterOrDigit(text.charAt(i)) || "_-".indexOf(text.charAt(i)) >= 0)) {
        i++;
      }
      String name = text.substring(nameStart, i);
      while (i < to && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
        i++;
      }
      if (i < to && text.charAt(i) == '=' && (i + 1 >= to || text.charAt(i + 1) != '=')) {
        int valueStart = i + 1;
        int end = endOfExpression(valueStart, to);
        attrs.add(new Attr(name, nameStart, valueStart, end));
        i = end;
        continue;
      }
      List<String> labels = new ArrayList<>();
      while (i < to && text.charAt(i) != '{' && text.charAt(i) != '\n') {
        if (text.charAt(i) == '"') {
          int e = skip(i);
          labels.add(unquote(i, e));
          i = e;
        } else if (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_') {
          int e = i;
          while (e < to
              && (Character.isLetterOrDigit(text.charAt(e)) || "_-".indexOf(text.charAt(e)) >= 0)) {
            e++;
          }
          labels.add(text.substring(i, e));
          i = e;
        } else {
          i++;
        }
      }
      if (i < to && text.charAt(i) == '{') {
        int close = matching(i);
        if (close < 0) {
          return new Items(attrs, blocks);
        }
        blocks.add(new Block(name, labels, nameStart, i, close));
        i = close + 1;
      }
    }
    return new Items(attrs, blocks);
  }

  /** The end of an expression starting at {@code from}: the end of its line, brackets balanced. */
  private int endOfExpression(int from, int to) {
    int i = from;
    while (i < to) {
      int s = skip(i);
      if (s != i) {
        if (text.charAt(i) == '#'
            || text.charAt(i) == '/' && i + 1 < to && text.charAt(i + 1) == '/') {
          return i; // a comment ends the expression's line
        }
        i = s;
        continue;
      }
      char c = text.charAt(i);
      if (c == '\n') {
        return i;
      }
      if (c == '[' || c == '{' || c == '(') {
        int m = matching(i);
        if (m < 0) {
          return to;
        }
        i = m + 1;
        continue;
      }
      i++;
    }
    return to;
  }

  private int endOfLine(int i, int to) {
    while (i < to && text.charAt(i) != '\n') {
      i++;
    }
    return i;
  }

  /** The offset of the bracket that closes the one at {@code open}, or -1. */
  int matching(int open) {
    int depth = 0;
    int i = open;
    while (i < text.length()) {
      int s = skip(i);
      if (s != i) {
        i = s;
        continue;
      }
      char c = text.charAt(i);
      if (c == '[' || c == '{' || c == '(') {
        depth++;
      } else if (c == ']' || c == '}' || c == ')') {
        depth--;
        if (depth == 0) {
          return i;
        }
      }
      i++;
    }
    return -1;
  }

  /**
   * Past a string, comment or heredoc that starts at {@code i}; {@code i} itself when none does.
   */
  int skip(int i) {
    char c = text.charAt(i);
    if (c == '"') {
      int j = i + 1;
      int templates = 0;
      while (j < text.length()) {
        char d = text.charAt(j);
        if (d == '\\') {
          j += 2;
          continue;
        }
        if (d == '$' && j + 1 < text.length() && text.charAt(j + 1) == '{') {
          templates++;
          j += 2;
          continue;
        }
        if (d == '}' && templates > 0) {
          templates--;
        } else if (d == '"' && templates == 0) {
          return j + 1;
        } else if (d == '\n' && templates == 0) {
          return j;
        }
        j++;
      }
      return j;
    }
    if (c == '#' || c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '/') {
      return endOfLine(i, text.length());
    }
    if (c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '*') {
      int e = text.indexOf("*/", i + 2);
      return e < 0 ? text.length() : e + 2;
    }
    if (c == '<' && text.startsWith("<<", i)) {
      int j = i + 2;
      if (j < text.length() && text.charAt(j) == '-') {
        j++;
      }
      int k = j;
      while (k < text.length()
          && (Character.isLetterOrDigit(text.charAt(k)) || text.charAt(k) == '_')) {
        k++;
      }
      if (k == j) {
        return i;
      }
      String marker = text.substring(j, k);
      int line = text.indexOf('\n', k);
      while (line >= 0) {
        int next = text.indexOf('\n', line + 1);
        String content = text.substring(line + 1, next < 0 ? text.length() : next);
        if (content.strip().equals(marker)) {
          return next < 0 ? text.length() : next;
        }
        line = next;
      }
      return text.length();
    }
    return i;
  }

  /**
   * The text of the string from {@code start} (its opening quote) to {@code end} (past its closing
   * quote, or where an unterminated one stops).
   */
  private String unquote(int start, int end) {
    int close = end > start + 1 && text.charAt(end - 1) == '"' ? end - 1 : end;
    return text.substring(start + 1, Math.max(start + 1, close));
  }

  /** The indentation (spaces) of the line holding {@code offset}. */
  String indentAt(int offset) {
    int lineStart = text.lastIndexOf('\n', offset - 1) + 1;
    int i = lineStart;
    while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
      i++;
    }
    return text.substring(lineStart, i);
  }
}
