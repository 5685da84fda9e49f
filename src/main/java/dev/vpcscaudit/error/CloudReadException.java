package dev.vpcscaudit.error;

import dev.vpcscaudit.i18n.Text;

/**
 * The audit could not read what it needed from the cloud (credentials, permission, API, a perimeter
 * blocking the call). Exit code 3: such a run is never reported as compliant.
 */
public final class CloudReadException extends VpcscException {

  public CloudReadException(String message) {
    super(message, null);
  }

  public CloudReadException(String message, Throwable cause) {
    super(message, cause);
  }

  public CloudReadException(Text text) {
    super(text, null);
  }

  public CloudReadException(Text text, Throwable cause) {
    super(text, cause);
  }
}
