package io.tightbeam.jobs.registry;

/** The job registry could not be opened, read or written; the message says which and why. */
public final class RegistryException extends RuntimeException {
  RegistryException(String message, Throwable cause) {
    super(message, cause);
  }
}
