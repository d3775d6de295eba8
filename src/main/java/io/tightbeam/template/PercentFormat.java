package io.tightbeam.template;

import io.tightbeam.py.Py;
import io.tightbeam.py.PyException;
import io.tightbeam.py.Tuple;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Python's {@code text % args} (printf-style formatting), as Jinja2's {@code format} filter uses it. */
final class PercentFormat {
  private final String text;
  private final List<?> args;
  private final Map<?, ?> mapping;
  private int next;

  private PercentFormat(String text, Object args) {
    this.text = text;
    this.mapping = args instanceof Map<?, ?> m ? m : null;
    this.args = args instanceof Tuple t ? t : List.of(args);
  }

  /** {@code text % args}: a Tuple gives positional values, a Map named ones, else one value. */
  static String format(String text, Object args) {
    return new PercentFormat(text, args).run();
  }

  private String run() {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i++);
      if (c != '%') {
        out.append(c);
        continue;
      }
      if (i >= text.length()) {
        throw new PyException("incomplete format");
      }
      Object value = null;
      boolean named = false;
      if (text.charAt(i) == '(') {
        int end = text.indexOf(')', i);
        if (mapping == null) {
          throw new PyException("format requires a mapping");
        }
        String key = text.substring(i + 1, end);
        if (!Py.hasKey(mapping, key)) {
          throw new PyException("KeyError: " + Py.repr(key));
        }
        value = Py.get(mapping, key);
        named = true;
        i = end + 1;
      }
      int start = i;
      while (i < text.length() && "-+ #0".indexOf(text.charAt(i)) >= 0) {
        i++;
      }
      String flags = text.substring(start, i);
      start = i;
      while (i < text.length() && (Character.isDigit(text.charAt(i)) || text.charAt(i) == '*')) {
        i++;
      }
      String width = text.substring(start, i);
      if (width.equals("*")) {
        width = String.valueOf(Items.integer(nextArg()));
      }
      String precision = null;
      if (i < text.length() && text.charAt(i) == '.') {
        start = ++i;
        while (i < text.length() && Character.isDigit(text.charAt(i))) {
          i++;
        }
        precision = text.substring(start, i);
      }
      if (i >= text.length()) {
        throw new PyException("incomplete format");
      }
      char conv = text.charAt(i++);
      if (conv == '%') {
        out.append('%');
        continue;
      }
      if (!named) {
        value = nextArg();
      }
      out.append(pad(convert(conv, flags, precision, value), flags, width, conv));
    }
    if (mapping == null && next < args.size()) {
      throw new PyException("not all arguments converted during string formatting");
    }
    return out.toString();
  }

  private Object nextArg() {
    if (mapping != null && next == 0 && args.size() == 1) {
      next++;
      return args.get(0);
    }
    if (next >= args.size()) {
      throw new PyException("not enough arguments for format string");
    }
    return args.get(next++);
  }

  private static String convert(char conv, String flags, String precision, Object v) {
    Items.failIfUndefined(v);
    int prec = precision == null ? -1 : precision.isEmpty() ? 0 : Integer.parseInt(precision);
    switch (conv) {
      case 's', 'r', 'a' -> {
        String s = conv == 's' ? Py.str(v) : Py.repr(v);
        return prec >= 0 && prec < s.length() ? s.substring(0, prec) : s;
      }
      case 'd', 'i', 'u' -> {
        return sign(integral(v, conv).toString(), flags);
      }
      case 'x', 'X', 'o' -> {
        BigInteger n = integral(v, conv);
        String digits = n.abs().toString(conv == 'o' ? 8 : 16);
        if (flags.contains("#")) {
          digits = (conv == 'o' ? "0o" : "0x") + digits;
        }
        String s = (n.signum() < 0 ? "-" : "") + digits;
        return sign(conv == 'X' ? s.toUpperCase(Locale.ROOT) : s, flags);
      }
      case 'f', 'F', 'e', 'E', 'g', 'G' -> {
        double d = real(v, conv);
        return sign(floating(d, conv, prec < 0 ? 6 : prec, flags.contains("#")), flags);
      }
      case 'c' -> {
        return v instanceof String s ? s : new String(Character.toChars(Items.integer(v)));
      }
      default -> throw new PyException("unsupported format character '" + conv + "' (0x"
          + Integer.toHexString(conv) + ")");
    }
  }

  private static BigInteger integral(Object v, char conv) {
    if (Py.isNumeric(v)) {
      return Py.isFloat(v) ? BigDecimal.valueOf(Py.toDouble(v)).toBigInteger() : Py.toBigInteger(v);
    }
    throw new PyException("%" + conv + " format: " + (conv == 'd' || conv == 'i' || conv == 'u'
        ? "a real number is required, not " : "an integer is required, not ") + Py.typeName(v));
  }

  private static double real(Object v, char conv) {
    if (Py.isNumeric(v)) {
      return Py.toDouble(v);
    }
    throw new PyException("must be real number, not " + Py.typeName(v));
  }

  static String floating(double d, char conv, int prec, boolean alt) {
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      String s = Py.floatText(d);
      return Character.isUpperCase(conv) ? s.toUpperCase(Locale.ROOT) : s;
    }
    char lower = Character.toLowerCase(conv);
    String s;
    if (lower == 'f') {
      s = new BigDecimal(d).setScale(prec, java.math.RoundingMode.HALF_EVEN).toPlainString();
    } else if (lower == 'e') {
      s = exponent(String.format(Locale.ROOT, "%." + prec + "e", d));
    } else {
      int p = prec == 0 ? 1 : prec;
      if (d == 0) {
        s = alt ? String.format(Locale.ROOT, "%." + (p - 1) + "f", d) : "0";
      } else {
        int exp = (int) Math.floor(Math.log10(Math.abs(
            Double.parseDouble(String.format(Locale.ROOT, "%." + (p - 1) + "e", d)))));
        if (exp < -4 || exp >= p) {
          s = exponent(String.format(Locale.ROOT, "%." + (p - 1) + "e", d));
          if (!alt) {
            s = s.replaceFirst("\\.?0+e", "e");
          }
        } else {
          s = new BigDecimal(d).setScale(p - 1 - exp, java.math.RoundingMode.HALF_EVEN)
              .toPlainString();
          if (!alt && s.contains(".")) {
            s = s.replaceFirst("\\.?0+$", "");
          }
        }
      }
    }
    return Character.isUpperCase(conv) ? s.toUpperCase(Locale.ROOT) : s;
  }

  /** Java's {@code 1.5e+3} spelling fixed to Python's two-digit exponent ({@code 1.5e+03}). */
  private static String exponent(String s) {
    int e = s.indexOf('e');
    String exp = s.substring(e + 2);
    return s.substring(0, e + 2) + (exp.length() < 2 ? "0" + exp : exp);
  }

  private static String sign(String s, String flags) {
    if (s.startsWith("-")) {
      return s;
    }
    return flags.contains("+") ? "+" + s : flags.contains(" ") ? " " + s : s;
  }

  private static String pad(String s, String flags, String width, char conv) {
    int w = width.isEmpty() ? 0 : Integer.parseInt(width);
    if (s.length() >= w) {
      return s;
    }
    if (flags.contains("-")) {
      return s + " ".repeat(w - s.length());
    }
    if (flags.contains("0") && "srac".indexOf(conv) < 0) {
      int signLen = s.startsWith("-") || s.startsWith("+") || s.startsWith(" ") ? 1 : 0;
      return s.substring(0, signLen) + "0".repeat(w - s.length()) + s.substring(signLen);
    }
    return " ".repeat(w - s.length()) + s;
  }
}
