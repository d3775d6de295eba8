package io.tightbeam.template;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code version} test: loose version comparison, as Python's LooseVersion orders them. */
final class Versions {
  private static final Pattern COMPONENT = Pattern.compile("\\d+|[a-zA-Z]+");

  private Versions() {}

  static boolean compare(String left, Args a) {
    String right = a.string(0, "version", "");
    String op = a.string(1, "operator", "eq");
    int c = compare(left, right);
    return switch (op) {
      case "<", "lt" -> c < 0;
      case "<=", "le" -> c <= 0;
      case ">", "gt" -> c > 0;
      case ">=", "ge" -> c >= 0;
      case "==", "=", "eq" -> c == 0;
      case "!=", "<>", "ne" -> c != 0;
      default -> throw new TemplateException("Invalid operator type (" + op + ")");
    };
  }

  static int compare(String a, String b) {
    List<Object> x = parts(a);
    List<Object> y = parts(b);
    for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
      Object p = x.get(i);
      Object q = y.get(i);
      int c;
      if (p instanceof Long lp && q instanceof Long lq) {
        c = Long.compare(lp, lq);
      } else if (p instanceof Long) {
        c = 1;
      } else if (q instanceof Long) {
        c = -1;
      } else {
        c = ((String) p).compareTo((String) q);
      }
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(x.size(), y.size());
  }

  private static List<Object> parts(String v) {
    List<Object> out = new ArrayList<>();
    Matcher m = COMPONENT.matcher(v);
    while (m.find()) {
      String p = m.group();
      out.add(Character.isDigit(p.charAt(0)) ? (Object) Long.parseLong(p) : p);
    }
    return out;
  }
}
