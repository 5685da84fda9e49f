package dev.vpcscaudit;

/** The tool's name and version, and its home page, written into the build ({@link Shipped}). */
public final class ToolVersion {

  public static final String NAME = "vpcsc-audit";

  private ToolVersion() {}

  public static String get() {
    return Shipped.VERSION;
  }

  /** The project's home page (the pom's {@code vpcsc.homePage}), or empty while it has none. */
  public static String url() {
    return Shipped.URL.equals("-") ? "" : Shipped.URL;
  }

  /** The names of the profiles shipped inside the tool ({@code policies/*.yaml}). */
  public static java.util.List<String> shippedProfiles() {
    return Shipped.profileNames();
  }

  /** A shipped profile as JSON (converted from its YAML at build time); null when none. */
  public static String shippedProfileJson(String name) {
    return Shipped.profileJson(name);
  }

  /** The YAML text of a shipped profile, as shipped; null when there is none of that name. */
  public static String shippedProfile(String name) {
    return Shipped.profileText(name);
  }
}
