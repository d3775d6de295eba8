package io.tightbeam.py;

/** A Python-level error (TypeError, ValueError, ...) with Python's message. */
public final class PyException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** An error whose message reads as Python's would. */
  public PyException(String message) {
    super(message);
  }
}
