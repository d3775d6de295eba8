package io.tightbeam.py;

/** A Python-level error (TypeError, ValueError, ...) with Python's message. */
public final class PyException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String pythonType;

  /** A TypeError whose message reads as Python's would. */
  public PyException(String message) {
    this(message, "TypeError");
  }

  private PyException(String message, String pythonType) {
    super(message);
    this.pythonType = pythonType;
  }

  /**
   * An exception of another Python class (ZeroDivisionError): Ansible's templating does not
   * handle these, so the task fails with the exception itself.
   */
  public static PyException of(String pythonType, String message) {
    return new PyException(message, pythonType);
  }

  /** The Python class's name: TypeError, ValueError or the one given to {@link #of}. */
  public String pythonType() {
    return pythonType;
  }

  /** Whether this is neither a TypeError nor a ValueError. */
  public boolean isUnhandled() {
    return !pythonType.equals("TypeError") && !pythonType.equals("ValueError");
  }

  /** A ValueError (bad JSON, a date that does not parse): Ansible words these apart from type errors. */
  public static PyException valueError(String message) {
    return new PyException(message, "ValueError");
  }

  /** Whether this is a ValueError rather than a TypeError. */
  public boolean isValueError() {
    return pythonType.equals("ValueError");
  }
}
