package io.tightbeam.output;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Line wrapping as Python's {@code textwrap.wrap} does it (Ansible wraps warnings, errors and
 * deprecations with it): whitespace becomes spaces, lines break between words or after hyphens in
 * words, and over-long words are cut.
 */
final class TextWrap {
  private static final String WP = "[\\w!\"'&.,?]";
  private static final String LT = "[^\\d\\W]";
  private static final Pattern CHUNK =
      Pattern.compile(
          "( +"
              + "|(?<=" + WP + ")-{2,}(?=\\w)"
              + "|[^ ]+?(?:-(?:(?<=" + LT + "{2}-)|(?<=" + LT + "-" + LT + "-))(?=" + LT + "-?" + LT + ")"
              + "|(?= |\\z)"
              + "|(?<=" + WP + ")(?=-{2,}\\w)))",
          Pattern.UNICODE_CHARACTER_CLASS);

  private TextWrap() {}

  static List<String> wrap(String text, int width) {
    return wrap(text, width, true);
  }

  static List<String> wrap(String text, int width, boolean dropWhitespace) {
    Deque<String> chunks = new ArrayDeque<>(chunks(munge(text)));
    List<String> lines = new ArrayList<>();
    while (!chunks.isEmpty()) {
      List<String> line = new ArrayList<>();
      int len = 0;
      if (dropWhitespace && !lines.isEmpty() && chunks.peekFirst().isBlank()) {
        chunks.removeFirst();
      }
      while (!chunks.isEmpty() && len + length(chunks.peekFirst()) <= width) {
        String c = chunks.removeFirst();
        line.add(c);
        len += length(c);
      }
      if (!chunks.isEmpty() && length(chunks.peekFirst()) > width) {
        breakLongWord(chunks, line, len, width);
      }
      if (dropWhitespace && !line.isEmpty() && line.get(line.size() - 1).isBlank()) {
        line.remove(line.size() - 1);
      }
      if (!line.isEmpty()) {
        lines.add(String.join("", line));
      }
    }
    return lines;
  }

  private static void breakLongWord(Deque<String> chunks, List<String> line, int len, int width) {
    int spaceLeft = width < 1 ? 1 : width - len;
    String chunk = chunks.removeFirst();
    int end = spaceLeft;
    int cps = length(chunk);
    if (cps > spaceLeft) {
      int hyphen = chunk.lastIndexOf('-', chunk.offsetByCodePoints(0, spaceLeft) - 1);
      if (hyphen > 0 && !chunk.substring(0, hyphen).chars().allMatch(c -> c == '-')) {
        end = chunk.codePointCount(0, hyphen) + 1;
      }
    }
    int cut = chunk.offsetByCodePoints(0, Math.min(end, cps));
    line.add(chunk.substring(0, cut));
    if (cut < chunk.length()) {
      chunks.addFirst(chunk.substring(cut));
    }
  }

  private static String munge(String text) {
    StringBuilder sb = new StringBuilder();
    int col = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\t') {
        int n = 8 - (col % 8);
        sb.append(" ".repeat(n));
        col += n;
      } else if (c == '\n' || c == '\r') {
        // expandtabs restarts its column after a line break
        sb.append(' ');
        col = 0;
      } else if (c == 0x0b || c == 0x0c) {
        sb.append(' ');
        col++;
      } else {
        sb.append(c);
        col++;
      }
    }
    return sb.toString();
  }

  private static List<String> chunks(String text) {
    List<String> out = new ArrayList<>();
    Matcher m = CHUNK.matcher(text);
    int last = 0;
    while (m.find()) {
      if (m.start() > last) {
        out.add(text.substring(last, m.start()));
      }
      if (m.end() > m.start()) {
        out.add(m.group());
      }
      last = m.end();
    }
    if (last < text.length()) {
      out.add(text.substring(last));
    }
    return out;
  }

  private static int length(String s) {
    return s.codePointCount(0, s.length());
  }
}
