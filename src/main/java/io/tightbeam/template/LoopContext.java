package io.tightbeam.template;

import io.tightbeam.py.Py;
import java.util.List;
import java.util.Map;

/** Jinja2's {@code loop} variable: index, first, last, length, cycle(), previtem, changed(). */
final class LoopContext implements PyCallable, Py.Named {
  private final List<Object> items;
  private final int depth0;
  private final PyCallable recurse;
  int index0;
  private Object lastChanged = LoopContext.class;

  LoopContext(List<Object> items, int depth0, PyCallable recurse) {
    this.items = items;
    this.depth0 = depth0;
    this.recurse = recurse;
  }

  /** The value of {@code loop.name}, or null when the loop has no such attribute. */
  Object attribute(String name) {
    int n = items.size();
    return switch (name) {
      case "index" -> index0 + 1;
      case "index0" -> index0;
      case "revindex" -> n - index0;
      case "revindex0" -> n - index0 - 1;
      case "first" -> index0 == 0;
      case "last" -> index0 == n - 1;
      case "length" -> n;
      case "depth" -> depth0 + 1;
      case "depth0" -> depth0;
      case "previtem" -> index0 > 0 ? items.get(index0 - 1) : Undefined.hint("there is no previous item");
      case "nextitem" -> index0 < n - 1 ? items.get(index0 + 1) : Undefined.hint("there is no next item");
      case "cycle" -> (PyCallable) (args, kw) -> {
        if (args.isEmpty()) {
          throw new io.tightbeam.py.PyException("no items for cycling given");
        }
        return args.get(index0 % args.size());
      };
      case "changed" -> (PyCallable) (args, kw) -> {
        Object key = args.size() == 1 ? args.get(0) : args;
        boolean changed = lastChanged == LoopContext.class || !Py.eq(lastChanged, key);
        lastChanged = key;
        return changed;
      };
      default -> null;
    };
  }

  @Override
  public Object call(List<Object> args, Map<String, Object> kwargs) {
    if (recurse == null) {
      throw new TemplateException("The loop must have the 'recursive' marker to be called recursively.");
    }
    return recurse.call(args, kwargs);
  }

  @Override
  public String typeName() {
    return "LoopContext";
  }

  @Override
  public String toString() {
    return "<LoopContext " + (index0 + 1) + "/" + items.size() + ">";
  }
}
