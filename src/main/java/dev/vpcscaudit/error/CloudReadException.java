package dev.vpcscaudit.error;

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
}
