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
    if (mark == null || e.getProblem() == null || !e.getProblem().contains("'\\t'")) {
      return null;
    }
    int at = mark.getIndex();
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
}
