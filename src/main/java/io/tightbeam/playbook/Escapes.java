package io.tightbeam.playbook;

/**
 * Decodes the backslash escapes Ansible decodes in {@code k=v} words: n, t, r and the other
 * single-letter escapes, backslash, quotes, x + 2 hex digits, u + 4, U + 8 and N{name}. Other
 * backslashes are kept as written: an escaped equals sign, and octal-looking ones such as the
 * {@code \1} of {@code replace='\1'}, which ansible-core 2.14's parse_kv leaves alone.
 */
final class Escapes {
  private Escapes() {}

  static String decode(String s) {
    if (s.indexOf('\\') < 0) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length());
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c != '\\' || i + 1 >= s.length()) {
        out.append(c);
        i++;
        continue;
      }
      char e = s.charAt(i + 1);
      int consumed = 2;
      switch (e) {
        case '\\', '\'', '"' -> out.append(e);
        case 'a' -> out.append((char) 7);
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case 'v' -> out.append((char) 11);
        case 'x', 'u', 'U' -> consumed = hex(s, i, e == 'x' ? 2 : e == 'u' ? 4 : 8, out);
        case 'N' -> consumed = named(s, i, out);
        default -> out.append(s, i, i + 2);
      }
      i += consumed;
    }
    return out.toString();
  }

  private static int hex(String s, int i, int digits, StringBuilder out) {
    int end = i + 2 + digits;
    if (end > s.length()) {
      out.append(s, i, i + 2);
      return 2;
    }
    if (!s.substring(i + 2, end).matches("[0-9a-fA-F]+")) {
      out.append(s, i, i + 2);
      return 2;
    }
    try {
      out.appendCodePoint(Integer.parseInt(s.substring(i + 2, end), 16));
      return end - i;
    } catch (IllegalArgumentException e) {
      out.append(s, i, i + 2);
      return 2;
    }
  }

  private static int named(String s, int i, StringBuilder out) {
    int close = s.indexOf('}', i);
    if (i + 2 < s.length() && s.charAt(i + 2) == '{' && close > i + 3) {
      try {
        out.appendCodePoint(Character.codePointOf(s.substring(i + 3, close)));
        return close + 1 - i;
      } catch (IllegalArgumentException e) {
        // an unknown name stays as written
      }
    }
    out.append(s, i, i + 2);
    return 2;
  }
}
