package io.tightbeam.template;

/** Jinja2's TemplateSyntaxError: the bare message and the line it points at. */
final class TemplateSyntaxError extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int line;

  TemplateSyntaxError(String message, int line) {
    super(message);
    this.line = line;
  }

  int line() {
    return line;
  }
}
