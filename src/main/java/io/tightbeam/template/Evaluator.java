package io.tightbeam.template;

import io.tightbeam.py.Py;
import io.tightbeam.py.PyException;
import io.tightbeam.py.Tuple;
import io.tightbeam.template.Node.CallArgs;
import io.tightbeam.template.Node.Expr;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Evaluates expressions in a frame: names, attribute and item access, calls, filters, tests. */
final class Evaluator {
  private final Evaluation run;
  private final Renderer renderer;

  Evaluator(Evaluation run, Renderer renderer) {
    this.run = run;
    this.renderer = renderer;
  }

  Object eval(Expr e, Frame f) {
    if (e instanceof Node.Const c) {
      return c.value();
    } else if (e instanceof Node.Name n) {
      return name(n.name(), f);
    } else if (e instanceof Node.GetAttr a) {
      Object target = eval(a.target(), f);
      return run.partOf(target, named(target, a.name(), Access.attribute(target, a.name())));
    } else if (e instanceof Node.GetItem g) {
      Object target = eval(g.target(), f);
      if (g.key() instanceof Node.Slice s) {
        return run.partOf(target, Access.slice(target, optional(s.start(), f), optional(s.stop(), f), optional(s.step(), f)));
      }
      Object key = eval(g.key(), f);
      return run.partOf(target, named(target, key, Access.item(target, key)));
    } else if (e instanceof Node.Binary b) {
      return binary(b, f);
    } else if (e instanceof Node.Unary u) {
      Object v = eval(u.operand(), f);
      return switch (u.op()) {
        case "not" -> !Py.truthy(v);
        case "-" -> Ops.negate(v);
        default -> Ops.plus(v);
      };
    } else if (e instanceof Node.Compare c) {
      return compare(c, f);
    } else if (e instanceof Node.CondExpr c) {
      if (Py.truthy(eval(c.test(), f))) {
        return eval(c.then(), f);
      }
      // Jinja2 gives its lenient Undefined here (not the strict one): it prints as nothing
      return c.otherwise() == null ? "" : eval(c.otherwise(), f);
    } else if (e instanceof Node.ListLit l) {
      List<Object> out = new ArrayList<>(l.items().size());
      for (Expr item : l.items()) {
        out.add(eval(item, f));
      }
      return out;
    } else if (e instanceof Node.TupleLit t) {
      Object[] out = new Object[t.items().size()];
      for (int i = 0; i < out.length; i++) {
        out[i] = eval(t.items().get(i), f);
      }
      return Tuple.of(out);
    } else if (e instanceof Node.DictLit d) {
      Map<Object, Object> out = new LinkedHashMap<>();
      for (int i = 0; i < d.keys().size(); i++) {
        Object key = eval(d.keys().get(i), f);
        Ops.check(key);
        if (key instanceof List<?> && !(key instanceof Tuple) || key instanceof Map) {
          throw new PyException("unhashable type: '" + Py.typeName(key) + "'");
        }
        out.put(key, eval(d.values().get(i), f));
      }
      return out;
    } else if (e instanceof Node.Call c) {
      return call(c, f);
    } else if (e instanceof Node.Filter flt) {
      return filter(flt, eval(flt.value(), f), f);
    } else if (e instanceof Node.Test t) {
      return test(t, f);
    }
    throw new IllegalStateException("cannot evaluate " + e);
  }

  /** {@code value}, or for a missing attribute of a string its Undefined naming the string's class. */
  private Object named(Object target, Object name, Object value) {
    return value instanceof Undefined && target instanceof String s ? Undefined.attribute(s, name, run.typeName(s)) : value;
  }

  private Object optional(Expr e, Frame f) {
    return e == null ? null : eval(e, f);
  }

  Object name(String name, Frame f) {
    Object local = f.find(name);
    if (local != Frame.missing()) {
      return local;
    }
    return run.variable(name);
  }

  private Object binary(Node.Binary b, Frame f) {
    if (b.op().equals("and")) {
      Object left = eval(b.left(), f);
      return Py.truthy(left) ? eval(b.right(), f) : left;
    } else if (b.op().equals("or")) {
      Object left = eval(b.left(), f);
      return Py.truthy(left) ? left : eval(b.right(), f);
    }
    Object left = eval(b.left(), f);
    Object right = eval(b.right(), f);
    if (b.op().equals("+") && left instanceof String x && right instanceof String y && (run.isMarkup(x) || run.isMarkup(y))) {
      // Markup's __add__/__radd__ escape the other side
      return run.markup(markupText(x) + markupText(y));
    }
    Object result = Ops.binary(b.op(), left, right);
    if (result instanceof String && run.readUnsafe() && TEXT_OPS.contains(b.op())) {
      // AnsibleUnsafeText's __add__/__radd__, __mul__ and __mod__/__rmod__ keep the mark
      run.keepUnsafe(left, result);
      run.keepUnsafe(right, result);
    }
    return result;
  }

  private String markupText(String s) {
    return run.isMarkup(s) ? s : JinjaMarkupFilters.escape(s);
  }

  private static final java.util.Set<String> TEXT_OPS = java.util.Set.of("+", "*", "%");

  private Object compare(Node.Compare c, Frame f) {
    Object left = eval(c.first(), f);
    for (int i = 0; i < c.ops().size(); i++) {
      Object right = eval(c.rest().get(i), f);
      if (!Ops.compare(c.ops().get(i), left, right)) {
        return false;
      }
      left = right;
    }
    return true;
  }

