package io.tightbeam.template;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A Python {@code re} pattern compiled for Java: the few spellings that differ ({@code (?P<n>)},
 * {@code (?P=n)}, {@code \Z}) are rewritten; the rest of the syntax is common to both.
 */
final class PythonPattern {
  private PythonPattern() {}

  static Pattern compile(String python, int flags) {
    StringBuilder out = new StringBuilder(python.length());
    boolean inClass = false;
    for (int i = 0; i < python.length(); i++) {
      char ch = python.charAt(i);
      if (ch == '\\' && i + 1 < python.length()) {
        char next = python.charAt(i + 1);
        out.append(next == 'Z' && !inClass ? "\\z" : "\\" + next);
        i++;
      } else if (inClass) {
        inClass = ch != ']';
        out.append(ch);
      } else if (ch == '[') {
        inClass = true;
        out.append(ch);
        // a ']' first in a class is a literal in both languages; Java needs it escaped
        if (i + 1 < python.length() && python.charAt(i + 1) == ']') {
          out.append("\\]");
          i++;
        } else if (python.startsWith("^]", i + 1)) {
          out.append("^\\]");
          i += 2;
        }
      } else if (python.startsWith("(?P<", i)) {
        out.append("(?<");
        i += 3;
      } else if (python.startsWith("(?P=", i)) {
        int end = python.indexOf(')', i);
        out.append("\\k<").append(python, i + 4, end).append('>');
        i = end;
      } else {
        out.append(ch);
      }
    }
    try {
      return Pattern.compile(out.toString(), flags);
    } catch (PatternSyntaxException ex) {
      throw new TemplateException(error(python, ex));
    }
  }

  /**
   * Python's re.error text for the common mistakes Java also refuses (lookup_varnames checks
   * for 'nothing to repeat'); any other keeps Java's description.
   */
  static String error(String python, PatternSyntaxException ex) {
    String d = ex.getDescription();
    if (d.startsWith("Dangling meta character")) {
      int at = Math.max(0, Math.min(ex.getIndex(), python.length()));
      boolean nothing = at == 0 || "(|".indexOf(python.charAt(at - 1)) >= 0;
      return (nothing ? "nothing to repeat" : "multiple repeat") + " at position " + at;
    }
    java.util.ArrayDeque<Integer> open = new java.util.ArrayDeque<>();
    int classAt = -1;
    for (int i = 0; i < python.length(); i++) {
      char ch = python.charAt(i);
      if (ch == '\\') {
        i++;
      } else if (classAt >= 0) {
        classAt = ch == ']' && i > classAt + 1 ? -1 : classAt;
      } else if (ch == '[') {
        classAt = i;
      } else if (ch == '(') {
        open.push(i);
      } else if (ch == ')' && open.isEmpty()) {
        return "unbalanced parenthesis at position " + i;
      } else if (ch == ')') {
        open.pop();
      }
    }
    if (classAt >= 0) {
      return "unterminated character set at position " + classAt;
    }
    if (!open.isEmpty()) {
      return "missing ), unterminated subpattern at position " + open.peek();
    }
    return d + " at position " + ex.getIndex();
  }
}
