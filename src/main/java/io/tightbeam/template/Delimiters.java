package io.tightbeam.template;

import io.tightbeam.py.Py;
import java.util.Map;

/**
 * The template lookup's {@code variable_start_string}, {@code variable_end_string},
 * {@code comment_start_string} and {@code comment_end_string}: a text written with them is
 * rewritten into Jinja2's default syntax, where the default markers it has become plain text.
 */
record Delimiters(String varStart, String varEnd, String commentStart, String commentEnd) {
  static final Delimiters DEFAULT = new Delimiters("{{", "}}", "{#", "#}");

  static Delimiters of(Map<String, Object> options) {
    return new Delimiters(
        text(options, "variable_start_string", DEFAULT.varStart),
        text(options, "variable_end_string", DEFAULT.varEnd),
        text(options, "comment_start_string", DEFAULT.commentStart),
        text(options, "comment_end_string", DEFAULT.commentEnd));
  }

  private static String text(Map<String, Object> options, String name, String fallback) {
    Object v = options.get(name);
    return v == null || Py.str(v).isEmpty() ? fallback : Py.str(v);
  }

  /** {@code source} in default syntax; statements ({@code {% %}}) are kept as they are. */
  String toDefault(String source) {
    if (equals(DEFAULT)) {
      return source;
    }
    StringBuilder out = new StringBuilder(source.length());
    int i = 0;
    while (i < source.length()) {
      int close;
      if (source.startsWith(varStart, i) && (close = source.indexOf(varEnd, i + varStart.length())) >= 0) {
        out.append("{{").append(source, i + varStart.length(), close).append("}}");
        i = close + varEnd.length();
      } else if (source.startsWith(commentStart, i)
          && (close = source.indexOf(commentEnd, i + commentStart.length())) >= 0) {
        i = close + commentEnd.length();
      } else if (source.startsWith("{%", i) && (close = source.indexOf("%}", i + 2)) >= 0) {
        out.append(source, i, close + 2);
        i = close + 2;
      } else if (source.startsWith("{{", i) || source.startsWith("{#", i)) {
        // a default marker the custom syntax does not use is text
        out.append("{{ '").append(source, i, i + 2).append("' }}");
        i += 2;
      } else {
        out.append(source.charAt(i));
        i++;
      }
    }
    return out.toString();
  }
}
