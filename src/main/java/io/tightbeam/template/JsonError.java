package io.tightbeam.template;

/**
 * The first error Python's json module (3.11, its C scanner) reports for a text, in its words and at its
 * position ({@code Expecting ',' delimiter: line 1 column 6 (char 5)}): from_json fails with it.
 */
final class JsonError {
  private final String s;

  private JsonError(String s) {
    this.s = s;
  }

  /** Python's message for {@code text}, or null when Python would read it. */
  static String of(String text) {
    JsonError p = new JsonError(text);
    try {
      int end = p.value(p.ws(0));
      if (p.ws(end) != text.length()) {
        return p.at("Extra data", p.ws(end));
      }
      return null;
    } catch (Failure f) {
      return f.getMessage();
    }
  }

  private static final class Failure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Failure(String message) {
      super(message, null, false, false);
    }
  }

  private Failure fail(String what, int pos) {
    return new Failure(at(what, pos));
  }

  private String at(String what, int pos) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < pos && i < s.length(); i++) {
      if (s.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return what + ": line " + line + " column " + (pos - lineStart + 1) + " (char " + pos + ")";
  }

  private int ws(int i) {
    while (i < s.length() && " \t\n\r".indexOf(s.charAt(i)) >= 0) {
      i++;
    }
    return i;
  }

  private char at(int i) {
    return i < s.length() ? s.charAt(i) : '\0';
  }

  /** Python's scan_once: the index after the value at {@code i}. */
  private int value(int i) {
    char c = at(i);
    if (i >= s.length()) {
      throw fail("Expecting value", i);
    }
    switch (c) {
      case '"' -> {
        return string(i + 1);
      }
      case '{' -> {
        return object(i + 1);
      }
      case '[' -> {
        return array(i + 1);
      }
      default -> { }
    }
    for (String word : new String[] {"null", "true", "false", "NaN", "Infinity", "-Infinity"}) {
      if (s.startsWith(word, i)) {
        return i + word.length();
      }
    }
    java.util.regex.Matcher m = NUMBER.matcher(s).region(i, s.length());
    if (m.lookingAt()) {
      return m.end();
    }
    throw fail("Expecting value", i);
  }

  private static final java.util.regex.Pattern NUMBER =
      java.util.regex.Pattern.compile("-?(?:0|[1-9]\\d*)(?:\\.\\d+)?(?:[eE][-+]?\\d+)?");

  private int string(int begin) {
    int i = begin;
    while (true) {
      if (i >= s.length()) {
        throw fail("Unterminated string starting at", begin - 1);
      }
      char c = s.charAt(i);
      if (c == '"') {
        return i + 1;
      } else if (c < 0x20) {
        throw fail("Invalid control character at", i); // CPython's C scanner's words
      } else if (c == '\\') {
        if (i + 1 >= s.length()) {
          throw fail("Unterminated string starting at", begin - 1);
        }
        char e = s.charAt(i + 1);
        if (e == 'u') {
          if (!s.substring(i + 2, Math.min(s.length(), i + 6)).matches("[0-9a-fA-F]{4}")) {
            throw fail("Invalid \\uXXXX escape", i + 1);
          }
          i += 6;
          continue;
        }
        if ("\"\\/bfnrt".indexOf(e) < 0) {
          throw fail("Invalid \\escape", i);
        }
        i += 2;
      } else {
        i++;
      }
    }
  }

  private int object(int start) {
    int end = ws(start);
    if (at(end) == '}' && end < s.length()) {
      return end + 1;
    }
    if (at(end) != '"' || end >= s.length()) {
      throw fail("Expecting property name enclosed in double quotes", end);
    }
    while (true) {
      end = ws(string(end + 1));
      if (at(end) != ':' || end >= s.length()) {
        throw fail("Expecting ':' delimiter", end);
      }
      end = ws(value(ws(end + 1)));
      char next = at(end);
      end++;
      if (next == '}' && end <= s.length()) {
        return end;
      } else if (next != ',' || end > s.length()) {
        throw fail("Expecting ',' delimiter", end - 1);
      }
      end = ws(end);
      if (at(end) != '"' || end >= s.length()) {
        throw fail("Expecting property name enclosed in double quotes", end);
      }
    }
  }

  private int array(int start) {
    int end = ws(start);
    if (at(end) == ']' && end < s.length()) {
      return end + 1;
    }
    while (true) {
      end = ws(value(end));
      char next = at(end);
      end++;
      if (next == ']' && end <= s.length()) {
        return end;
      } else if (next != ',' || end > s.length()) {
        throw fail("Expecting ',' delimiter", end - 1);
      }
      end = ws(end);
    }
  }
}
