package io.tightbeam.template;

import io.tightbeam.py.Py;
import io.tightbeam.py.PyException;
import io.tightbeam.py.Tuple;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Jinja2 3.1's filters over numbers and sequences: abs, batch, first, last, length, int, float,
 * round, join, list, reverse, slice, sum, items, dictsort, default and attr.
 */
final class JinjaListFilters {
  private JinjaListFilters() {}

  static void register(Catalogue c) {
    c.jinjaFilter("abs", false, (v, a, e) -> abs(v));
    c.jinjaFilter("attr", false, (v, a, e) -> {
      String name = Items.str(a.get(0, "name", null));
      // getattr only: a dict's keys are items, not attributes; its methods are
      return v instanceof Map<?, ?> && !Methods.has(v, name) ? Undefined.attribute(v, name)
          : Access.attribute(v, name);
    });
    c.jinjaFilter("batch", false, JinjaListFilters::batch);
    Catalogue.FilterBody length = (v, a, e) -> length(v);
    c.jinjaFilter("length", false, length);
    c.jinjaFilter("count", false, length);
    c.jinjaFilter("dictsort", false, JinjaListFilters::dictsort);
    c.jinjaFilter("first", false, (v, a, e) -> {
      List<Object> items = Items.list(v);
      if (items.isEmpty()) {
        return Undefined.hint("No first item, sequence was empty.");
      }
      return items.get(0);
    });
    c.jinjaFilter("last", false, (v, a, e) -> {
      List<Object> items = Items.list(v);
      if (items.isEmpty()) {
        return Undefined.hint("No last item, sequence was empty.");
      }
      return items.get(items.size() - 1);
    });
    c.jinjaFilter("float", false, (v, a, e) -> {
      try {
        return v == null ? (Object) 0.0 : (Object) JinjaTextFilters.toFloat(v);
      } catch (PyException ex) {
        return a.get(0, "default", 0.0);
      }
    });
    c.jinjaFilter("int", false, JinjaListFilters::toInt);
    c.jinjaFilter("items", true, (v, a, e) -> {
      if (v instanceof Undefined) {
        return new ArrayList<>();
      }
      if (!(v instanceof Map<?, ?> m)) {
        throw new PyException("Can only get item pairs from a mapping.");
      }
      List<Object> out = new ArrayList<>();
      m.forEach((k, x) -> out.add(Tuple.of(k, x)));
      return out;
    });
    c.jinjaFilter("join", false, (v, a, e) -> {
      String sep = Items.str(a.get(0, "d", ""));
      Object attribute = a.get(1, "attribute", null);
      List<String> parts = new ArrayList<>();
      for (Object item : Items.list(v)) {
        parts.add(Items.str(attribute == null ? item
            : Items.attrGetter(attribute, null, false).apply(item)));
      }
      return String.join(sep, parts);
    });
    c.jinjaFilter("list", false, (v, a, e) -> Items.list(v));
    c.jinjaFilter("reverse", false, (v, a, e) -> reverse(v));
    c.jinjaFilter("round", false, JinjaListFilters::round);
    c.jinjaFilter("slice", false, JinjaListFilters::slice);
    c.jinjaFilter("sum", false, JinjaListFilters::sum);
    Catalogue.FilterBody byDefault = (v, a, e) -> {
      Object fallback = a.get(0, "default_value", "");
      boolean alsoFalsy = Items.truth(a.get(1, "boolean", false));
      if (v instanceof Undefined || (alsoFalsy && !Py.truthy(v))) {
        return fallback;
      }
      return v;
    };
    c.jinjaFilter("default", true, byDefault);
    c.jinjaFilter("d", true, byDefault);
  }

  private static Object abs(Object v) {
    if (v instanceof Boolean b) {
      return b ? 1 : 0;
    } else if (Py.isFloat(v)) {
      return Math.abs(((Number) v).doubleValue());
    } else if (Py.isInt(v)) {
      return Py.normalInt(Py.toBigInteger(v).abs());
    }
    throw new PyException("bad operand type for abs(): '" + Py.typeName(v) + "'");
  }

