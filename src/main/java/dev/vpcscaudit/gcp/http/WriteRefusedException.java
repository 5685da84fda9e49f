package dev.vpcscaudit.gcp.http;

import java.io.IOException;

/**
 * The transport refused a request that could change something: the auditor is read-only and sends
 * only GET requests to the APIs.
 */
public final class WriteRefusedException extends IOException {
  public WriteRefusedException(String message) {
    super(message);
  }
}
