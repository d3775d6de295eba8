package io.tightbeam.template;

import io.tightbeam.py.Py;
import io.tightbeam.py.PyException;
import io.tightbeam.template.Node.Stmt;
import io.tightbeam.template.Node.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs a template's statements in a frame, writing to an {@link Output}. */
final class Renderer {
  private final Evaluation run;
  private final Evaluator evaluator;

  Renderer(Evaluation run) {
    this.run = run;
    this.evaluator = new Evaluator(run, this);
  }

  Evaluator evaluator() {
    return evaluator;
  }

  void render(List<Stmt> body, Frame f, Output out) {
    for (Stmt s : body) {
      stmt(s, f, out);
    }
  }

  private void stmt(Stmt s, Frame f, Output out) {
    if (s instanceof Node.Text t) {
      out.add(t.text());
    } else if (s instanceof Node.Print p) {
      Object v = evaluator.eval(p.expr(), f);
      Ops.check(v);
      out.add(v);
    } else if (s instanceof Node.If i) {
      for (int k = 0; k < i.tests().size(); k++) {
        if (Py.truthy(evaluator.eval(i.tests().get(k), f))) {
          render(i.bodies().get(k), f, out);
          return;
        }
      }
      render(i.otherwise(), f, out);
    } else if (s instanceof Node.For loop) {
      forLoop(loop, evaluator.eval(loop.iter(), f), f, out, 0);
    } else if (s instanceof Node.Set set) {
      assign(set.target(), evaluator.eval(set.value(), f), f);
    } else if (s instanceof Node.SetBlock sb) {
      Output inner = new Output();
      render(sb.body(), new Frame(f), inner);
      Object value = inner.text();
      if (sb.filter() != null) {
        value = applyChain(sb.filter(), value, f);
      }
      assign(sb.target(), value, f);
    } else if (s instanceof Node.Macro m) {
      f.set(m.name(), new Macro(m, f, this));
    } else if (s instanceof Node.CallBlock cb) {
      Macro caller = new Macro("caller", cb.params(), cb.defaults(), cb.body(), f, this, null);
      Frame callFrame = new Frame(f);
      callFrame.set("\u0000caller", caller);
      Args args = evaluator.args(cb.call().args(), f);
      Object callee = evaluator.eval(cb.call().target(), f);
      if (!(callee instanceof PyCallable pc)) {
        throw new PyException("'" + Py.typeName(callee) + "' object is not callable");
      }
      java.util.Map<String, Object> kw = new java.util.LinkedHashMap<>(args.named());
      kw.put("caller", caller);
      out.add(pc.call(java.util.Arrays.asList(args.positional()), kw));
    } else if (s instanceof Node.FilterBlock fb) {
      Output inner = new Output();
      render(fb.body(), new Frame(f), inner);
      out.add(applyChain(fb.filter(), inner.text(), f));
    } else if (s instanceof Node.With w) {
      Frame inner = new Frame(f);
      for (int k = 0; k < w.targets().size(); k++) {
        assign(w.targets().get(k), evaluator.eval(w.values().get(k), f), inner);
      }
      render(w.body(), inner, out);
    } else if (s instanceof Node.Include inc) {
      include(inc, f, out);
    } else if (s instanceof Node.Import imp) {
      f.set(imp.alias(), exports(imp.template(), imp.withContext(), f));
    } else if (s instanceof Node.FromImport fi) {
      Namespace ns = exports(fi.template(), fi.withContext(), f);
      for (int k = 0; k < fi.names().size(); k++) {
        String n = fi.names().get(k);
        f.set(fi.aliases().get(k), ns.attributes.containsKey(n) ? ns.attributes.get(n)
            : Undefined.hint("the template does not export the requested name '" + n + "'"));
      }
    } else if (s instanceof Node.Block b) {
      render(b.body(), f, out);
    } else if (s instanceof Node.Extends) {
      throw new TemplateException("template inheritance ({% extends %}) is not supported");
    }
  }

  /** A filter chain parsed with no input (filter blocks, {% set x | f %}) applied to a value. */
  private Object applyChain(Node.Expr chain, Object value, Frame f) {
    Node.Filter flt = (Node.Filter) chain;
    Object input = flt.value() == null ? value : applyChain(flt.value(), value, f);
    return evaluator.filter(flt, input, f);
  }

  private void forLoop(Node.For loop, Object iterable, Frame f, Output out, int depth) {
    List<Object> items = Ops.iterate(iterable);
    if (loop.condition() != null) {
      List<Object> kept = new ArrayList<>();
      for (Object item : items) {
        Frame test = new Frame(f);
        assign(loop.target(), item, test);
        if (Py.truthy(evaluator.eval(loop.condition(), test))) {
          kept.add(item);
        }
      }
      items = kept;
    }
    if (items.isEmpty()) {
      render(loop.otherwise(), f, out);
      return;
    }
    PyCallable recurse = loop.recursive() ? (args, kw) -> {
      Output inner = new Output();
      forLoop(loop, args.get(0), f, inner, depth + 1);
      return inner.text();
    } : null;
    LoopContext ctx = new LoopContext(items, depth, recurse);
    for (int i = 0; i < items.size(); i++) {
      ctx.index0 = i;
      Frame body = new Frame(f);
      assign(loop.target(), items.get(i), body);
      body.set("loop", ctx);
      render(loop.body(), body, out);
    }
  }

  private void assign(Target target, Object value, Frame f) {
    if (target instanceof Node.NameTarget n) {
      f.set(n.name(), value);
    } else if (target instanceof Node.AttrTarget a) {
      Object ns = evaluator.name(a.name(), f);
      if (!(ns instanceof Namespace namespace)) {
        throw new TemplateException("Cannot assign attribute on non-namespace object");
      }
      namespace.attributes.put(a.attr(), value);
    } else if (target instanceof Node.TupleTarget t) {
      List<Object> values = Ops.iterate(value);
      if (values.size() != t.items().size()) {
        throw new PyException(values.size() < t.items().size()
            ? "not enough values to unpack (expected " + t.items().size() + ", got " + values.size() + ")"
            : "too many values to unpack (expected " + t.items().size() + ")");
      }
      for (int i = 0; i < values.size(); i++) {
        assign(t.items().get(i), values.get(i), f);
      }
    }
  }

  private void include(Node.Include inc, Frame f, Output out) {
    Object name = evaluator.eval(inc.template(), f);
    List<Object> names = name instanceof List<?> l ? new ArrayList<>(l) : List.of(name);
    for (Object n : names) {
      List<Stmt> body = run.loadTemplate(Py.str(n));
      if (body != null) {
        render(body, inc.withContext() ? new Frame(f) : new Frame(null), out);
        return;
      }
    }
    if (!inc.ignoreMissing()) {
      throw new TemplateException("TemplateNotFound: " + Py.str(name));
    }
  }

  private Namespace exports(Node.Expr template, boolean withContext, Frame f) {
    String name = Py.str(evaluator.eval(template, f));
    List<Stmt> body = run.loadTemplate(name);
    if (body == null) {
      throw new TemplateException("TemplateNotFound: " + name);
    }
    Frame module = new Frame(withContext ? f : null);
    render(body, module, new Output());
    Namespace ns = new Namespace();
    for (Map.Entry<String, Object> e : module.locals().entrySet()) {
      if (!e.getKey().startsWith("_")) {
        ns.attributes.put(e.getKey(), e.getValue());
      }
    }
    return ns;
  }
}