  private static Object batch(Object v, Args a, Env e) {
    int size = Items.integer(a.get(0, "linecount", null));
    Object filler = a.get(1, "fill_with", null);
    List<Object> rows = new ArrayList<>();
    List<Object> row = new ArrayList<>();
    for (Object item : Items.list(v)) {
      if (row.size() == size) {
        rows.add(row);
        row = new ArrayList<>();
      }
      row.add(item);
    }
    if (!row.isEmpty()) {
      while (filler != null && row.size() < size) {
        row.add(filler);
      }
      rows.add(row);
    }
    return rows;
  }

  static int length(Object v) {
    Items.failIfUndefined(v);
    if (v instanceof CharSequence s) {
      return s.toString().codePointCount(0, s.length());
    } else if (v instanceof java.util.Collection<?> c) {
      return c.size();
    } else if (v instanceof Map<?, ?> m) {
      return m.size();
    }
    throw new PyException("object of type '" + Py.typeName(v) + "' has no len()");
  }

  private static Object dictsort(Object v, Args a, Env e) {
    boolean caseSensitive = Items.truth(a.get(0, "case_sensitive", false));
    String by = Items.str(a.get(1, "by", "key"));
    boolean reverse = Items.truth(a.get(2, "reverse", false));
    int pos = switch (by) {
      case "key" -> 0;
      case "value" -> 1;
      default -> throw new TemplateException("You can only sort by either \"key\" or \"value\"");
    };
    if (!(v instanceof Map<?, ?> m)) {
      throw new PyException("'" + Py.typeName(v) + "' object has no attribute 'items'");
    }
    List<Object> items = new ArrayList<>();
    m.forEach((k, x) -> items.add(Tuple.of(k, x)));
    return Sorting.sorted(items, item -> {
      Object key = ((Tuple) item).get(pos);
      return caseSensitive ? key : Items.fold(key);
    }, reverse);
  }

