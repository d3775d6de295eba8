package io.tightbeam.template;

import io.tightbeam.py.Py;
import io.tightbeam.py.PyException;
import java.util.List;
import java.util.Map;

/** Python's {@code 'format' % values}: %s %r %d %i %f %e %g %x %o %c %% with flags and widths. */
final class PercentFormat {
  private PercentFormat() {}

  static String format(String fmt, Object values) {
    List<?> args = values instanceof io.tightbeam.py.Tuple t ? t : List.of(values == null ? NONE : values);
    Map<?, ?> byName = values instanceof Map<?, ?> m ? m : null;
    StringBuilder out = new StringBuilder();
    int next = 0;
    int i = 0;
    while (i < fmt.length()) {
      char c = fmt.charAt(i);
      if (c != '%') {
        out.append(c);
        i++;
        continue;
      }
      i++;
      if (i >= fmt.length()) {
        throw new PyException("incomplete format");
      }
      String key = null;
      if (fmt.charAt(i) == '(') {
        int close = fmt.indexOf(')', i);
        key = fmt.substring(i + 1, close);
        i = close + 1;
      }
      int start = i;
      while (i < fmt.length() && "-+ #0".indexOf(fmt.charAt(i)) >= 0) {
        i++;
      }
      String flags = fmt.substring(start, i);
      start = i;
      while (i < fmt.length() && (Character.isDigit(fmt.charAt(i)) || fmt.charAt(i) == '.')) {
        i++;
      }
      String widthPrec = fmt.substring(start, i);
      char conv = fmt.charAt(i++);
      if (conv == '%') {
        out.append('%');
        continue;
      }
      Object arg;
      if (key != null) {
        if (byName == null) {
          throw new PyException("format requires a mapping");
        }
        arg = Py.get(byName, key);
      } else {
        if (next >= args.size()) {
          throw new PyException("not enough arguments for format string");
        }
        arg = args.get(next++);
        if (arg == NONE) {
          arg = null;
        }
      }
      out.append(one(conv, flags, widthPrec, arg));
    }
    if (key(values) && next < args.size()) {
      throw new PyException("not all arguments converted during string formatting");
    }
    return out.toString();
  }

  private static final Object NONE = new Object();

  private static boolean key(Object values) {
    return !(values instanceof Map);
  }

  private static String one(char conv, String flags, String widthPrec, Object arg) {
    String javaFlags = flags.replace(" ", " ");
    String spec = "%" + javaFlags + widthPrec;
    switch (conv) {
      case 's':
        return String.format(spec + "s", Py.str(arg));
      case 'r':
      case 'a':
        return String.format(spec + "s", Py.repr(arg));
      case 'd':
      case 'i':
      case 'u':
        return String.format(spec.replace(".", "") + "d", integer(arg, conv));
      case 'x':
      case 'X':
      case 'o':
        return String.format(spec + conv, integer(arg, conv));
      case 'f':
      case 'F':
      case 'e':
      case 'E':
      case 'g':
      case 'G':
        if (!Py.isNumeric(arg)) {
          throw new PyException("must be real number, not " + Py.typeName(arg));
        }
        String s = String.format(spec + conv, Py.toDouble(arg));
        return conv == 'e' || conv == 'E' ? s.replaceAll("([eE][+-])(\\d)$", "$10$2") : s;
      case 'c':
        return arg instanceof String str ? str : new String(Character.toChars(((Number) arg).intValue()));
      default:
        throw new PyException("unsupported format character '" + conv + "'");
    }
  }

  private static java.math.BigInteger integer(Object arg, char conv) {
    if (Py.isFloat(arg)) {
      return java.math.BigDecimal.valueOf(Py.toDouble(arg)).toBigInteger();
    }
    if (!Py.isNumeric(arg)) {
      throw new PyException("%" + conv + " format: a number is required, not " + Py.typeName(arg));
    }
    return Py.toBigInteger(arg);
  }
}
