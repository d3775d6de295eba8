package io.tightbeam.template;

import io.tightbeam.template.Node.CallArgs;
import io.tightbeam.template.Node.Expr;
import io.tightbeam.template.Node.Stmt;
import java.util.List;

/**
 * Jinja2 resolves filters and tests when it compiles a template, so an unknown name fails the
 * whole template even in a branch that never runs: the same check, over the parsed tree.
 */
final class Checker {
  private final Catalogue catalogue;

  Checker(Catalogue catalogue) {
    this.catalogue = catalogue;
  }

  static String couldNotLoad(String name) {
    return "Could not load \"" + name + "\": '" + name + "'";
  }

  void check(List<Stmt> body) {
    for (Stmt s : body) {
      stmt(s);
    }
  }

  private void stmt(Stmt s) {
    if (s instanceof Node.Print p) {
      expr(p.expr());
    } else if (s instanceof Node.If i) {
      i.tests().forEach(this::expr);
      i.bodies().forEach(this::check);
      check(i.otherwise());
    } else if (s instanceof Node.For f) {
      expr(f.iter());
      expr(f.condition());
      check(f.body());
      check(f.otherwise());
    } else if (s instanceof Node.Set set) {
      expr(set.value());
    } else if (s instanceof Node.SetBlock sb) {
      expr(sb.filter());
      check(sb.body());
    } else if (s instanceof Node.Macro m) {
      m.defaults().forEach(this::expr);
      check(m.body());
    } else if (s instanceof Node.CallBlock cb) {
      expr(cb.call());
      check(cb.body());
    } else if (s instanceof Node.FilterBlock fb) {
      expr(fb.filter());
      check(fb.body());
    } else if (s instanceof Node.With w) {
      w.values().forEach(this::expr);
      check(w.body());
    } else if (s instanceof Node.Block b) {
      check(b.body());
    }
  }

  private void expr(Expr e) {
    if (e == null) {
      return;
    }
    if (e instanceof Node.Filter f) {
      if (catalogue.filter(f.name()) == null) {
        throw new TemplateSyntaxError(couldNotLoad(f.name()), f.line());
      }
      expr(f.value());
      args(f.args());
    } else if (e instanceof Node.Test t) {
      if (catalogue.test(t.name()) == null) {
        throw new TemplateSyntaxError(couldNotLoad(t.name()), t.line());
      }
      expr(t.value());
      args(t.args());
    } else if (e instanceof Node.GetAttr a) {
      expr(a.target());
    } else if (e instanceof Node.GetItem g) {
      expr(g.target());
      expr(g.key());
    } else if (e instanceof Node.Slice s) {
      expr(s.start());
      expr(s.stop());
      expr(s.step());
    } else if (e instanceof Node.Call c) {
      expr(c.target());
      args(c.args());
    } else if (e instanceof Node.Unary u) {
      expr(u.operand());
    } else if (e instanceof Node.Binary b) {
      expr(b.left());
      expr(b.right());
    } else if (e instanceof Node.Compare c) {
      expr(c.first());
      c.rest().forEach(this::expr);
    } else if (e instanceof Node.CondExpr c) {
      expr(c.test());
      expr(c.then());
      expr(c.otherwise());
    } else if (e instanceof Node.ListLit l) {
      l.items().forEach(this::expr);
    } else if (e instanceof Node.TupleLit t) {
      t.items().forEach(this::expr);
    } else if (e instanceof Node.DictLit d) {
      d.keys().forEach(this::expr);
      d.values().forEach(this::expr);
    }
  }

  private void args(CallArgs a) {
    a.args().forEach(this::expr);
    a.named().forEach(this::expr);
    expr(a.star());
    expr(a.starStar());
  }
}
