package io.tightbeam.template;

/** One token of a template: its kind, its text (a string token's value, unescaped) and where. */
record Token(Kind kind, String text, int line, int column) {
  enum Kind {
    DATA, VAR_BEGIN, VAR_END, BLOCK_BEGIN, BLOCK_END, NAME, STRING, INT, FLOAT, OP, EOF,
    /** Text the lexer could not read: its error is raised when the parser reaches it. */
    ERROR
  }

  boolean is(Kind k, String t) {
    return kind == k && text.equals(t);
  }

  boolean isOp(String t) {
    return kind == Kind.OP && text.equals(t);
  }

  boolean isName(String t) {
    return kind == Kind.NAME && text.equals(t);
  }

  /** How Jinja2 names this token in "expected token X, got Y". */
  String describe() {
    return switch (kind) {
      case VAR_END -> "end of print statement";
      case BLOCK_END -> "end of statement block";
      case EOF -> "end of template";
      case STRING -> "string";
      case INT -> "integer";
      case FLOAT -> "float";
      default -> text;
    };
  }
}
