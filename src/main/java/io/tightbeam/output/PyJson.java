package io.tightbeam.output;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * JSON text as Python's {@code json.dumps(value, sort_keys=True, indent=..., ensure_ascii=...)}
 * writes it, because Ansible's console lines are made that way: {@code ", "} and {@code ": "}
 * without indent, {@code ","} plus newline and indent with one.
 */
final class PyJson {
  private final Integer indent;
  private final boolean ensureAscii;
  private final StringBuilder sb = new StringBuilder();

  private PyJson(Integer indent, boolean ensureAscii) {
    this.indent = indent;
    this.ensureAscii = ensureAscii;
  }

  /** {@code indent} null means one line; 0 means newlines without spaces (oneline uses that). */
  static String dumps(Object value, Integer indent, boolean ensureAscii) {
    PyJson w = new PyJson(indent, ensureAscii);
    w.write(value, 0);
    return w.sb.toString();
  }

  private void write(Object v, int depth) {
    if (v == null) {
      sb.append("null");
    } else if (v instanceof Boolean b) {
      sb.append(b ? "true" : "false");
    } else if (v instanceof Double || v instanceof Float) {
      sb.append(floatText(((Number) v).doubleValue()));
    } else if (v instanceof BigDecimal d) {
      sb.append(decimalText(d));
    } else if (v instanceof Number n) {
      sb.append(n instanceof BigInteger ? n.toString() : Long.toString(n.longValue()));
    } else if (v instanceof CharSequence s) {
      string(s.toString());
    } else if (v instanceof Map<?, ?> m) {
      map(m, depth);
    } else if (v instanceof Collection<?> c) {
      list(new ArrayList<>(c), depth);
    } else if (v instanceof Object[] a) {
      list(List.of(a), depth);
    } else if (v instanceof Character || v instanceof Enum<?>) {
      string(v.toString());
    } else {
      string(String.valueOf(v));
    }
  }

  private void map(Map<?, ?> m, int depth) {
    if (m.isEmpty()) {
      sb.append("{}");
      return;
    }
    List<Map.Entry<String, Object>> entries = PyText.sortedEntries(m);
    sb.append('{');
    boolean first = true;
    for (Map.Entry<String, Object> e : entries) {
      separator(first, depth + 1);
      first = false;
      string(e.getKey());
      sb.append(": ");
      write(e.getValue(), depth + 1);
    }
    close(depth);
    sb.append('}');
  }

  private void list(List<?> l, int depth) {
    if (l.isEmpty()) {
      sb.append("[]");
      return;
    }
    sb.append('[');
    boolean first = true;
    for (Object o : l) {
      separator(first, depth + 1);
      first = false;
      write(o, depth + 1);
    }
    close(depth);
    sb.append(']');
  }

  private void separator(boolean first, int depth) {
    if (indent == null) {
      if (!first) {
        sb.append(", ");
      }
      return;
    }
    if (!first) {
      sb.append(',');
    }
    sb.append('\n').append(" ".repeat(indent * depth));
  }

  private void close(int depth) {
    if (indent != null) {
      sb.append('\n').append(" ".repeat(indent * depth));
    }
  }

  private void string(String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case '\b' -> sb.append("\\b");
        case '\f' -> sb.append("\\f");
        default -> {
          if (c < 0x20 || (ensureAscii && c > 0x7e)) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }

  /** Python's float repr: shortest digits, exponent form below 1e-4 and from 1e16. */
  static String floatText(double d) {
    if (Double.isNaN(d)) {
      return "NaN";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "Infinity" : "-Infinity";
    }
    if (d == 0) {
      return (1 / d < 0) ? "-0.0" : "0.0";
    }
    BigDecimal bd = new BigDecimal(Double.toString(d)).stripTrailingZeros();
    String digits = bd.unscaledValue().abs().toString();
    int exp = digits.length() - 1 - bd.scale(); // decimal exponent of the first digit
    String sign = d < 0 ? "-" : "";
    if (exp < -4 || exp >= 16) {
      String mant = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
      return sign + mant + "e" + (exp < 0 ? "-" : "+") + String.format("%02d", Math.abs(exp));
    }
    String plain = bd.abs().toPlainString();
    return sign + (plain.contains(".") ? plain : plain + ".0");
  }

  private static String decimalText(BigDecimal d) {
    BigDecimal s = d.stripTrailingZeros();
    if (s.scale() <= 0) {
      return s.toBigInteger().toString();
    }
    return floatText(d.doubleValue());
  }
}
