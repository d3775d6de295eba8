package io.tightbeam.template;

/**
 * Python string-literal escapes in Jinja2 expressions, rewritten for Jinjava's EL: Python keeps
 * an unknown escape such as {@code '\d'} as a backslash and the letter (users write regexes that
 * way: {@code is match('j\d+')}), while EL accepts only {@code \'}, {@code \"} and {@code \\}.
 */
final class Escapes {
  private Escapes() {}

  /** The expression with every string literal's escapes in EL's form. */
  static String inExpression(String expr) {
    if (expr.indexOf('\\') < 0) {
      return expr;
    }
    StringBuilder out = new StringBuilder(expr.length() + 8);
    char quote = 0;
    for (int i = 0; i < expr.length(); i++) {
      char c = expr.charAt(i);
      if (quote == 0) {
        if (c == '\'' || c == '"') {
          quote = c;
        }
        out.append(c);
      } else if (c == '\\' && i + 1 < expr.length()) {
        char next = expr.charAt(++i);
        switch (next) {
          case '\'', '"', '\\' -> out.append('\\').append(next);
          case 'n' -> out.append('\n');
          case 't' -> out.append('\t');
          case 'r' -> out.append('\r');
          default -> out.append("\\\\").append(next);
        }
      } else {
        if (c == quote) {
          quote = 0;
        }
        out.append(c);
      }
    }
    return out.toString();
  }

  /** The template with {@link #inExpression} applied inside every {@code {{ }}} and {@code {% %}}. */
  static String inTemplate(String template) {
    if (template.indexOf('\\') < 0) {
      return template;
    }
    StringBuilder out = new StringBuilder(template.length() + 8);
    int i = 0;
    while (i < template.length()) {
      int open = nextOpen(template, i);
      if (open < 0) {
        out.append(template, i, template.length());
        break;
      }
      String close = template.charAt(open + 1) == '{' ? "}}" : "%}";
      int end = template.indexOf(close, open + 2);
      if (end < 0) {
        out.append(template, i, template.length());
        break;
      }
      out.append(template, i, open + 2);
      out.append(inExpression(template.substring(open + 2, end)));
      out.append(close);
      i = end + 2;
    }
    return out.toString();
  }

  private static int nextOpen(String t, int from) {
    int a = t.indexOf("{{", from);
    int b = t.indexOf("{%", from);
    if (a < 0) {
      return b;
    }
    return b < 0 ? a : Math.min(a, b);
  }
}
