package io.tightbeam.yaml;

import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * libyaml, which ansible-core uses, takes a tab after a mapping's {@code :} as a separator
 * ({@code key:<TAB>value}); SnakeYAML stops there with "found character '\t' that cannot start
 * any token". Those tabs (and only those, found where SnakeYAML stopped) become spaces, one for
 * one, so that positions stay as they were.
 */
final class TabSeparator {
  private TabSeparator() {}

  /** The text with the tabs SnakeYAML stopped at made spaces, or null when that is not the case. */
  static String spaced(String text, MarkedYAMLException e) {
    Mark mark = e.getProblemMark();
    if (mark == null) {
      return null;
    }
    int at = offset(text, mark.getLine(), mark.getColumn());
    if (at >= text.length() || text.charAt(at) != '\t') {
      return null;
    }
    int start = at;
    while (start > 0 && (text.charAt(start - 1) == '\t' || text.charAt(start - 1) == ' ')) {
      start--;
    }
    if (start == 0 || text.charAt(start - 1) != ':') {
      return null;
    }
    StringBuilder sb = new StringBuilder(text);
    for (int i = start; i < sb.length() && (sb.charAt(i) == '\t' || sb.charAt(i) == ' '); i++) {
      sb.setCharAt(i, ' ');
    }
    return sb.toString();
  }

  /** The char offset of a 0-based line and column (SnakeYAML counts code points; so do we). */
  private static int offset(String text, int line, int column) {
    int at = 0;
    for (int l = 0; l < line; l++) {
      int nl = text.indexOf('\n', at);
      if (nl < 0) {
        return text.length();
      }
      at = nl + 1;
    }
    return Math.min(text.length(), text.offsetByCodePoints(at, Math.min(column,
        text.codePointCount(at, text.length()))));
  }
}
