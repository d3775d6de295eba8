package io.tightbeam.py;

/** A Python-level error (TypeError, ValueError, ...) with Python's message. */
public final class PyException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final boolean valueError;

  /** A TypeError whose message reads as Python's would. */
  public PyException(String message) {
    this(message, false);
  }

  private PyException(String message, boolean valueError) {
    super(message);
    this.valueError = valueError;
  }

  /** A ValueError (bad JSON, a date that does not parse): Ansible words these apart from type errors. */
  public static PyException valueError(String message) {
    return new PyException(message, true);
  }

  /** Whether this is a ValueError rather than a TypeError. */
  public boolean isValueError() {
    return valueError;
  }
}
