package io.tightbeam.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code key=value} words of a lookup term ({@code "start=1 end=4"}, {@code "file
 * length=8"}), split as Ansible's parse_kv splits them: quotes group words, words without
 * {@code =} are the free-form part.
 */
record TermOptions(Map<String, String> options, List<String> free) {
  static TermOptions parse(String term) {
    Map<String, String> options = new LinkedHashMap<>();
    List<String> free = new ArrayList<>();
    for (String raw : words(term)) {
      String word = decodeEscapes(raw);
      int eq = equalsAt(word);
      if (eq > 0) {
        options.put(word.substring(0, eq).strip(), unquote(word.substring(eq + 1).strip()));
      } else {
        free.add(word.replace("\\=", "="));
      }
    }
    return new TermOptions(options, free);
  }

  /** The free-form words joined back, as Ansible's {@code _raw_params}. */
  String freeText() {
    return String.join(" ", free);
  }

  /** Python's unicode_escape decoding of the escapes parse_kv decodes in each word. */
  static String decodeEscapes(String s) {
    if (s.indexOf('\\') < 0) {
      return s;
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch != '\\' || i + 1 >= s.length()) {
        out.append(ch);
        continue;
      }
      char next = s.charAt(i + 1);
      int hex = switch (next) {
        case 'x' -> 2;
        case 'u' -> 4;
        case 'U' -> 8;
        default -> 0;
      };
      if (hex > 0 && i + 2 + hex <= s.length()
          && s.substring(i + 2, i + 2 + hex).matches("[0-9a-fA-F]+")) {
        out.appendCodePoint(Integer.parseInt(s.substring(i + 2, i + 2 + hex), 16));
        i += 1 + hex;
        continue;
      }
      String simple = switch (next) {
        case 'n' -> "\n";
        case 't' -> "\t";
        case 'r' -> "\r";
        case 'a' -> "\u0007";
        case 'b' -> "\b";
        case 'f' -> "\f";
        case 'v' -> "\u000b";
        case '\\' -> "\\";
        case '\'' -> "'";
        case '"' -> "\"";
        default -> null;
      };
      if (simple == null) {
        out.append(ch); // unknown escapes stay as written
      } else {
        out.append(simple);
        i++;
      }
    }
    return out.toString();
  }

  /** The first '=' not escaped by a backslash and not at the start, or -1. */
  private static int equalsAt(String word) {
    for (int i = 1; i < word.length(); i++) {
      if (word.charAt(i) == '=' && word.charAt(i - 1) != '\\') {
        return i;
      }
    }
    return -1;
  }

  /** Splits on whitespace outside single or double quotes; the quotes are kept. */
  static List<String> words(String text) {
    List<String> out = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    char quote = 0;
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (quote != 0) {
        if (ch == quote && text.charAt(i - 1) != '\\') {
          quote = 0;
        }
        word.append(ch);
      } else if (ch == '"' || ch == '\'') {
        quote = ch;
        word.append(ch);
      } else if (Character.isWhitespace(ch)) {
        if (word.length() > 0) {
          out.add(word.toString());
          word.setLength(0);
        }
      } else {
        word.append(ch);
      }
    }
    if (quote != 0) {
      throw new TemplateException("error parsing argument string, try quoting the entire line.");
    }
    if (word.length() > 0) {
      out.add(word.toString());
    }
    return out;
  }

  static String unquote(String s) {
    if (s.length() >= 2 && (s.charAt(0) == '"' || s.charAt(0) == '\'')
        && s.charAt(s.length() - 1) == s.charAt(0)) {
      return s.substring(1, s.length() - 1);
    }
    return s;
  }
}
