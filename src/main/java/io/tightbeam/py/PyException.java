package io.tightbeam.py;

/** A Python-level error (TypeError, ValueError, ...) with Python's message. */
public final class PyException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String type;

  /** A TypeError whose message reads as Python's would. */
  public PyException(String message) {
    this(message, "TypeError");
  }

  private PyException(String message, String type) {
    super(message);
    this.type = type;
  }

  /** A ValueError (bad JSON, a date that does not parse): Ansible words these apart from type errors. */
  public static PyException valueError(String message) {
    return new PyException(message, "ValueError");
  }

  /** A ZeroDivisionError: Ansible has no wording of its own for it (an "exception occurred"). */
  public static PyException zeroDivision(String message) {
    return new PyException(message, "ZeroDivisionError");
  }

  /** Whether this is a ValueError rather than a TypeError. */
  public boolean isValueError() {
    return type.equals("ValueError");
  }

  /** Python's class name: TypeError, ValueError or ZeroDivisionError. */
  public String type() {
    return type;
  }
}
