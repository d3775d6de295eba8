package io.tightbeam.template;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Jinja2's {@code wordwrap}: Python's textwrap.wrap per line, whitespace kept as written. */
final class TextWrap {
  private static final Pattern HYPHENATED = Pattern.compile("(?<=[^\\W\\d_]{1,}-)(?=[^\\W\\d_])",
      Pattern.UNICODE_CHARACTER_CLASS);

  private TextWrap() {}

  static void register(Catalogue c) {
    c.jinjaFilter("wordwrap", false, (v, a, e) -> {
      int width = Items.integer(a.get(0, "width", 79));
      boolean breakLong = Items.truth(a.get(1, "break_long_words", true));
      Object sep = a.get(2, "wrapstring", null);
      boolean breakOnHyphens = Items.truth(a.get(3, "break_on_hyphens", true));
      String wrapString = sep == null ? "\n" : Items.str(sep);
      List<String> lines = new ArrayList<>();
      if (!(v instanceof String text)) {
        throw new io.tightbeam.py.PyException("'" + io.tightbeam.py.Py.typeName(v)
            + "' object has no attribute 'splitlines'");
      }
      for (String line : JinjaTextFilters.splitLines(text)) {
        lines.add(String.join(wrapString, wrap(line, width, breakLong, breakOnHyphens)));
      }
      return String.join(wrapString, lines);
    });
  }

  static List<String> wrap(String text, int width, boolean breakLong, boolean breakOnHyphens) {
    List<String> chunks = new ArrayList<>();
    for (String part : Urlize.splitKeepingSpace(text)) {
      if (part.isEmpty()) {
        continue;
      }
      if (breakOnHyphens && !part.isBlank()) {
        for (String piece : HYPHENATED.split(part)) {
          chunks.add(piece);
        }
      } else {
        chunks.add(part);
      }
    }
    List<String> lines = new ArrayList<>();
    int at = 0;
    while (at < chunks.size()) {
      List<String> line = new ArrayList<>();
      int len = 0;
      if (chunks.get(at).isBlank() && !lines.isEmpty()) {
        at++;
      }
      while (at < chunks.size() && len + chunks.get(at).length() <= width) {
        len += chunks.get(at).length();
        line.add(chunks.get(at++));
      }
      if (at < chunks.size() && chunks.get(at).length() > width) {
        at = longWord(chunks, at, line, len, width, breakLong, breakOnHyphens);
      }
      if (!line.isEmpty() && line.get(line.size() - 1).isBlank()) {
        line.remove(line.size() - 1);
      }
      if (!line.isEmpty()) {
        lines.add(String.join("", line));
      }
    }
    return lines;
  }

  private static int longWord(List<String> chunks, int at, List<String> line, int len, int width,
      boolean breakLong, boolean breakOnHyphens) {
    int spaceLeft = width < 1 ? 1 : width - len;
    String chunk = chunks.get(at);
    if (breakLong) {
      int end = spaceLeft;
      if (breakOnHyphens && chunk.length() > spaceLeft) {
        int hyphen = chunk.lastIndexOf('-', spaceLeft - 1);
        if (hyphen > 0 && !chunk.substring(0, hyphen).matches("-*")) {
          end = hyphen + 1;
        }
      }
      line.add(chunk.substring(0, end));
      chunks.set(at, chunk.substring(end));
      return at;
    } else if (line.isEmpty()) {
      line.add(chunk);
      return at + 1;
    }
    return at;
  }
}
