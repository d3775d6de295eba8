package io.tightbeam.template;

import java.util.List;

/** The syntax tree of a template: expressions and statements, as Jinja2's parser makes them. */
final class Node {
  private Node() {}

  /** An expression. */
  sealed interface Expr {}

  record Const(Object value) implements Expr {}

  record Name(String name, int line) implements Expr {}

  record ListLit(List<Expr> items) implements Expr {}

  record TupleLit(List<Expr> items) implements Expr {}

  record DictLit(List<Expr> keys, List<Expr> values) implements Expr {}

  record GetAttr(Expr target, String name, int line) implements Expr {}

  record GetItem(Expr target, Expr key, int line) implements Expr {}

  record Slice(Expr start, Expr stop, Expr step) implements Expr {}

  /** The arguments of a call, filter or test. */
  record CallArgs(List<Expr> args, List<String> names, List<Expr> named, Expr star, Expr starStar) {
    static final CallArgs NONE = new CallArgs(List.of(), List.of(), List.of(), null, null);
  }

  record Call(Expr target, CallArgs args, int line) implements Expr {}

  /** {@code value | name(args)}; value is null inside a filter block's chain. */
  record Filter(Expr value, String name, CallArgs args, int line) implements Expr {}

  record Test(Expr value, String name, CallArgs args, boolean negated, int line) implements Expr {}

  record Unary(String op, Expr operand) implements Expr {}

  record Binary(String op, Expr left, Expr right, int line) implements Expr {}

  record Compare(Expr first, List<String> ops, List<Expr> rest, int line) implements Expr {}

  record CondExpr(Expr test, Expr then, Expr otherwise) implements Expr {}

  /** An assignment target of set/for/with. */
  sealed interface Target {}

  record NameTarget(String name) implements Target {}

  record TupleTarget(List<Target> items) implements Target {}

  record AttrTarget(String name, String attr) implements Target {}

  /** A statement (a piece of template output). */
  sealed interface Stmt {}

  record Text(String text) implements Stmt {}

  record Print(Expr expr, int line) implements Stmt {}

  record If(List<Expr> tests, List<List<Stmt>> bodies, List<Stmt> otherwise) implements Stmt {}

  record For(Target target, Expr iter, Expr condition, boolean recursive, List<Stmt> body,
      List<Stmt> otherwise, int line) implements Stmt {}

  record Set(Target target, Expr value) implements Stmt {}

  record SetBlock(Target target, Expr filter, List<Stmt> body) implements Stmt {}

  record Macro(String name, List<String> params, List<Expr> defaults, List<Stmt> body) implements Stmt {}

  record CallBlock(Call call, List<String> params, List<Expr> defaults, List<Stmt> body) implements Stmt {}

  record FilterBlock(Expr filter, List<Stmt> body) implements Stmt {}

  record Include(Expr template, boolean ignoreMissing, boolean withContext) implements Stmt {}

  record Import(Expr template, String alias, boolean withContext) implements Stmt {}

  record FromImport(Expr template, List<String> names, List<String> aliases, boolean withContext)
      implements Stmt {}

  record With(List<Target> targets, List<Expr> values, List<Stmt> body) implements Stmt {}


  record Block(String name, List<Stmt> body) implements Stmt {}

  record Extends(Expr template) implements Stmt {}

}
