package io.tightbeam.template;

import io.tightbeam.template.Node.CallArgs;
import io.tightbeam.template.Node.Expr;
import io.tightbeam.template.Token.Kind;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Jinja2's expression grammar, with Python's operators and their precedence. */
class ExpressionParser {
  private static final Set<String> COMPARE = Set.of("==", "!=", "<", "<=", ">", ">=");

  final TokenStream ts;

  ExpressionParser(TokenStream ts) {
    this.ts = ts;
  }

  Expr expression() {
    return condExpr();
  }

  private Expr condExpr() {
    Expr expr = or();
    while (ts.skipName("if")) {
      Expr test = or();
      Expr otherwise = ts.skipName("else") ? condExpr() : null;
      expr = new Node.CondExpr(test, expr, otherwise);
    }
    return expr;
  }

  Expr or() {
    Expr left = and();
    while (ts.current().isName("or")) {
      int line = ts.next().line();
      left = new Node.Binary("or", left, and(), line);
    }
    return left;
  }

  private Expr and() {
    Expr left = not();
    while (ts.current().isName("and")) {
      int line = ts.next().line();
      left = new Node.Binary("and", left, not(), line);
    }
    return left;
  }

  private Expr not() {
    if (ts.current().isName("not")) {
      ts.next();
      return new Node.Unary("not", not());
    }
    return compare();
  }

  private Expr compare() {
    int line = ts.current().line();
    Expr first = math1();
    List<String> ops = new ArrayList<>();
    List<Expr> rest = new ArrayList<>();
    while (true) {
      Token t = ts.current();
      if (t.kind() == Kind.OP && COMPARE.contains(t.text())) {
        ts.next();
        ops.add(t.text());
      } else if (t.isName("in")) {
        ts.next();
        ops.add("in");
      } else if (t.isName("not") && ts.look().isName("in")) {
        ts.next();
        ts.next();
        ops.add("notin");
      } else {
        break;
      }
      rest.add(math1());
    }
    return ops.isEmpty() ? first : new Node.Compare(first, ops, rest, line);
  }

  private Expr math1() {
    Expr left = concat();
    while (ts.current().isOp("+") || ts.current().isOp("-")) {
      Token op = ts.next();
      left = new Node.Binary(op.text(), left, concat(), op.line());
    }
    return left;
  }

  private Expr concat() {
    Expr left = math2();
    while (ts.current().isOp("~")) {
      Token op = ts.next();
      left = new Node.Binary("~", left, math2(), op.line());
    }
    return left;
  }

  private Expr math2() {
    Expr left = pow();
    while (ts.current().isOp("*") || ts.current().isOp("/") || ts.current().isOp("//")
        || ts.current().isOp("%")) {
      Token op = ts.next();
      left = new Node.Binary(op.text(), left, pow(), op.line());
    }
    return left;
  }

  private Expr pow() {
    Expr left = unary(true);
    while (ts.current().isOp("**")) {
      Token op = ts.next();
      left = new Node.Binary("**", left, unary(true), op.line());
    }
    return left;
  }

  private Expr unary(boolean withFilter) {
    Expr node;
    if (ts.current().isOp("-")) {
      ts.next();
      node = new Node.Unary("-", unary(false));
    } else if (ts.current().isOp("+")) {
      ts.next();
      node = new Node.Unary("+", unary(false));
    } else {
      node = primary();
    }
    node = postfix(node);
    return withFilter ? filterExpr(node) : node;
  }

