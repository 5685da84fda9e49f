package dev.vpcscaudit.report;

/** The {@code --format} values of {@code audit}. */
public enum ReportFormat {
  text,
  json,
  sarif,
  junit,
  markdown
}
