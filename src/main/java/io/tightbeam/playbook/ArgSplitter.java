package io.tightbeam.playbook;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Ansible's splitting of {@code k=v} argument strings: words are separated by single spaces (a run
 * of them stays on the word before; tabs are no separator), except inside
 * quotes and {@code {{ }}}, {@code {% %}}, {@code {# #}} blocks; quotes are kept in the words;
 * newlines outside quotes are kept at the end of the word before them, trailing ones too (a {@code
 * shell: |} block's cmd ends in its newline), except after a lone {@code \} word, which is dropped
 * as a line continuation.
 */
final class ArgSplitter {
  /** Keys that free-form modules (command, shell, ...) take out of their command line. */
  static final Set<String> FREE_FORM_KEYS =
      Set.of(
          "creates",
          "removes",
          "chdir",
          "executable",
          "warn",
          "stdin",
          "stdin_add_newline",
          "strip_empty_ends");

  private ArgSplitter() {}

  /** Splits into words; throws IllegalArgumentException on an unclosed quote or template. */
  static List<String> split(String args) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    char quote = 0;
    int templateDepth = 0;
    String text = args.strip();
    boolean continued = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote != 0) {
        word.append(c);
        if (c == quote && !escaped(text, i)) {
          quote = 0;
        }
      } else if (opensTemplate(text, i)) {
        templateDepth++;
        word.append(c).append(text.charAt(++i));
      } else if (templateDepth > 0) {
        word.append(c);
        if (closesTemplate(text, i)) {
          templateDepth--;
          word.append(text.charAt(++i));
        }
      } else if ((c == '"' || c == '\'') && !escaped(text, i)) {
        quote = c;
        word.append(c);
      } else if (c == ' ') {
        // split_args splits on single spaces: each further space is kept on the word before
        if (word.length() == 0 && i > 0 && text.charAt(i - 1) == ' ' && !words.isEmpty()) {
          words.set(words.size() - 1, words.get(words.size() - 1) + " ");
        }
        continued |= endWord(words, word);
      } else if (c == '\n') {
        continued |= endWord(words, word);
        if (continued) {
          continued = false;
        } else if (!words.isEmpty()) {
          int last = words.size() - 1;
          words.set(last, words.get(last) + "\n");
        }
      } else {
        word.append(c);
      }
    }
    if (quote != 0 || templateDepth > 0) {
      throw new IllegalArgumentException(
          "failed at splitting arguments, either an unbalanced jinja2 block or quotes: " + args);
    }
    endWord(words, word);
    String tail = args.substring(args.stripTrailing().length());
    if (!words.isEmpty() && !continued) {
      String newlines = "\n".repeat((int) tail.chars().filter(ch -> ch == '\n').count());
      words.set(words.size() - 1, words.get(words.size() - 1) + newlines);
    }
    return words;
  }

  /** Joins words with single spaces, but none after a word that ends a line. */
  static String join(List<String> words) {
    StringBuilder out = new StringBuilder();
    for (String w : words) {
      if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
        out.append(' ');
      }
      out.append(w);
    }
    return out.toString();
  }

  /**
   * Parses {@code k=v} words into a map; words without {@code =} are joined under {@code
   * _raw_params}. With {@code freeForm} (command, shell, ...) only {@link #FREE_FORM_KEYS} are
   * taken out; other {@code k=v} words stay in the command line as written.
   */
  static Map<String, Object> parseKeyValues(String args, boolean freeForm) {
    Map<String, Object> options = new LinkedHashMap<>();
    List<String> raw = new ArrayList<>();
    for (String original : split(args)) {
      String word = Escapes.decode(original);
      if (word.indexOf('=') < 0) {
        raw.add(original);
        continue;
      }
      int eq = separator(word);
      if (eq < 0) {
        raw.add(word.replace("\\=", "="));
        continue;
      }
      String key = word.substring(0, eq);
      if (freeForm && !FREE_FORM_KEYS.contains(key)) {
        raw.add(original);
      } else {
        options.put(key.strip(), unquote(word.substring(eq + 1).strip()));
      }
    }
    if (!raw.isEmpty()) {
      options.put("_raw_params", join(raw));
    }
    return options;
  }

  /** Removes one pair of matching outer quotes, unless the closing one is escaped. */
  static String unquote(String s) {
    if (s.length() > 1
        && s.charAt(0) == s.charAt(s.length() - 1)
        && (s.charAt(0) == '"' || s.charAt(0) == '\'')
        && s.charAt(s.length() - 2) != '\\') {
      return s.substring(1, s.length() - 1);
    }
    return s;
  }

  /** The first unescaped {@code =} after the first character, or -1. */
  private static int separator(String word) {
    for (int i = 1; i < word.length(); i++) {
      if (word.charAt(i) == '=' && word.charAt(i - 1) != '\\') {
        return i;
      }
    }
    return -1;
  }

  /** Ends the word; true (the word dropped) when it is a lone backslash, Ansible's line continuation. */
  private static boolean endWord(List<String> words, StringBuilder word) {
    boolean continuation = word.length() == 1 && word.charAt(0) == '\\';
    if (word.length() > 0 && !continuation) {
      words.add(word.toString());
    }
    word.setLength(0);
    return continuation;
  }

  private static boolean escaped(String text, int i) {
    int backslashes = 0;
    for (int j = i - 1; j >= 0 && text.charAt(j) == '\\'; j--) {
      backslashes++;
    }
    return backslashes % 2 == 1;
  }

  private static boolean opensTemplate(String text, int i) {
    if (text.charAt(i) != '{' || i + 1 >= text.length()) {
      return false;
    }
    char next = text.charAt(i + 1);
    return next == '{' || next == '%' || next == '#';
  }

  private static boolean closesTemplate(String text, int i) {
    char c = text.charAt(i);
    return (c == '}' || c == '%' || c == '#') && i + 1 < text.length() && text.charAt(i + 1) == '}';
  }
}
