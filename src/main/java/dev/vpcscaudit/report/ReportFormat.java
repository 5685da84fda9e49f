package dev.vpcscaudit.report;

/**
 * The {@code --format} values of {@code audit}, with the file name each has in {@code
 * --output-dir}.
 */
public enum ReportFormat {
  text("vpcsc-audit.txt"),
  json("vpcsc-audit.json"),
  sarif("vpcsc-audit.sarif"),
  junit("vpcsc-audit.junit.xml"),
  markdown("vpcsc-audit.md");

  private final String fileName;

  ReportFormat(String fileName) {
    this.fileName = fileName;
  }

  /** The report's file name in an {@code --output-dir}, e.g. {@code vpcsc-audit.junit.xml}. */
  public String fileName() {
    return fileName;
  }
}
