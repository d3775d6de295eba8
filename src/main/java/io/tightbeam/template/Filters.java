package io.tightbeam.template;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Registers Ansible's and Jinja2's filters on a Jinjava instance. Built-ins that behave like
 * Jinja2 are kept (wrapped to fail on undefined input); the rest are replaced or added by
 * {@link CoreFilters}, {@link CollectionFilters} and {@link TextFilters}.
 */
final class Filters {
  private Filters() {}

  static void register(Catalogue c) {
    CoreFilters.register(c);
    CollectionFilters.register(c);
    TextFilters.register(c);
    VaultFilterCalls.register(c);
  }

  /** Ansible's {@code bool}: yes/on/1/true (any case) and 1 are true, everything else false. */
  static boolean toBool(Object v) {
    if (v instanceof Boolean b) {
      return b;
    }
    if (v == null) {
      return false;
    }
    if (v instanceof Number n) {
      return n.doubleValue() == 1;
    }
    String s = io.tightbeam.py.Py.str(v).trim().toLowerCase(Locale.ROOT);
    return s.equals("yes") || s.equals("on") || s.equals("1") || s.equals("true") || s.equals("y")
        || s.equals("t");
  }

  /** A Python-like list view of an iterable value (a string is not iterated). */
  static List<Object> list(Object v) {
    if (v instanceof List<?> l) {
      @SuppressWarnings("unchecked")
      List<Object> cast = (List<Object>) l;
      return cast;
    }
    List<Object> out = new ArrayList<>();
    if (v instanceof Map<?, ?> m) {
      out.addAll(m.keySet());
    } else if (v instanceof Collection<?> c) {
      out.addAll(c);
    } else if (v instanceof Object[] a) {
      out.addAll(java.util.Arrays.asList(a));
    } else if (v instanceof String s) {
      s.codePoints().forEach(cp -> out.add(new String(Character.toChars(cp))));
    } else if (v instanceof Iterable<?> it) {
      it.forEach(out::add);
    } else {
      throw new TemplateException("'" + io.tightbeam.py.Py.typeName(v) + "' object is not iterable");
    }
    return out;
  }

  /** A number for arithmetic filters: Long when integral, else Double. */
  static Number number(Object v) {
    if (v instanceof Boolean b) {
      return b ? 1L : 0L;
    }
    if (v instanceof Double || v instanceof Float) {
      return ((Number) v).doubleValue();
    }
    if (v instanceof BigDecimal b) {
      Object n = io.tightbeam.py.Py.normalNumber(b);
      return n instanceof Double d ? d : ((Number) n).longValue();
    }
    if (v instanceof Number n) {
      return n.longValue();
    }
    String s = io.tightbeam.py.Py.str(v).trim();
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      return Double.parseDouble(s);
    }
  }

  /** Python's ordering for min/max/sort: numbers by value, else strings, else as given. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static int compare(Object a, Object b) {
    if (a instanceof Number || a instanceof Boolean) {
      if (b instanceof Number || b instanceof Boolean) {
        return Double.compare(number(a).doubleValue(), number(b).doubleValue());
      }
    }
    if (a instanceof Comparable ca && b != null && a.getClass() == b.getClass()) {
      return ca.compareTo(b);
    }
    return io.tightbeam.py.Py.str(a).compareTo(io.tightbeam.py.Py.str(b));
  }

  /** Reads {@code attribute} (dotted path) of an item, as Jinja2's attribute= arguments do. */
  static Object attribute(Object item, String path) {
    Object cur = item;
    for (String part : path.split("\\.")) {
      if (cur instanceof Map<?, ?> m) {
        cur = m.containsKey(part) ? m.get(part) : Undefined.attribute(m, part);
      } else if (cur instanceof List<?> l && part.matches("-?\\d+")) {
        int i = Integer.parseInt(part);
        cur = l.get(i < 0 ? l.size() + i : i);
      } else {
        cur = Undefined.attribute(cur, part);
      }
    }
    return cur;
  }
}
