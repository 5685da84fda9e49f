package dev.vpcscaudit.gcp.http;

import java.io.IOException;

/** The run's {@code --timeout} passed before a request could complete. */
public final class DeadlineExceededException extends IOException {
  public DeadlineExceededException(String message) {
    super(message);
  }
}
