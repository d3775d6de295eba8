package io.tightbeam.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A {@code {% macro %}} (or a call block's {@code caller}): renders its body with its arguments. */
final class Macro implements PyCallable, Access.Attributes {
  private final String name;
  private final List<String> params;
  private final List<Node.Expr> defaults;
  private final List<Node.Stmt> body;
  private final Frame closure;
  private final Renderer renderer;
  private final Macro caller;

  Macro(Node.Macro def, Frame closure, Renderer renderer) {
    this(def.name(), def.params(), def.defaults(), def.body(), closure, renderer, null);
  }

  Macro(String name, List<String> params, List<Node.Expr> defaults, List<Node.Stmt> body, Frame closure,
      Renderer renderer, Macro caller) {
    this.name = name;
    this.params = params;
    this.defaults = defaults;
    this.body = body;
    this.closure = closure;
    this.renderer = renderer;
    this.caller = caller;
  }

  @Override
  public Object call(List<Object> args, Map<String, Object> kwargs) {
    Frame f = new Frame(closure);
    Map<String, Object> extra = new LinkedHashMap<>(kwargs);
    int firstDefault = params.size() - defaults.size();
    for (int i = 0; i < params.size(); i++) {
      String p = params.get(i);
      if (i < args.size()) {
        f.set(p, args.get(i));
      } else if (extra.containsKey(p)) {
        f.set(p, extra.remove(p));
      } else if (i >= firstDefault) {
        f.set(p, renderer.evaluator().eval(defaults.get(i - firstDefault), f));
      } else {
        f.set(p, Undefined.hint("parameter '" + p + "' was not provided"));
      }
    }
    f.set("varargs", args.size() > params.size() ? io.tightbeam.py.Tuple.copyOf(args.subList(params.size(), args.size())) : io.tightbeam.py.Tuple.copyOf(List.of()));
    Object callerArg = extra.remove("caller");
    f.set("kwargs", extra);
    if (caller != null) {
      f.set("caller", caller);
    } else if (callerArg != null) {
      f.set("caller", callerArg);
    }
    Output out = new Output();
    renderer.render(body, f, out);
    return out.text();
  }

  @Override
  public Object attribute(String attr) {
    return switch (attr) {
      case "name" -> name;
      case "arguments" -> io.tightbeam.py.Tuple.copyOf(params);
      default -> null;
    };
  }

  @Override
  public String toString() {
    return "<Macro '" + name + "'>";
  }
}