  Args args(CallArgs a, Frame f) {
    List<Object> positional = new ArrayList<>(a.args().size());
    for (Expr e : a.args()) {
      positional.add(eval(e, f));
    }
    if (a.star() != null) {
      positional.addAll(Ops.iterate(eval(a.star(), f)));
    }
    Map<String, Object> named = new LinkedHashMap<>();
    for (int i = 0; i < a.names().size(); i++) {
      named.put(a.names().get(i), eval(a.named().get(i), f));
    }
    if (a.starStar() != null && eval(a.starStar(), f) instanceof Map<?, ?> m) {
      m.forEach((k, v) -> named.put(Py.str(k), v));
    }
    return new Args(positional.toArray(), named);
  }

  private Object call(Node.Call c, Frame f) {
    if (c.target() instanceof Node.GetAttr a) {
      Object target = eval(a.target(), f);
      if (target instanceof Undefined u) {
        throw u.error();
      }
      if (Methods.has(target, a.name())) {
        Args args = args(c.args(), f);
        Object result = Methods.call(target, a.name(), java.util.Arrays.asList(args.positional()), args.named());
        // AnsibleUnsafeText overrides every str method that gives text (split's list of them too)
        return run.readUnsafe() ? run.keepUnsafe(target, result) : result;
      }
      return invoke(Access.attribute(target, a.name()), args(c.args(), f));
    }
    if (c.target() instanceof Node.Name n && f.find(n.name()) == Frame.missing() && !run.hasVariable(n.name())) {
      PyCallable global = Globals.get(n.name(), run);
      if (global != null) {
        Args args = args(c.args(), f);
        return global.call(java.util.Arrays.asList(args.positional()), args.named());
      }
    }
    return invoke(eval(c.target(), f), args(c.args(), f));
  }

  private static Object invoke(Object callee, Args args) {
    if (callee instanceof Undefined u) {
      throw u.error();
    }
    if (callee instanceof PyCallable pc) {
      return pc.call(java.util.Arrays.asList(args.positional()), args.named());
    }
    throw new PyException("'" + Py.typeName(callee) + "' object is not callable");
  }

  Object filter(Node.Filter flt, Object value, Frame f) {
    Catalogue.Filter filter = run.catalogue().filter(flt.name());
    if (filter == null) {
      throw new TemplateSyntaxError(Checker.couldNotLoad(flt.name()), flt.line());
    }
    Args args = args(flt.args(), f);
    if (!filter.acceptsUndefined()) {
      Ops.check(value);
      for (Object a : args.positional()) {
        Ops.check(a);
      }
      for (Object a : args.named().values()) {
        Ops.check(a);
      }
    }
    // A filter's TemplateException is Ansible's AnsibleFilterError, shown as is; its Python
    // errors (PyException) become the templating type error where the template is rendered.
    Object result = filter.body().apply(value, args, run);
    if (result == value && result instanceof String s && !filter.acceptsUndefined()) {
      // Java gives back an unchanged String itself; Python's str methods on a str subclass
      // (AnsibleUnicode, NativeJinjaText) give a new str. Unsafe text keeps its mark.
      String type = run.typeName(s);
      if (!type.equals("str") && !type.equals("AnsibleUnsafeText")) {
        result = new String(s);
        if (type.contains("Unsafe")) {
          run.markUnsafe(result);
        }
      }
    }
    if (run.readUnsafe() && UNSAFE_KEEPING_FILTERS.contains(flt.name())) {
      run.keepUnsafe(value, result);
    }
    if (STRING_TYPE_FILTERS.contains(flt.name())) {
      if (result instanceof String s && run.typeName(s).contains("Unsafe")) {
        result = new String(s); // NativeJinjaText(text) is a new str: an unsafe text's mark is not kept
      }
      run.markNativeText(result);
    }
    return result;
  }

  /**
   * Jinja2's filters that build their text with the value's own str methods (lower, strip, slicing,
   * iteration...), which AnsibleUnsafeText overrides to give unsafe text again; shlex.quote adds
   * text to it. Other filters give a plain str.
   */
  private static final java.util.Set<String> UNSAFE_KEEPING_FILTERS = java.util.Set.of("lower", "upper",
      "capitalize", "trim", "replace", "center", "indent", "format", "truncate", "first", "last",
      "reverse", "list", "quote", "ansible.builtin.quote");

  /**
   * Ansible's STRING_TYPE_FILTERS: their text is never read back as a literal by the concat, so
   * {@code {{ d | to_json }}} stays a JSON string.
   */
  private static final java.util.Set<String> STRING_TYPE_FILTERS = java.util.Set.of("string", "to_json",
      "to_nice_json", "to_yaml", "to_nice_yaml");

  private Object test(Node.Test t, Frame f) {
    Catalogue.Test test = run.catalogue().test(t.name());
    if (test == null) {
      throw new TemplateSyntaxError(Checker.couldNotLoad(t.name()), t.line());
    }
    Object value = eval(t.value(), f);
    Args args = args(t.args(), f);
    if (!test.acceptsUndefined()) {
      Ops.check(value);
      for (Object a : args.positional()) {
        Ops.check(a);
      }
    }
    Object result;
    try {
      result = test.body().apply(value, args, run);
    } catch (TemplateException e) {
      if (e.getCause() instanceof PluginError p && p.pythonType().equals(PluginError.TYPE_ERROR)) {
        throw new PyException(e.getMessage());
      }
      throw e;
    }
    return t.negated() ? !Py.truthy(result) : result;
  }

  Renderer renderer() {
    return renderer;
  }
}
