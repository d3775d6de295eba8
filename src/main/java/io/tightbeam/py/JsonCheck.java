package io.tightbeam.py;

/**
 * What Python's {@code json.loads} says of a text: nothing when it is JSON, else its error message
 * ({@code Expecting value: line 1 column 1 (char 0)}), as Ansible quotes it when a file is neither
 * JSON nor YAML. Follows CPython's scanner: the same checks in the same order, so the same position.
 */
public final class JsonCheck {
  private final String s;

  private JsonCheck(String s) {
    this.s = s;
  }

  /** Python's message for {@code text}, or null when {@code json.loads} accepts it. */
  public static String error(String text) {
    JsonCheck check = new JsonCheck(text);
    try {
      int end = check.value(check.space(0));
      end = check.space(end);
      if (end != text.length()) {
        throw new Bad("Extra data", end);
      }
      return null;
    } catch (Bad e) {
      return e.getMessage() + ": " + check.where(e.pos);
    }
  }

  /** Python's {@code line L column C (char N)} for a character index. */
  private String where(int pos) {
    int line = 1;
    int lastNewline = -1;
    for (int i = 0; i < pos && i < s.length(); i++) {
      if (s.charAt(i) == '\n') {
        line++;
        lastNewline = i;
      }
    }
    return "line " + line + " column " + (pos - lastNewline) + " (char " + pos + ")";
  }

  private int space(int i) {
    while (i < s.length() && " \t\n\r".indexOf(s.charAt(i)) >= 0) {
      i++;
    }
    return i;
  }

  private boolean at(int i, String word) {
    return s.startsWith(word, i);
  }

  /** One value starting exactly at {@code i}; returns the index after it. */
  private int value(int i) {
    if (i >= s.length()) {
      throw new Bad("Expecting value", i);
    }
    char c = s.charAt(i);
    if (c == '"') {
      return string(i + 1);
    } else if (c == '{') {
      return object(i + 1);
    } else if (c == '[') {
      return array(i + 1);
    }
    for (String word : new String[] {"null", "true", "false", "NaN", "Infinity", "-Infinity"}) {
      if (at(i, word)) {
        return i + word.length();
      }
    }
    int end = number(i);
    if (end == i) {
      throw new Bad("Expecting value", i);
    }
    return end;
  }

  /** {@code -?(0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?}: the end of the match, or {@code i} for none. */
  private int number(int i) {
    int j = i;
    if (j < s.length() && s.charAt(j) == '-') {
      j++;
    }
    if (j < s.length() && s.charAt(j) == '0') {
      j++;
    } else if (j < s.length() && s.charAt(j) >= '1' && s.charAt(j) <= '9') {
      j = digits(j);
    } else {
      return i;
    }
    if (j + 1 < s.length() && s.charAt(j) == '.' && isDigit(j + 1)) {
      j = digits(j + 1);
    }
    if (j < s.length() && (s.charAt(j) == 'e' || s.charAt(j) == 'E')) {
      int k = j + 1;
      if (k < s.length() && (s.charAt(k) == '+' || s.charAt(k) == '-')) {
        k++;
      }
      if (isDigit(k)) {
        j = digits(k);
      }
    }
    return j;
  }

  private boolean isDigit(int i) {
    return i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9';
  }

  private int digits(int i) {
    while (isDigit(i)) {
      i++;
    }
    return i;
  }

  /** The rest of a string whose quote is at {@code i - 1}. */
  private int string(int i) {
    int begin = i - 1;
    while (true) {
      if (i >= s.length()) {
        throw new Bad("Unterminated string starting at", begin);
      }
      char c = s.charAt(i);
      if (c == '"') {
        return i + 1;
      } else if (c < 0x20) {
        throw new Bad("Invalid control character at", i);
      } else if (c == '\\') {
        if (i + 1 >= s.length()) {
          throw new Bad("Unterminated string starting at", begin);
        }
        char esc = s.charAt(i + 1);
        if (esc == 'u') {
          if (!hex4(i + 2)) {
            throw new Bad("Invalid \\uXXXX escape", i + 1);
          }
          i += 6;
        } else if ("\"\\/bfnrt".indexOf(esc) >= 0) {
          i += 2;
        } else {
          throw new Bad("Invalid \\escape", i);
        }
      } else {
        i++;
      }
    }
  }

  private boolean hex4(int i) {
    if (i + 4 > s.length()) {
      return false;
    }
    for (int k = i; k < i + 4; k++) {
      if (Character.digit(s.charAt(k), 16) < 0) {
        return false;
      }
    }
    return true;
  }

  private int object(int i) {
    i = space(i);
    if (i < s.length() && s.charAt(i) == '}') {
      return i + 1;
    }
    while (true) {
      if (i >= s.length() || s.charAt(i) != '"') {
        throw new Bad("Expecting property name enclosed in double quotes", i);
      }
      i = space(string(i + 1));
      if (i >= s.length() || s.charAt(i) != ':') {
        throw new Bad("Expecting ':' delimiter", i);
      }
      i = space(value(space(i + 1)));
      if (i < s.length() && s.charAt(i) == '}') {
        return i + 1;
      }
      if (i >= s.length() || s.charAt(i) != ',') {
        throw new Bad("Expecting ',' delimiter", i);
      }
      i = space(i + 1);
    }
  }

  private int array(int i) {
    i = space(i);
    if (i < s.length() && s.charAt(i) == ']') {
      return i + 1;
    }
    while (true) {
      i = space(value(i));
      if (i < s.length() && s.charAt(i) == ']') {
        return i + 1;
      }
      if (i >= s.length() || s.charAt(i) != ',') {
        throw new Bad("Expecting ',' delimiter", i);
      }
      i = space(i + 1);
    }
  }

  /** A decoding error at a character index (never leaves this class). */
  private static final class Bad extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int pos;

    Bad(String message, int pos) {
      super(message, null, false, false);
      this.pos = pos;
    }
  }
}