  Expr primary() {
    Token t = ts.current();
    switch (t.kind()) {
      case NAME -> {
        ts.next();
        return switch (t.text()) {
          case "true", "True" -> new Node.Const(Boolean.TRUE);
          case "false", "False" -> new Node.Const(Boolean.FALSE);
          case "none", "None" -> new Node.Const(null);
          default -> new Node.Name(t.text(), t.line());
        };
      }
      case STRING -> {
        StringBuilder s = new StringBuilder(ts.next().text());
        while (ts.current().kind() == Kind.STRING) {
          s.append(ts.next().text());
        }
        return new Node.Const(s.toString());
      }
      case INT -> {
        ts.next();
        return new Node.Const(io.tightbeam.py.Py.normalInt(new BigInteger(t.text())));
      }
      case FLOAT -> {
        ts.next();
        return new Node.Const(Double.parseDouble(t.text()));
      }
      default -> { }
    }
    if (t.isOp("(")) {
      ts.next();
      Expr e = tuple(false, true, Set.of(), true);
      ts.expectOp(")");
      return e;
    } else if (t.isOp("[")) {
      return list();
    } else if (t.isOp("{")) {
      return dict();
    }
    if (t.kind() == Kind.EOF) {
      throw ts.unexpected("an expression");
    }
    throw new TemplateSyntaxError("unexpected '" + t.describe() + "'", t.line());
  }

  /**
   * Jinja2's parse_tuple: one expression, or a tuple when commas separate several (or when
   * parentheses hold none).
   */
  Expr tuple(boolean simplified, boolean withCondExpr, Set<String> extraEnd, boolean explicitParens) {
    List<Expr> items = new ArrayList<>();
    boolean isTuple = false;
    while (true) {
      if (!items.isEmpty()) {
        ts.expectOp(",");
      }
      if (isTupleEnd(extraEnd)) {
        break;
      }
      items.add(simplified ? primary() : withCondExpr ? expression() : or());
      if (ts.current().isOp(",")) {
        isTuple = true;
      } else {
        break;
      }
    }
    if (!isTuple) {
      if (!items.isEmpty()) {
        return items.get(0);
      }
      if (!explicitParens) {
        throw new TemplateSyntaxError(
            "Expected an expression, got '" + ts.current().describe() + "'", ts.current().line());
      }
    }
    return new Node.TupleLit(items);
  }

  private boolean isTupleEnd(Set<String> extraEnd) {
    Token t = ts.current();
    if (t.kind() == Kind.VAR_END || t.kind() == Kind.BLOCK_END || t.isOp(")") || t.kind() == Kind.EOF) {
      return true;
    }
    return t.kind() == Kind.NAME && extraEnd.contains(t.text());
  }

  private Expr list() {
    ts.expectOp("[");
    List<Expr> items = new ArrayList<>();
    while (!ts.current().isOp("]")) {
      if (!items.isEmpty()) {
        ts.expectOp(",");
      }
      if (ts.current().isOp("]")) {
        break;
      }
      items.add(expression());
    }
    ts.expectOp("]");
    return new Node.ListLit(items);
  }

  private Expr dict() {
    ts.expectOp("{");
    List<Expr> keys = new ArrayList<>();
    List<Expr> values = new ArrayList<>();
    while (!ts.current().isOp("}")) {
      if (!keys.isEmpty()) {
        ts.expectOp(",");
      }
      if (ts.current().isOp("}")) {
        break;
      }
      keys.add(expression());
      ts.expectOp(":");
      values.add(expression());
    }
    ts.expectOp("}");
    return new Node.DictLit(keys, values);
  }

  Expr postfix(Expr node) {
    while (true) {
      if (ts.current().isOp(".") || ts.current().isOp("[")) {
        node = subscript(node);
      } else if (ts.current().isOp("(")) {
        int line = ts.current().line();
        node = new Node.Call(node, callArgs(), line);
      } else {
        return node;
      }
    }
  }

  private Expr filterExpr(Expr node) {
    while (true) {
      if (ts.current().isOp("|")) {
        node = filter(node, false);
      } else if (ts.current().isName("is")) {
        node = test(node);
      } else if (ts.current().isOp("(")) {
        int line = ts.current().line();
        node = new Node.Call(node, callArgs(), line);
      } else {
        return node;
      }
    }
  }

