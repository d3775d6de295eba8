package io.tightbeam.output;

import java.math.BigDecimal;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Python's {@code str()} and {@code repr()} of result values, and its truthiness: Ansible prints
 * item labels and async fields with {@code %s}, so {@code None}, {@code True} and {@code {'a': 1}}
 * are what users see.
 */
final class PyText {
  private PyText() {}

  static String str(Object v) {
    if (v instanceof CharSequence s) {
      return s.toString();
    }
    return repr(v);
  }

  static String repr(Object v) {
    if (v == null) {
      return "None";
    }
    if (v instanceof Boolean b) {
      return b ? "True" : "False";
    }
    if (v instanceof Double || v instanceof Float) {
      double d = ((Number) v).doubleValue();
      if (Double.isNaN(d)) {
        return "nan";
      }
      if (Double.isInfinite(d)) {
        return d > 0 ? "inf" : "-inf";
      }
      return PyJson.floatText(d);
    }
    if (v instanceof BigDecimal || v instanceof Number) {
      return PyJson.dumps(v, null, false);
    }
    if (v instanceof CharSequence s) {
      return quote(s.toString());
    }
    if (v instanceof Map<?, ?> m) {
      StringBuilder sb = new StringBuilder("{");
      boolean first = true;
      for (Map.Entry<?, ?> e : m.entrySet()) {
        sb.append(first ? "" : ", ").append(repr(e.getKey())).append(": ").append(repr(e.getValue()));
        first = false;
      }
      return sb.append('}').toString();
    }
    if (v instanceof Collection<?> c) {
      StringBuilder sb = new StringBuilder("[");
      boolean first = true;
      for (Object o : c) {
        sb.append(first ? "" : ", ").append(repr(o));
        first = false;
      }
      return sb.append(']').toString();
    }
    return quote(v.toString());
  }

  /** Python's string repr: single quotes unless the text has ' and no ". */
  static String quote(String s) {
    char q = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
    StringBuilder sb = new StringBuilder().append(q);
    s.codePoints()
        .forEach(
            cp -> {
              if (cp == q || cp == '\\') {
                sb.append('\\').appendCodePoint(cp);
              } else if (cp == '\n') {
                sb.append("\\n");
              } else if (cp == '\r') {
                sb.append("\\r");
              } else if (cp == '\t') {
                sb.append("\\t");
              } else if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) {
                sb.append(String.format("\\x%02x", cp));
              } else {
                sb.appendCodePoint(cp);
              }
            });
    return sb.append(q).toString();
  }

  /** Python truthiness: None, False, 0, "" and empty containers are false. */
  static boolean truthy(Object v) {
    if (v == null) {
      return false;
    }
    if (v instanceof Boolean b) {
      return b;
    }
    if (v instanceof Number n) {
      return n.doubleValue() != 0;
    }
    if (v instanceof CharSequence s) {
      return s.length() > 0;
    }
    if (v instanceof Map<?, ?> m) {
      return !m.isEmpty();
    }
    if (v instanceof Collection<?> c) {
      return !c.isEmpty();
    }
    return true;
  }

  /** Entries with keys as text, sorted by code point as Python's {@code sort_keys} does. */
  static List<Map.Entry<String, Object>> sortedEntries(Map<?, ?> m) {
    List<Map.Entry<String, Object>> out = new ArrayList<>();
    for (Map.Entry<?, ?> e : m.entrySet()) {
      Object k = e.getKey();
      String key = k instanceof Boolean b ? (b ? "true" : "false") : k == null ? "null" : str(k);
      out.add(new AbstractMap.SimpleImmutableEntry<>(key, e.getValue()));
    }
    out.sort(Map.Entry.comparingByKey(PyText::compareCodePoints));
    return out;
  }

  private static int compareCodePoints(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }
}
