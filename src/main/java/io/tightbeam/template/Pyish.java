package io.tightbeam.template;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Python's view of Java values: {@code str()}, {@code repr()}, type names, truthiness and the
 * number normalisation applied to native results.
 */
final class Pyish {
  private Pyish() {}

  /** Python's {@code str(value)}: what Jinja2 prints for {@code {{ value }}}. */
  static String str(Object value) {
    if (value instanceof String s) {
      return s;
    }
    if (value instanceof Undefined u) {
      throw u.error();
    }
    return repr(value);
  }

  /** Python's {@code repr(value)}: strings quoted, as inside a printed list or dict. */
  static String repr(Object value) {
    StringBuilder out = new StringBuilder();
    appendRepr(out, value);
    return out.toString();
  }

  private static void appendRepr(StringBuilder out, Object value) {
    if (value == null) {
      out.append("None");
    } else if (value instanceof Boolean b) {
      out.append(b ? "True" : "False");
    } else if (value instanceof String s) {
      appendQuoted(out, s);
    } else if (value instanceof Undefined u) {
      throw u.error();
    } else if (value instanceof Map<?, ?> map) {
      out.append('{');
      Iterator<? extends Map.Entry<?, ?>> it = map.entrySet().iterator();
      while (it.hasNext()) {
        Map.Entry<?, ?> e = it.next();
        appendRepr(out, e.getKey());
        out.append(": ");
        appendRepr(out, e.getValue());
        if (it.hasNext()) {
          out.append(", ");
        }
      }
      out.append('}');
    } else if (value instanceof Collection<?> list) {
      out.append('[');
      Iterator<?> it = list.iterator();
      while (it.hasNext()) {
        appendRepr(out, it.next());
        if (it.hasNext()) {
          out.append(", ");
        }
      }
      out.append(']');
    } else if (value instanceof Object[] array) {
      appendRepr(out, java.util.Arrays.asList(array));
    } else if (value instanceof BigDecimal || value instanceof Double || value instanceof Float) {
      out.append(number(value));
    } else if (value instanceof Map.Entry<?, ?> e) {
      out.append('(');
      appendRepr(out, e.getKey());
      out.append(", ");
      appendRepr(out, e.getValue());
      out.append(')');
    } else {
      out.append(value);
    }
  }

  private static String number(Object n) {
    Object normal = normalNumber(n);
    if (normal instanceof Double d) {
      if (d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 1e16) {
        return BigDecimal.valueOf(d).setScale(1).toPlainString();
      }
      return d.toString();
    }
    return normal.toString();
  }

  private static void appendQuoted(StringBuilder out, String s) {
    char quote = s.contains("'") && !s.contains("\"") ? '"' : '\'';
    out.append(quote);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c == quote) {
            out.append('\\');
          }
          out.append(c);
        }
      }
    }
    out.append(quote);
  }

  /** Python's type name, as {@code type_debug} and error messages show it. */
  static String typeName(Object value) {
    if (value == null) {
      return "NoneType";
    } else if (value instanceof String) {
      return "str";
    } else if (value instanceof Boolean) {
      return "bool";
    } else if (value instanceof Integer || value instanceof Long || value instanceof BigInteger
        || value instanceof Short || value instanceof Byte) {
      return "int";
    } else if (value instanceof BigDecimal b) {
      return normalNumber(b) instanceof Double ? "float" : "int";
    } else if (value instanceof Number) {
      return "float";
    } else if (value instanceof Map) {
      return "dict";
    } else if (value instanceof Collection || value instanceof Object[]) {
      return "list";
    } else if (value instanceof Undefined) {
      return "AnsibleUndefined";
    }
    return value.getClass().getSimpleName();
  }

  /** Python truthiness: empty strings and collections, zero and None are false; "false" is true. */
  static boolean truthy(Object value) {
    if (value == null) {
      return false;
    } else if (value instanceof Undefined u) {
      throw u.error();
    } else if (value instanceof Boolean b) {
      return b;
    } else if (value instanceof Number n) {
      return n.doubleValue() != 0;
    } else if (value instanceof CharSequence s) {
      return s.length() > 0;
    } else if (value instanceof Collection<?> c) {
      return !c.isEmpty();
    } else if (value instanceof Map<?, ?> m) {
      return !m.isEmpty();
    } else if (value instanceof Object[] a) {
      return a.length > 0;
    }
    return true;
  }

  /**
   * The number rule for native results: integral values become Integer when they fit, else Long;
   * BigDecimal becomes Integer/Long when integral, else Double; Double and Float stay Double.
   */
  static Object normalNumber(Object n) {
    if (n instanceof Integer) {
      return n;
    } else if (n instanceof Long l) {
      return l == l.intValue() ? (Object) l.intValue() : l;
    } else if (n instanceof Short s) {
      return s.intValue();
    } else if (n instanceof Byte b) {
      return b.intValue();
    } else if (n instanceof BigInteger b) {
      return b.bitLength() < 64 ? normalNumber(b.longValue()) : b;
    } else if (n instanceof BigDecimal b) {
      if (b.signum() == 0 || b.stripTrailingZeros().scale() <= 0) {
        return normalNumber(b.toBigIntegerExact());
      }
      return b.doubleValue();
    } else if (n instanceof Float f) {
      return f.doubleValue();
    }
    return n;
  }

  /**
   * Deep copy of a native result into plain Java data: ArrayList, LinkedHashMap, normalised
   * numbers. Lazy views are templated on the way; undefined values fail here.
   */
  static Object plain(Object value) {
    if (value == null || value instanceof String || value instanceof Boolean) {
      return value;
    } else if (value instanceof Undefined u) {
      throw u.error();
    } else if (value instanceof Number) {
      return normalNumber(value);
    } else if (value instanceof Map<?, ?> map) {
      Map<Object, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        out.put(plain(e.getKey()), plain(e.getValue()));
      }
      return out;
    } else if (value instanceof Collection<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      for (Object o : list) {
        out.add(plain(o));
      }
      return out;
    } else if (value instanceof Object[] array) {
      return plain(java.util.Arrays.asList(array));
    } else if (value instanceof Map.Entry<?, ?> e) {
      List<Object> pair = new ArrayList<>(2);
      pair.add(plain(e.getKey()));
      pair.add(plain(e.getValue()));
      return pair;
    } else if (value instanceof CharSequence s) {
      return s.toString();
    }
    return value;
  }
}