  private Expr subscript(Expr node) {
    Token t = ts.next();
    if (t.isOp(".")) {
      Token attr = ts.current();
      if (attr.kind() == Kind.NAME) {
        ts.next();
        return new Node.GetAttr(node, attr.text(), attr.line());
      } else if (attr.kind() == Kind.INT) {
        ts.next();
        return new Node.GetItem(node, new Node.Const(io.tightbeam.py.Py.normalInt(new BigInteger(attr.text()))), attr.line());
      }
      throw new TemplateSyntaxError("expected name or number", attr.line());
    }
    List<Expr> args = new ArrayList<>();
    while (!ts.current().isOp("]")) {
      if (!args.isEmpty()) {
        ts.expectOp(",");
        if (ts.current().isOp("]")) {
          break;
        }
      }
      args.add(subscribed());
    }
    ts.expectOp("]");
    Expr key = args.size() == 1 ? args.get(0) : new Node.TupleLit(args);
    return new Node.GetItem(node, key, t.line());
  }

  private Expr subscribed() {
    Expr start = null;
    if (!ts.current().isOp(":")) {
      start = expression();
      if (!ts.current().isOp(":")) {
        return start;
      }
    }
    ts.expectOp(":");
    Expr stop = null;
    Expr step = null;
    if (!ts.current().isOp("]") && !ts.current().isOp(",") && !ts.current().isOp(":")) {
      stop = expression();
    }
    if (ts.skipOp(":")) {
      if (!ts.current().isOp("]") && !ts.current().isOp(",")) {
        step = expression();
      }
    }
    return new Node.Slice(start, stop, step);
  }

  CallArgs callArgs() {
    ts.expectOp("(");
    List<Expr> args = new ArrayList<>();
    List<String> names = new ArrayList<>();
    List<Expr> named = new ArrayList<>();
    Expr star = null;
    Expr starStar = null;
    boolean comma = false;
    while (!ts.current().isOp(")")) {
      if (comma) {
        ts.expectOp(",");
        if (ts.current().isOp(")")) {
          break;
        }
      }
      if (ts.skipOp("*")) {
        star = expression();
      } else if (ts.skipOp("**")) {
        starStar = expression();
      } else if (ts.current().kind() == Kind.NAME && ts.look().isOp("=")) {
        names.add(ts.next().text());
        ts.next();
        named.add(expression());
      } else {
        if (!names.isEmpty() || starStar != null) {
          throw new TemplateSyntaxError("Invalid argument syntax", ts.current().line());
        }
        args.add(expression());
      }
      comma = true;
    }
    ts.expectOp(")");
    return new CallArgs(args, names, named, star, starStar);
  }

  /** {@code | name(args)} filters; {@code startInline} when the first has no bar (filter blocks). */
  Expr filter(Expr node, boolean startInline) {
    while (ts.current().isOp("|") || startInline) {
      if (!startInline) {
        ts.next();
      }
      Token t = ts.expect(Kind.NAME);
      String name = dotted(t.text());
      CallArgs args = ts.current().isOp("(") ? callArgs() : CallArgs.NONE;
      node = new Node.Filter(node, name, args, t.line());
      startInline = false;
    }
    return node;
  }

  private String dotted(String first) {
    StringBuilder name = new StringBuilder(first);
    while (ts.current().isOp(".") && ts.look().kind() == Kind.NAME) {
      ts.next();
      name.append('.').append(ts.next().text());
    }
    return name.toString();
  }

  private Expr test(Expr node) {
    int line = ts.next().line();
    boolean negated = ts.skipName("not");
    String name = dotted(ts.expect(Kind.NAME).text());
    CallArgs args = CallArgs.NONE;
    Token t = ts.current();
    if (t.isOp("(")) {
      args = callArgs();
    } else if ((t.kind() == Kind.NAME || t.kind() == Kind.STRING || t.kind() == Kind.INT
            || t.kind() == Kind.FLOAT || t.isOp("[") || t.isOp("{"))
        && !(t.isName("else") || t.isName("or") || t.isName("and"))) {
      if (t.isName("is")) {
        throw new TemplateSyntaxError("You cannot chain multiple tests with is", t.line());
      }
      Expr arg = postfix(primary());
      args = new CallArgs(List.of(arg), List.of(), List.of(), null, null);
    }
    return new Node.Test(node, name, args, negated, line);
  }
}