  private static Object toInt(Object v, Args a, Env e) {
    Object fallback = a.get(0, "default", 0);
    int base = Items.integer(a.get(1, "base", 10));
    Object n = v instanceof String s ? parseInt(s, base) : null;
    if (n != null) {
      return n;
    }
    if (v instanceof Boolean b) {
      return b ? 1 : 0;
    } else if (Py.isInt(v)) {
      return Py.normalNumber(v);
    }
    try {
      double d = v == null ? Double.NaN : JinjaTextFilters.toFloat(v);
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        return fallback;
      }
      return Py.normalInt(new BigDecimal(d).toBigInteger());
    } catch (PyException ex) {
      return fallback;
    }
  }

  /** Python's {@code int(text, base)}: sign, prefix, underscores between digits; null if invalid. */
  static Object parseInt(String text, int base) {
    String s = text.strip().toLowerCase(java.util.Locale.ROOT);
    boolean negative = s.startsWith("-");
    if (negative || s.startsWith("+")) {
      s = s.substring(1);
    }
    int radix = base;
    if (base == 0 || base == 16 || base == 8 || base == 2) {
      String prefix = s.length() > 1 ? s.substring(0, 2) : "";
      int found = switch (prefix) {
        case "0x" -> 16;
        case "0o" -> 8;
        case "0b" -> 2;
        default -> 0;
      };
      if (found != 0 && (base == 0 || base == found)) {
        radix = found;
        s = s.substring(2).replaceFirst("^_", "");
      } else if (base == 0) {
        radix = 10;
        if (s.matches("0+[1-9].*")) {
          return null;
        }
      }
    }
    if (s.isEmpty() || s.startsWith("_") || s.endsWith("_") || s.contains("__")) {
      return null;
    }
    try {
      BigInteger n = new BigInteger(s.replace("_", ""), radix);
      return Py.normalInt(negative ? n.negate() : n);
    } catch (NumberFormatException | ArithmeticException ex) {
      return null;
    }
  }

  private static Object reverse(Object v) {
    Items.failIfUndefined(v);
    if (v instanceof String s) {
      return new StringBuilder(s).reverse().toString();
    }
    if (!(v instanceof java.util.Collection<?> || v instanceof Map<?, ?>)) {
      throw new TemplateException("argument must be iterable");
    }
    List<Object> items = Items.list(v);
    Collections.reverse(items);
    return items;
  }

  private static Object round(Object v, Args a, Env e) {
    int precision = Items.integer(a.get(0, "precision", 0));
    String method = Items.str(a.get(1, "method", "common"));
    if (!method.equals("common") && !method.equals("ceil") && !method.equals("floor")) {
      throw new TemplateException("method must be common, ceil or floor");
    }
    if (!Py.isNumeric(v)) {
      throw new PyException("type " + Py.typeName(v) + " doesn't define __round__ method");
    }
    if (method.equals("common")) {
      if (!Py.isFloat(v)) {
        BigInteger n = Py.toBigInteger(v);
        return precision >= 0 ? Py.normalInt(n)
            : Py.normalInt(new BigDecimal(n).setScale(precision, RoundingMode.HALF_EVEN)
                .toBigInteger());
      }
      double d = Py.toDouble(v);
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        return d;
      }
      return new BigDecimal(d).setScale(precision, RoundingMode.HALF_EVEN).doubleValue();
    }
    double scale = Math.pow(10, precision);
    double scaled = Py.toDouble(v) * scale;
    return (method.equals("ceil") ? Math.ceil(scaled) : Math.floor(scaled)) / scale;
  }

  private static Object slice(Object v, Args a, Env e) {
    List<Object> seq = Items.list(v);
    int slices = Items.integer(a.get(0, "slices", null));
    Object filler = a.get(1, "fill_with", null);
    int per = seq.size() / slices;
    int withExtra = seq.size() % slices;
    int offset = 0;
    List<Object> out = new ArrayList<>();
    for (int n = 0; n < slices; n++) {
      int start = offset + n * per;
      if (n < withExtra) {
        offset++;
      }
      int end = offset + (n + 1) * per;
      List<Object> part = new ArrayList<>(seq.subList(start, end));
      if (filler != null && n >= withExtra) {
        part.add(filler);
      }
      out.add(part);
    }
    return out;
  }

  private static Object sum(Object v, Args a, Env e) {
    Object attribute = a.get(0, "attribute", null);
    Object total = a.get(1, "start", 0);
    if (total instanceof String) {
      throw new PyException("sum() can't sum strings [use ''.join(seq) instead]");
    }
    for (Object item : Items.list(v)) {
      Object x = attribute == null ? item : Items.attrGetter(attribute, null, false).apply(item);
      total = add(total, x);
    }
    return total;
  }

  /** Python's {@code a + b} for numbers, lists and tuples. */
  static Object add(Object a, Object b) {
    Items.failIfUndefined(a);
    Items.failIfUndefined(b);
    if (Py.isNumeric(a) && Py.isNumeric(b)) {
      if (Py.isFloat(a) || Py.isFloat(b)) {
        return Py.toDouble(a) + Py.toDouble(b);
      }
      return Py.normalInt(Py.toBigInteger(a).add(Py.toBigInteger(b)));
    }
    if (a instanceof List<?> x && b instanceof List<?> y
        && (a instanceof Tuple) == (b instanceof Tuple)) {
      List<Object> out = new ArrayList<>(x);
      out.addAll(y);
      return a instanceof Tuple ? Tuple.copyOf(out) : out;
    }
    if (a instanceof String x && b instanceof String y) {
      return x + y;
    }
    throw new PyException("unsupported operand type(s) for +: '" + Py.typeName(a) + "' and '"
        + Py.typeName(b) + "'");
  }
}
