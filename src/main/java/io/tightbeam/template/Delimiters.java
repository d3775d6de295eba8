package io.tightbeam.template;

import io.tightbeam.py.Py;
import java.util.Map;

/**
 * Jinja2's syntax options as template and the template lookup take them ({@code
 * variable_start_string}, {@code block_start_string}, {@code comment_start_string}, their ends, and
 * a {@code #jinja2:} line's {@code line_statement_prefix}/{@code line_comment_prefix}): a text
 * written with them is rewritten into Jinja2's default syntax, where the default markers it has
 * become plain text.
 */
record Delimiters(
    String varStart, String varEnd, String blockStart, String blockEnd, String commentStart,
    String commentEnd, String lineStatement, String lineComment) {
  static final Delimiters DEFAULT = new Delimiters("{{", "}}", "{%", "%}", "{#", "#}", null, null);

  static Delimiters of(Map<String, Object> options) {
    return new Delimiters(
        text(options, "variable_start_string", DEFAULT.varStart),
        text(options, "variable_end_string", DEFAULT.varEnd),
        text(options, "block_start_string", DEFAULT.blockStart),
        text(options, "block_end_string", DEFAULT.blockEnd),
        text(options, "comment_start_string", DEFAULT.commentStart),
        text(options, "comment_end_string", DEFAULT.commentEnd),
        text(options, "line_statement_prefix", null),
        text(options, "line_comment_prefix", null));
  }

  private static String text(Map<String, Object> options, String name, String fallback) {
    Object v = options.get(name);
    return v == null || Py.str(v).isEmpty() ? fallback : Py.str(v);
  }

  /**
   * Whether {@code text} may be a template under these markers, as Ansible's
   * is_possibly_template: one of the three start strings occurs in it.
   */
  boolean possiblyTemplate(String text) {
    return text.contains(varStart) || text.contains(blockStart) || text.contains(commentStart);
  }

  /** {@code source} in default syntax. */
  String toDefault(String source) {
    if (equals(DEFAULT)) {
      return source;
    }
    StringBuilder out = new StringBuilder(source.length());
    int i = 0;
    while (i < source.length()) {
      int next = lineStatement(source, i, out);
      if (next < 0) {
        next = lineComment(source, i, out);
      }
      if (next < 0) {
        next = tag(source, i, out);
      }
      if (next >= 0) {
        i = next;
      } else if (source.startsWith("{{", i) || source.startsWith("{%", i) || source.startsWith("{#", i)) {
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

  /** A tag in the custom markers at {@code i} (the longest start first, as Jinja2's lexer). */
  private int tag(String source, int i, StringBuilder out) {
    String[][] tags = {{varStart, varEnd, "{{", "}}"}, {blockStart, blockEnd, "{%", "%}"},
        {commentStart, commentEnd, "{#", "#}"}}; // a comment stays one: trim_blocks applies to it
    String[] best = null;
    for (String[] t : tags) {
      if (source.startsWith(t[0], i) && (best == null || t[0].length() > best[0].length())) {
        best = t;
      }
    }
    int close;
    if (best == null || (close = source.indexOf(best[1], i + best[0].length())) < 0) {
      return -1;
    }
    out.append(best[2]).append(source, i + best[0].length(), close).append(best[3]);
    return close + best[1].length();
  }

  /** A line starting (after blanks) with the statement prefix is a block tag; its newline goes. */
  private int lineStatement(String source, int i, StringBuilder out) {
    if (lineStatement == null || (i > 0 && source.charAt(i - 1) != '\n')) {
      return -1;
    }
    int j = afterBlanks(source, i);
    if (!source.startsWith(lineStatement, j)) {
      return -1;
    }
    int eol = source.indexOf('\n', j);
    int end = eol < 0 ? source.length() : eol;
    out.append("{%").append(source, j + lineStatement.length(), end).append("%}");
    return eol < 0 ? end : eol + 1;
  }

  /** A line comment and the blanks before it go; the newline stays. */
  private int lineComment(String source, int i, StringBuilder out) {
    if (lineComment == null) {
      return -1;
    }
    int j = afterBlanks(source, i);
    if (!source.startsWith(lineComment, j)) {
      return -1;
    }
    int eol = source.indexOf('\n', j);
    return eol < 0 ? source.length() : eol;
  }

  private static int afterBlanks(String source, int i) {
    int j = i;
    while (j < source.length() && (source.charAt(j) == ' ' || source.charAt(j) == '\t')) {
      j++;
    }
    return j;
  }
}
