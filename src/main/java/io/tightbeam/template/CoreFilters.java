package io.tightbeam.template;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** Type and control filters: default, bool, int, float, string, list, batch, ternary, … */
final class CoreFilters {
  private CoreFilters() {}

  static void register(Catalogue c) {
    c.filter("default", true, (v, a, env) -> withDefault(v, a));
    c.filter("d", true, (v, a, env) -> withDefault(v, a));
    c.filter(
            "mandatory",
            true,
            (v, a, env) -> {
              if (v instanceof Undefined u) {
                Object msg = a.get(0, "msg", null);
                throw msg == null
                    ? new TemplateException("Mandatory variable " + u.message().replace(" is undefined", "") + " not defined.")
                    : new TemplateException(io.tightbeam.py.Py.str(msg));
              }
              return v;
            });
    c.filter("bool", (v, a, env) -> Filters.toBool(v));
    c.filter("int", (v, a, env) -> CoreFilters.toInt(v, a));
    c.filter("float", (v, a, env) -> CoreFilters.toFloat(v, a));
    c.filter("string", (v, a, env) -> io.tightbeam.py.Py.str(v));
    // Integers become Longs like Jinjava's own literals, so `range(3) | list == [0, 1, 2]` holds.
    c.filter("list", (v, a, env) -> {
      List<Object> out = new ArrayList<>();
      for (Object o : Filters.list(v)) {
        out.add(o instanceof Integer i ? (Object) i.longValue() : o);
      }
      return out;
    });
    c.filter("batch", (v, a, env) -> CoreFilters.batch(v, a));
    c.filter("ternary", (v, a, env) ->
            v == null && a.size() > 2 ? a.get(2, "none_val", null)
                : io.tightbeam.py.Py.truthy(v) ? a.get(0, "true_val", null) : a.get(1, "false_val", null));
    c.filter("type_debug", (v, a, env) -> io.tightbeam.py.Py.typeName(v));
    c.filter("random", (v, a, env) -> CoreFilters.random(v, a));
  }

  private static Object withDefault(Object value, Args args) {
    Object fallback = args.get(0, "default_value", "");
    boolean alsoFalsy = args.bool(1, "boolean", false);
    if (value instanceof Undefined || (alsoFalsy && !io.tightbeam.py.Py.truthy(value))) {
      return fallback;
    }
    return value;
  }

  private static Object toInt(Object v, Args a) {
    Object fallback = a.get(0, "default", 0);
    int base = a.integer(1, "base", 10);
    try {
      if (v instanceof Boolean b) {
        return b ? 1 : 0;
      }
      if (v instanceof Number n) {
        return io.tightbeam.py.Py.normalNumber(n instanceof Double || n instanceof Float
            ? BigDecimal.valueOf(n.doubleValue()).toBigInteger() : n);
      }
      String s = io.tightbeam.py.Py.str(v).trim().replace("_", "");
      if (base != 10) {
        String digits = s.toLowerCase().replaceFirst("^0[xob]", "");
        return io.tightbeam.py.Py.normalNumber(Long.parseLong(digits, base));
      }
      try {
        return io.tightbeam.py.Py.normalNumber(Long.parseLong(s));
      } catch (NumberFormatException e) {
        return io.tightbeam.py.Py.normalNumber(new BigDecimal(s).toBigInteger());
      }
    } catch (RuntimeException e) {
      return fallback;
    }
  }

  private static Object toFloat(Object v, Args a) {
    try {
      return v instanceof Number n ? n.doubleValue() : Double.parseDouble(io.tightbeam.py.Py.str(v).trim());
    } catch (RuntimeException e) {
      return a.get(0, "default", 0.0);
    }
  }

  /** Jinja2's batch: rows of {@code size}; the last row is padded only when fill_with is given. */
  private static Object batch(Object v, Args a) {
    int size = a.integer(0, "linecount", 1);
    if (size <= 0) {
      throw new TemplateException("batch size must be positive");
    }
    boolean fill = a.get(1, "fill_with", null) != null;
    Object filler = a.get(1, "fill_with", null);
    List<Object> rows = new ArrayList<>();
    List<Object> row = new ArrayList<>();
    for (Object item : Filters.list(v)) {
      row.add(item);
      if (row.size() == size) {
        rows.add(row);
        row = new ArrayList<>();
      }
    }
    if (!row.isEmpty()) {
      while (fill && row.size() < size) {
        row.add(filler);
      }
      rows.add(row);
    }
    return rows;
  }

  private static Object random(Object v, Args a) {
    ThreadLocalRandom rnd = ThreadLocalRandom.current();
    if (v instanceof Number n) {
      long start = a.get(0, "start", null) == null ? 0 : Filters.number(a.get(0, "start", 0)).longValue();
      long step = a.get(1, "step", null) == null ? 1 : Filters.number(a.get(1, "step", 1)).longValue();
      long stop = n.longValue();
      long count = (stop - start + step - 1) / step;
      if (count <= 0) {
        throw new TemplateException("random: empty range for " + stop);
      }
      return io.tightbeam.py.Py.normalNumber(start + step * rnd.nextLong(count));
    }
    List<Object> items = v instanceof Map<?, ?> m ? new ArrayList<>(m.keySet()) : Filters.list(v);
    if (items.isEmpty()) {
      throw new TemplateException("random: cannot choose from an empty sequence");
    }
    return items.get(rnd.nextInt(items.size()));
  }
}
