package dev.vpcscaudit.report;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * A report that writes itself, so that a large one (thousands of projects) goes to its file as it
 * is rendered instead of being held whole in memory first.
 */
@FunctionalInterface
public interface Document {

  void writeTo(Writer out) throws IOException;

  /** The document as a string (for small documents and tests). */
  default String text() {
    StringWriter out = new StringWriter();
    try {
      writeTo(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
