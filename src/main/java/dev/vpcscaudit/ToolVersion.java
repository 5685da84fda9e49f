package dev.vpcscaudit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The tool's version, written into the jar by the Maven build. */
public final class ToolVersion {

  public static final String NAME = "vpcsc-audit";

  private static final Properties PROPERTIES = load();
  private static final String VERSION = PROPERTIES.getProperty("version", "unknown");

  private ToolVersion() {}

  public static String get() {
    return VERSION;
  }

  /** The project's home page (the pom's {@code url}). */
  public static String url() {
    return PROPERTIES.getProperty("url", "");
  }

  private static Properties load() {
    try (InputStream in =
        ToolVersion.class.getResourceAsStream("/vpcsc-audit-version.properties")) {
      Properties p = new Properties();
      if (in != null) {
        p.load(in);
      }
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
