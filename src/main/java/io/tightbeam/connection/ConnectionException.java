package io.tightbeam.connection;

/**
 * The target could not be reached or the transport broke (not a command's own failure). The
 * executor turns it into Ansible's UNREACHABLE result; the message is shown to the user.
 */
public final class ConnectionException extends RuntimeException {
  public ConnectionException(String message) {
    super(message);
  }

  public ConnectionException(String message, Throwable cause) {
    super(message, cause);
  }
}
