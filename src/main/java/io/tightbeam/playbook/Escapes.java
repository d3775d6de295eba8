package io.tightbeam.playbook;

/**
 * Decodes the backslash escapes Ansible decodes in {@code k=v} words: n, t, r and the other
 * single-letter escapes, backslash, quotes, x + 2 hex digits, u + 4, U + 8, and octal. Other
 * backslashes, such as the one in an escaped equals sign, are kept as written.
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
        default -> consumed = octal(s, i, out);
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
    try {
      out.appendCodePoint(Integer.parseInt(s.substring(i + 2, end), 16));
      return end - i;
    } catch (IllegalArgumentException e) {
      out.append(s, i, i + 2);
      return 2;
    }
  }

  private static int octal(String s, int i, StringBuilder out) {
    int j = i + 1;
    while (j < s.length() && j < i + 4 && s.charAt(j) >= '0' && s.charAt(j) <= '7') {
      j++;
    }
    if (j == i + 1) {
      out.append(s, i, i + 2);
      return 2;
    }
    out.append((char) Integer.parseInt(s.substring(i + 1, j), 8));
    return j - i;
  }
}
