package dev.vpcscaudit.gcp.http;

import java.io.IOException;

/**
 * The transport refused a request that could change something: the auditor is read-only and sends
 * only GET requests to the APIs.
 */
public final class WriteRefusedException extends IOException {
  private final transient dev.vpcscaudit.i18n.Text text;

  /** A refused {@code request} ({@code METHOD URL}). */
  public WriteRefusedException(String request) {
    this(dev.vpcscaudit.i18n.Text.of("api.write-refused", request));
  }

  private WriteRefusedException(dev.vpcscaudit.i18n.Text text) {
    super(text.toString());
    this.text = text;
  }

  /** The message in the bundles, for the run's language. */
  public dev.vpcscaudit.i18n.Text text() {
    return text;
  }
}
