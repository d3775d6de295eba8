package io.tightbeam.template;

import io.tightbeam.template.Token.Kind;
import java.util.List;

/** A cursor over a template's tokens with Jinja2's "expected X, got Y" errors. */
final class TokenStream {
  private final List<Token> tokens;
  private int index;

  TokenStream(List<Token> tokens) {
    this.tokens = tokens;
  }

  Token current() {
    return checked(tokens.get(index));
  }

  Token look() {
    return checked(tokens.get(Math.min(index + 1, tokens.size() - 1)));
  }

  private static Token checked(Token t) {
    if (t.kind() == Kind.ERROR) {
      throw new TemplateSyntaxError(t.text(), t.line());
    }
    return t;
  }

  Token next() {
    Token t = current();
    if (index < tokens.size() - 1) {
      index++;
    }
    return t;
  }

  boolean skipOp(String op) {
    if (current().isOp(op)) {
      next();
      return true;
    }
    return false;
  }

  boolean skipName(String name) {
    if (current().isName(name)) {
      next();
      return true;
    }
    return false;
  }

  Token expectOp(String op) {
    if (!current().isOp(op)) {
      throw unexpected("'" + op + "'");
    }
    return next();
  }

  Token expect(Kind kind) {
    if (current().kind() != kind) {
      String what = switch (kind) {
        case NAME -> "name";
        case VAR_END -> "end of print statement";
        case BLOCK_END -> "end of statement block";
        default -> kind.name().toLowerCase(java.util.Locale.ROOT);
      };
      throw unexpected("'" + what + "'");
    }
    return next();
  }

  String expectName(String name) {
    if (!current().isName(name)) {
      throw unexpected("'" + name + "'");
    }
    return next().text();
  }

  TemplateSyntaxError unexpected(String expected) {
    Token t = current();
    if (t.kind() == Kind.EOF) {
      return new TemplateSyntaxError("unexpected end of template, expected " + expected + ".", t.line());
    }
    String got = t.kind() == Kind.NAME || t.kind() == Kind.OP ? "'" + t.text() + "'" : "'" + t.describe() + "'";
    return new TemplateSyntaxError("expected token " + expected + ", got " + got, t.line());
  }
}
