package io.tightbeam.template;

import io.tightbeam.py.Py;
import io.tightbeam.py.PyException;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Python's {@code str.format} and the format-spec mini-language ({@code {:>8.2f}}). */
final class StrFormat {
  private static final Pattern SPEC =
      Pattern.compile("(?:(.)?([<>=^]))?([-+ ])?(#)?(0)?(\\d+)?([,_])?(?:\\.(\\d+))?([bcdeEfFgGnosxX%])?");

  private StrFormat() {}

  static String format(String fmt, List<Object> args, Map<String, Object> kwargs) {
    StringBuilder out = new StringBuilder();
    int auto = 0;
    int i = 0;
    while (i < fmt.length()) {
      char c = fmt.charAt(i);
      if (c == '{' && i + 1 < fmt.length() && fmt.charAt(i + 1) == '{') {
        out.append('{');
        i += 2;
      } else if (c == '}' && i + 1 < fmt.length() && fmt.charAt(i + 1) == '}') {
        out.append('}');
        i += 2;
      } else if (c == '{') {
        int close = fmt.indexOf('}', i);
        if (close < 0) {
          throw new PyException("Single '{' encountered in format string");
        }
        String field = fmt.substring(i + 1, close);
        String spec = "";
        int colon = field.indexOf(':');
        if (colon >= 0) {
          spec = field.substring(colon + 1);
          field = field.substring(0, colon);
        }
        String conversion = null;
        int bang = field.indexOf('!');
        if (bang >= 0) {
          conversion = field.substring(bang + 1);
          field = field.substring(0, bang);
        }
        Object value = resolve(field.isEmpty() ? String.valueOf(auto++) : field, args, kwargs);
        if ("r".equals(conversion)) {
          value = Py.repr(value);
        }
        out.append(spec(value, spec));
        i = close + 1;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  private static Object resolve(String field, List<Object> args, Map<String, Object> kwargs) {
    Matcher m = Pattern.compile("^([^.\\[]+)(.*)$").matcher(field);
    if (!m.matches()) {
      throw new PyException("bad format field " + field);
    }
    String head = m.group(1);
    Object value;
    if (head.chars().allMatch(Character::isDigit)) {
      int index = Integer.parseInt(head);
      if (index >= args.size()) {
        throw new PyException("Replacement index " + index + " out of range for positional args tuple");
      }
      value = args.get(index);
    } else {
      if (!kwargs.containsKey(head)) {
        throw new PyException("'" + head + "'");
      }
      value = kwargs.get(head);
    }
    Matcher rest = Pattern.compile("\\.(\\w+)|\\[([^\\]]+)\\]").matcher(m.group(2));
    while (rest.find()) {
      String key = rest.group(1) != null ? rest.group(1) : rest.group(2);
      Object k = key.chars().allMatch(Character::isDigit) && value instanceof List ? (Object) Integer.parseInt(key) : key;
      value = value instanceof List<?> l ? l.get((Integer) k) : Py.get((Map<?, ?>) value, k);
    }
    return value;
  }

  /** Python's {@code format(value, spec)}. */
  static String spec(Object value, String spec) {
    Matcher m = SPEC.matcher(spec);
    if (!m.matches()) {
      throw new PyException("Invalid format specifier");
    }
    String fill = m.group(1) != null ? m.group(1) : (m.group(5) != null ? "0" : " ");
    String align = m.group(2) != null ? m.group(2) : (m.group(5) != null ? "=" : null);
    String sign = m.group(3);
    int width = m.group(6) != null ? Integer.parseInt(m.group(6)) : 0;
    String grouping = m.group(7);
    Integer precision = m.group(8) != null ? Integer.parseInt(m.group(8)) : null;
    String type = m.group(9);
    String body;
    boolean numeric = Py.isNumeric(value) && !(value instanceof Boolean && type == null);
    if (type == null && !numeric) {
      body = Py.str(value);
      if (precision != null && body.length() > precision) {
        body = body.substring(0, precision);
      }
    } else {
      body = number(value, type, precision, grouping);
      if (sign != null && !body.startsWith("-")) {
        body = (sign.equals("-") ? "" : sign) + body;
      }
    }
    if (body.length() >= width) {
      return body;
    }
    String pad = fill.repeat(width - body.length());
    String how = align != null ? align : (numeric ? ">" : "<");
    return switch (how) {
      case "<" -> body + pad;
      case ">" -> pad + body;
      case "^" -> {
        int left = (width - body.length()) / 2;
        yield fill.repeat(left) + body + fill.repeat(width - body.length() - left);
      }
      default -> {
        boolean signed = !body.isEmpty() && "+- ".indexOf(body.charAt(0)) >= 0;
        yield signed ? body.charAt(0) + pad + body.substring(1) : pad + body;
      }
    };
  }

  private static String number(Object value, String type, Integer precision, String grouping) {
    if (!Py.isNumeric(value)) {
      throw new PyException("Unknown format code '" + type + "' for object of type '" + Py.typeName(value) + "'");
    }
    String t = type == null ? (Py.isFloat(value) ? "g_" : "d") : type;
    String out = switch (t) {
      case "d", "n" -> {
        if (Py.isFloat(value)) {
          throw new PyException("Unknown format code 'd' for object of type 'float'");
        }
        yield Py.toBigInteger(value).toString();
      }
      case "x" -> Py.toBigInteger(value).toString(16);
      case "X" -> Py.toBigInteger(value).toString(16).toUpperCase(java.util.Locale.ROOT);
      case "o" -> Py.toBigInteger(value).toString(8);
      case "b" -> Py.toBigInteger(value).toString(2);
      case "c" -> new String(Character.toChars(Py.toBigInteger(value).intValue()));
      case "f", "F" -> String.format("%." + (precision == null ? 6 : precision) + "f", Py.toDouble(value));
      case "e", "E" -> String.format("%." + (precision == null ? 6 : precision) + t, Py.toDouble(value))
          .replaceAll("([eE][+-])(\\d)$", "$10$2");
      case "%" -> String.format("%." + (precision == null ? 6 : precision) + "f", Py.toDouble(value) * 100) + "%";
      case "g_" -> precision == null ? Py.floatText(Py.toDouble(value)) : String.format("%." + precision + "g", Py.toDouble(value));
      default -> String.format("%." + (precision == null ? 6 : Math.max(precision, 1)) + "g", Py.toDouble(value));
    };
    if (grouping != null) {
      int dot = out.indexOf('.');
      String intPart = dot < 0 ? out : out.substring(0, dot);
      String frac = dot < 0 ? "" : out.substring(dot);
      boolean neg = intPart.startsWith("-");
      String digits = neg ? intPart.substring(1) : intPart;
      StringBuilder g = new StringBuilder();
      for (int i = 0; i < digits.length(); i++) {
        if (i > 0 && (digits.length() - i) % 3 == 0) {
          g.append(grouping);
        }
        g.append(digits.charAt(i));
      }
      out = (neg ? "-" : "") + g + frac;
    }
    return out;
  }
}
