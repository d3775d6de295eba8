package io.tightbeam.py;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Python's rules for plain Java values: truth, text, type names, equality and order. */
public final class Py {
  private Py() {}

  /**
   * Python truthiness: None, False, zero, empty strings and collections are false; "false" is
   * true. A value that is neither of Python's types (an undefined) decides for itself through
   * {@link Truth}.
   */
  public static boolean truthy(Object value) {
    if (value == null) {
      return false;
    } else if (value instanceof Boolean b) {
      return b;
    } else if (value instanceof BigInteger b) {
      return b.signum() != 0;
    } else if (value instanceof Number n) {
      return n.doubleValue() != 0;
    } else if (value instanceof CharSequence s) {
      return s.length() > 0;
    } else if (value instanceof Collection<?> c) {
      return !c.isEmpty();
    } else if (value instanceof Map<?, ?> m) {
      return !m.isEmpty();
    } else if (value instanceof Truth t) {
      return t.truth();
    }
    return true;
  }

  /** A value with its own truth (Jinja2's undefined raises when asked). */
  public interface Truth {
    boolean truth();
  }

  /** Whether a value is a Python int (bool is not counted here). */
  public static boolean isInt(Object v) {
    return v instanceof Integer || v instanceof Long || v instanceof BigInteger
        || v instanceof Short || v instanceof Byte;
  }

  /** Whether a value is a Python float. */
  public static boolean isFloat(Object v) {
    return v instanceof Double || v instanceof Float || v instanceof BigDecimal;
  }

  /** Python's {@code str(value)}: what Jinja2 prints for {@code {{ value }}}. */
  public static String str(Object value) {
    if (value instanceof String s) {
      return s;
    } else if (value instanceof CharSequence s) {
      return s.toString();
    }
    return repr(value);
  }

  /** Python's {@code repr(value)}: strings quoted, as inside a printed list or dict. */
  public static String repr(Object value) {
    StringBuilder out = new StringBuilder();
    appendRepr(out, value);
    return out.toString();
  }

  private static void appendRepr(StringBuilder out, Object value) {
    if (value == null) {
      out.append("None");
    } else if (value instanceof Boolean b) {
      out.append(b ? "True" : "False");
    } else if (value instanceof CharSequence s) {
      appendQuoted(out, s.toString());
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
    } else if (value instanceof Range) {
      out.append(value);
    } else if (value instanceof Tuple tuple) {
      out.append('(');
      appendItems(out, tuple);
      out.append(tuple.size() == 1 ? ",)" : ")");
    } else if (value instanceof Collection<?> list) {
      out.append('[');
      appendItems(out, list);
      out.append(']');
    } else if (isFloat(value)) {
      out.append(floatText(((Number) value).doubleValue()));
    } else {
      out.append(value);
    }
  }

  private static void appendItems(StringBuilder out, Collection<?> items) {
    Iterator<?> it = items.iterator();
    while (it.hasNext()) {
      appendRepr(out, it.next());
      if (it.hasNext()) {
        out.append(", ");
      }
    }
  }

