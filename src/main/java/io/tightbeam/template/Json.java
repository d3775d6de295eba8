package io.tightbeam.template;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * JSON as Python's json.dumps writes it: {@code ", "} and {@code ": "} separators when compact,
 * {@code ","} line ends when indented, non-ASCII escaped, optionally sorted keys.
 */
final class Json {
  private Json() {}

  static String dump(Object value, int indent, boolean sortKeys) {
    StringBuilder out = new StringBuilder();
    write(out, value, indent, sortKeys, 0);
    return out.toString();
  }

  private static void write(StringBuilder out, Object v, int indent, boolean sort, int depth) {
    if (v == null) {
      out.append("null");
    } else if (v instanceof Boolean b) {
      out.append(b ? "true" : "false");
    } else if (v instanceof Number) {
      String s = io.tightbeam.py.Py.repr(v);
      out.append(s.equals("inf") ? "Infinity" : s);
    } else if (v instanceof Map<?, ?> m) {
      List<Map.Entry<?, ?>> entries = new ArrayList<>(m.entrySet());
      if (sort) {
        entries.sort((x, y) -> String.valueOf(x.getKey()).compareTo(String.valueOf(y.getKey())));
      }
      if (entries.isEmpty()) {
        out.append("{}");
        return;
      }
      out.append('{');
      Iterator<Map.Entry<?, ?>> it = entries.iterator();
      while (it.hasNext()) {
        Map.Entry<?, ?> e = it.next();
        newline(out, indent, depth + 1);
        string(out, e.getKey() instanceof String s ? s : io.tightbeam.py.Py.str(e.getKey()));
        out.append(": ");
        write(out, e.getValue(), indent, sort, depth + 1);
        if (it.hasNext()) {
          out.append(indent < 0 ? ", " : ",");
        }
      }
      newline(out, indent, depth);
      out.append('}');
    } else if (v instanceof Collection<?> c) {
      if (c.isEmpty()) {
        out.append("[]");
        return;
      }
      out.append('[');
      Iterator<?> it = c.iterator();
      while (it.hasNext()) {
        newline(out, indent, depth + 1);
        write(out, it.next(), indent, sort, depth + 1);
        if (it.hasNext()) {
          out.append(indent < 0 ? ", " : ",");
        }
      }
      newline(out, indent, depth);
      out.append(']');
    } else {
      string(out, io.tightbeam.py.Py.str(v));
    }
  }

  private static void newline(StringBuilder out, int indent, int depth) {
    if (indent >= 0) {
      out.append('\n').append(" ".repeat(indent * depth));
    }
  }

  private static void string(StringBuilder out, String s) {
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
          if (c < 0x20 || c > 0x7e) {
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
