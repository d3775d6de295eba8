package io.tightbeam.template;

import io.tightbeam.py.Py;
import io.tightbeam.py.PyException;
import io.tightbeam.py.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Jinja2's {@code x.name} (attribute first, then item) and {@code x[key]} (item first, then
 * attribute); what is missing is an {@link Undefined} that names it.
 */
final class Access {
  private Access() {}

  static Object attribute(Object target, String name) {
    if (target instanceof Undefined) {
      return target;
    }
    if (name.equals("__class__")) {
      return new PyClass(Py.typeName(target));
    }
    if (Methods.has(target, name)) {
      return Methods.bind(target, name);
    }
    if (target instanceof Map<?, ?> m) {
      return Py.hasKey(m, name) ? Py.get(m, name) : Undefined.attribute(target, name);
    }
    Object special = special(target, name);
    return special != null ? special : Undefined.attribute(target, name);
  }

  private static Object special(Object target, String name) {
    if (target instanceof LoopContext loop) {
      return loop.attribute(name);
    } else if (target instanceof Namespace ns) {
      return ns.attributes.containsKey(name) ? ns.attributes.get(name) : null;
    } else if (target instanceof Attributes a) {
      return a.attribute(name);
    }
    return null;
  }

  /** A value with attributes of its own (a macro, a cycler, a datetime). */
  interface Attributes {
    /** The attribute's value, or null when there is none. */
    Object attribute(String name);
  }

  static Object item(Object target, Object key) {
    if (target instanceof Undefined) {
      return target;
    }
    Ops.check(key);
    if (target instanceof Map<?, ?> m) {
      if (Py.hasKey(m, key)) {
        return Py.get(m, key);
      }
    } else if (target instanceof List<?> l && (Py.isInt(key) || key instanceof Boolean)) {
      int i = Py.toBigInteger(key).intValue();
      int at = i < 0 ? l.size() + i : i;
      return at >= 0 && at < l.size() ? l.get(at) : Undefined.element(target, i);
    } else if (target instanceof String s && (Py.isInt(key) || key instanceof Boolean)) {
      int i = Py.toBigInteger(key).intValue();
      int at = i < 0 ? s.length() + i : i;
      return at >= 0 && at < s.length() ? String.valueOf(s.charAt(at)) : Undefined.element(target, i);
    }
    if (key instanceof String name) {
      if (Methods.has(target, name)) {
        return Methods.bind(target, name);
      }
      Object special = special(target, name);
      if (special != null) {
        return special;
      }
    }
    return Undefined.attribute(target, key);
  }

  static Object slice(Object target, Object start, Object stop, Object step) {
    Ops.check(target);
    int size;
    if (target instanceof String s) {
      size = s.length();
    } else if (target instanceof List<?> l) {
      size = l.size();
    } else {
      throw new PyException("'" + Py.typeName(target) + "' object is not subscriptable");
    }
    int st = step == null ? 1 : Py.toBigInteger(step).intValue();
    if (st == 0) {
      throw new PyException("slice step cannot be zero");
    }
    int lo = bound(start, size, st > 0 ? 0 : size - 1, st);
    int hi = bound(stop, size, st > 0 ? size : -1, st);
    List<Integer> indices = new ArrayList<>();
    for (int i = lo; st > 0 ? i < hi : i > hi; i += st) {
      indices.add(i);
    }
    if (target instanceof String s) {
      StringBuilder out = new StringBuilder();
      indices.forEach(i -> out.append(s.charAt(i)));
      return out.toString();
    }
    List<?> l = (List<?>) target;
    List<Object> out = new ArrayList<>(indices.size());
    indices.forEach(i -> out.add(l.get(i)));
    return target instanceof Tuple ? Tuple.copyOf(out) : out;
  }

  private static int bound(Object v, int size, int fallback, int step) {
    if (v == null) {
      return fallback;
    }
    int i = Py.toBigInteger(v).intValue();
    if (i < 0) {
      i += size;
      if (i < 0) {
        return step > 0 ? 0 : -1;
      }
    } else if (i >= size) {
      return step > 0 ? size : size - 1;
    }
    return i;
  }
}
