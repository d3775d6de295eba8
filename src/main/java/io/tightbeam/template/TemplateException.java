package io.tightbeam.template;

/**
 * A template could not be rendered: an undefined variable ({@code 'foo' is undefined}), a syntax
 * error, an unknown filter. The message reads as Ansible's for the same template.
 */
public final class TemplateException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final boolean undefined;
  private boolean valueError;

  public TemplateException(String message) {
    this(message, null, false);
  }

  public TemplateException(String message, Throwable cause) {
    this(message, cause, false);
  }

  private TemplateException(String message, Throwable cause, boolean undefined) {
    super(message, cause);
    this.undefined = undefined;
  }

  /** An undefined variable or attribute: Ansible words these "The task includes ... undefined". */
  static TemplateException undefined(String message) {
    return new TemplateException(message, null, true);
  }

  /**
   * A Python ValueError inside a filter: Ansible reports these as a task field that could not be
   * converted ({@code the field 'args' has an invalid value (...)}); the message is Python's alone.
   */
  static TemplateException valueError(String message, Throwable cause) {
    TemplateException e = new TemplateException(message, cause, false);
    e.valueError = true;
    return e;
  }

  /** Whether a filter failed with a Python ValueError (see {@link #valueError}). */
  public boolean isValueError() {
    return valueError;
  }

  /** Whether the template failed on an undefined variable or attribute. */
  public boolean isUndefined() {
    return undefined;
  }
}