  /** Python's repr of a float: {@code 1.0}, {@code 0.1}, {@code 1e+16}, {@code inf}, {@code nan}. */
  public static String floatText(double d) {
    if (Double.isNaN(d)) {
      return "nan";
    } else if (Double.isInfinite(d)) {
      return d > 0 ? "inf" : "-inf";
    } else if (d == Math.rint(d) && Math.abs(d) < 1e16) {
      return BigDecimal.valueOf(d).setScale(1).toPlainString();
    }
    String s = Double.toString(d);
    int e = s.indexOf('E');
    if (e < 0) {
      return s;
    }
    // Java: 1.0E-5, 1.234E20; Python: 1e-05, 1.234e+20 (and plain digits from 1e-4 to 1e16)
    double abs = Math.abs(d);
    if (abs >= 1e-4 && abs < 1e16) {
      return new BigDecimal(s).stripTrailingZeros().toPlainString();
    }
    String mantissa = s.substring(0, e);
    if (mantissa.endsWith(".0")) {
      mantissa = mantissa.substring(0, mantissa.length() - 2);
    }
    int exp = Integer.parseInt(s.substring(e + 1));
    return mantissa + "e" + (exp < 0 ? "-" : "+") + (Math.abs(exp) < 10 ? "0" : "") + Math.abs(exp);
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
          } else if (c < 0x20 || c == 0x7f) {
            out.append(String.format("\\x%02x", (int) c));
            continue;
          }
          out.append(c);
        }
      }
    }
    out.append(quote);
  }

  /** Python's type name, as {@code type_debug} and error messages show it. */
  public static String typeName(Object value) {
    if (value == null) {
      return "NoneType";
    } else if (value instanceof CharSequence) {
      return "str";
    } else if (value instanceof Boolean) {
      return "bool";
    } else if (isInt(value)) {
      return "int";
    } else if (value instanceof Number) {
      return "float";
    } else if (value instanceof Map) {
      return "dict";
    } else if (value instanceof Tuple) {
      return "tuple";
    } else if (value instanceof Range) {
      return "range";
    } else if (value instanceof Collection) {
      return "list";
    } else if (value instanceof Named n) {
      return n.typeName();
    }
    return value.getClass().getSimpleName();
  }

  /** A value that names its own Python type. */
  public interface Named {
    String typeName();
  }

  /** Python's {@code ==}: numbers by value across int/float/bool, lists and dicts deeply. */
  public static boolean eq(Object a, Object b) {
    if (a == b) {
      return true;
    }
    if (a == null || b == null) {
      return false;
    }
    if (isNumeric(a) && isNumeric(b)) {
      return compareNumbers(a, b) == 0;
    }
    if (a instanceof CharSequence x && b instanceof CharSequence y) {
      return x.toString().equals(y.toString());
    }
    if (a instanceof List<?> x && b instanceof List<?> y) {
      if (x.size() != y.size() || (a instanceof Tuple) != (b instanceof Tuple)
          || (a instanceof Range) != (b instanceof Range)) {
        return false;
      }
      for (int i = 0; i < x.size(); i++) {
        if (!eq(x.get(i), y.get(i))) {
          return false;
        }
      }
      return true;
    }
    if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
      if (x.size() != y.size()) {
        return false;
      }
      for (Map.Entry<?, ?> e : x.entrySet()) {
        Object key = findKey(y, e.getKey());
        if (key == MISSING || !eq(e.getValue(), y.get(key))) {
          return false;
        }
      }
      return true;
    }
    return a.equals(b);
  }

  private static final Object MISSING = new Object();

  /** The key of {@code map} equal to {@code key} in Python's sense (1 == 1.0 == True), or a marker. */
  private static Object findKey(Map<?, ?> map, Object key) {
    if (map.containsKey(key)) {
      return key;
    }
    for (Object k : map.keySet()) {
      if (eq(k, key)) {
        return k;
      }
    }
    return MISSING;
  }

  /** Whether {@code map} has {@code key} in Python's sense ({@code 1} finds the key {@code 1L}). */
  public static boolean hasKey(Map<?, ?> map, Object key) {
    return findKey(map, key) != MISSING;
  }

  /** {@code map[key]} in Python's sense, or null when absent (ask {@link #hasKey} first). */
  public static Object get(Map<?, ?> map, Object key) {
    Object k = findKey(map, key);
    return k == MISSING ? null : map.get(k);
  }

  /** Whether a value takes part in arithmetic: int, float or bool. */
  public static boolean isNumeric(Object v) {
    return v instanceof Number || v instanceof Boolean;
  }

  /** Compares two numeric values (bools as 0/1) exactly. */
  public static int compareNumbers(Object a, Object b) {
    if (isFloat(a) || isFloat(b)) {
      double x = toDouble(a);
      double y = toDouble(b);
      return Double.compare(x, y) == 0 || x == y ? 0 : (x < y ? -1 : 1);
    }
    return toBigInteger(a).compareTo(toBigInteger(b));
  }

  /** A numeric value as a double. */
  public static double toDouble(Object v) {
    return v instanceof Boolean b ? (b ? 1 : 0) : ((Number) v).doubleValue();
  }

  /** An int or bool as a BigInteger. */
  public static BigInteger toBigInteger(Object v) {
    if (v instanceof BigInteger b) {
      return b;
    } else if (v instanceof Boolean b) {
      return b ? BigInteger.ONE : BigInteger.ZERO;
    }
    return BigInteger.valueOf(((Number) v).longValue());
  }

  /**
   * Python's ordering ({@code <}) for values of comparable types: numbers, strings (by code
   * point), lists and tuples element by element. Anything else fails as Python's TypeError does.
   */
  public static int compare(Object a, Object b) {
    if (isNumeric(a) && isNumeric(b)) {
      return compareNumbers(a, b);
    }
    if (a instanceof CharSequence x && b instanceof CharSequence y) {
      return compareStrings(x.toString(), y.toString());
    }
    if (a instanceof List<?> x && b instanceof List<?> y) {
      for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
        if (!eq(x.get(i), y.get(i))) {
          return compare(x.get(i), y.get(i));
        }
      }
      return Integer.compare(x.size(), y.size());
    }
    throw new PyException("'<' not supported between instances of '" + typeName(a) + "' and '"
        + typeName(b) + "'");
  }

  /** Strings ordered by code point, as Python orders them (Java's compareTo uses UTF-16 units). */
  public static int compareStrings(String x, String y) {
    int i = 0;
    int j = 0;
    while (i < x.length() && j < y.length()) {
      int a = x.codePointAt(i);
      int b = y.codePointAt(j);
      if (a != b) {
        return Integer.compare(a, b);
      }
      i += Character.charCount(a);
      j += Character.charCount(b);
    }
    return Integer.compare(x.length() - i, y.length() - j);
  }

  /** An int as the smallest of Integer, Long, BigInteger that holds it. */
  public static Object normalInt(BigInteger b) {
    if (b.bitLength() < 32) {
      return b.intValue();
    } else if (b.bitLength() < 64) {
      return b.longValue();
    }
    return b;
  }

  /** Integer/Long/Short/Byte as Integer when it fits, else Long; other values unchanged. */
  public static Object normalNumber(Object n) {
    if (n instanceof Long l) {
      return l == l.intValue() ? (Object) l.intValue() : l;
    } else if (n instanceof Short s) {
      return s.intValue();
    } else if (n instanceof Byte b) {
      return b.intValue();
    } else if (n instanceof BigInteger b) {
      return normalInt(b);
    } else if (n instanceof Float f) {
      return f.doubleValue();
    } else if (n instanceof BigDecimal b) {
      return b.doubleValue();
    }
    return n;
  }
}
