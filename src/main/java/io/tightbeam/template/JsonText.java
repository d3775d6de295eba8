package io.tightbeam.template;

import io.tightbeam.py.Py;
import io.tightbeam.py.PyException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * JSON exactly as Python's json.dumps writes it: {@code ", "}/{@code ": "} separators (or
 * {@code ","} when indented), ASCII escapes unless told otherwise, keys sorted on request.
 */
final class JsonText {
  private final int indent;
  private final boolean sortKeys;
  private final boolean ensureAscii;
  private final String itemSeparator;
  private final String keySeparator;

  JsonText(int indent, boolean sortKeys, boolean ensureAscii, String itemSep, String keySep) {
    this.indent = indent;
    this.sortKeys = sortKeys;
    this.ensureAscii = ensureAscii;
    this.itemSeparator = itemSep != null ? itemSep : indent >= 0 ? "," : ", ";
    this.keySeparator = keySep != null ? keySep : ": ";
  }

  /** json.dumps with the default options and optionally sorted keys. */
  static String dumps(Object value, int indent, boolean sortKeys) {
    return new JsonText(indent, sortKeys, true, null, null).write(value);
  }

  String write(Object value) {
    StringBuilder out = new StringBuilder();
    write(out, value, 0);
    return out.toString();
  }

  private void write(StringBuilder out, Object v, int depth) {
    Items.failIfUndefined(v);
    if (v == null) {
      out.append("null");
    } else if (v instanceof Boolean b) {
      out.append(b ? "true" : "false");
    } else if (Py.isFloat(v)) {
      out.append(number(((Number) v).doubleValue()));
    } else if (v instanceof Number) {
      out.append(v);
    } else if (v instanceof CharSequence s) {
      string(out, s.toString());
    } else if (v instanceof Map<?, ?> m) {
      List<Map.Entry<?, ?>> entries = new ArrayList<>(m.entrySet());
      if (sortKeys) {
        entries.sort((x, y) -> Items.compare(x.getKey(), y.getKey()));
      }
      if (entries.isEmpty()) {
        out.append("{}");
        return;
      }
      out.append('{');
      for (int i = 0; i < entries.size(); i++) {
        if (i > 0) {
          out.append(itemSeparator);
        }
        newline(out, depth + 1);
        string(out, key(entries.get(i).getKey()));
        out.append(keySeparator);
        write(out, entries.get(i).getValue(), depth + 1);
      }
      newline(out, depth);
      out.append('}');
    } else if (v instanceof Collection<?> c && !(v instanceof io.tightbeam.py.Range)) {
      if (c.isEmpty()) {
        out.append("[]");
        return;
      }
      out.append('[');
      int i = 0;
      for (Object item : c) {
        if (i++ > 0) {
          out.append(itemSeparator);
        }
        newline(out, depth + 1);
        write(out, item, depth + 1);
      }
      newline(out, depth);
      out.append(']');
    } else {
      throw new PyException("Object of type " + Py.typeName(v) + " is not JSON serializable");
    }
  }

  private static String number(double d) {
    if (Double.isNaN(d)) {
      return "NaN";
    } else if (Double.isInfinite(d)) {
      return d > 0 ? "Infinity" : "-Infinity";
    }
    return Py.floatText(d);
  }

  private static String key(Object k) {
    if (k instanceof String s) {
      return s;
    } else if (k == null) {
      return "null";
    } else if (k instanceof Boolean b) {
      return b ? "true" : "false";
    } else if (Py.isFloat(k)) {
      return number(((Number) k).doubleValue());
    } else if (k instanceof Number) {
      return k.toString();
    }
    throw new PyException("keys must be str, int, float, bool or None, not " + Py.typeName(k));
  }

  private void newline(StringBuilder out, int depth) {
    if (indent >= 0) {
      out.append('\n').append(" ".repeat(indent * depth));
    }
  }

  private void string(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20 || (ensureAscii && c > 0x7e)) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
