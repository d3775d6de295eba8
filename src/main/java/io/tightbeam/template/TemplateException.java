package io.tightbeam.template;

/**
 * A template could not be rendered: an undefined variable ({@code 'foo' is undefined}), a syntax
 * error, an unknown filter. The message names the problem and the template text.
 */
public final class TemplateException extends RuntimeException {
  public TemplateException(String message) {
    super(message);
  }

  public TemplateException(String message, Throwable cause) {
    super(message, cause);
  }
}
