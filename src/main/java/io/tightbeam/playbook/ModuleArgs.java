package io.tightbeam.playbook;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Module arguments written as text: free form for {@code command}-like actions ({@code
 * _raw_params} plus their known {@code k=v} options) and {@code k=v} pairs (with quotes) for the
 * rest, as Ansible splits them.
 */
public final class ModuleArgs {
  private static final Set<String> FREE_FORM =
      Set.of("command", "shell", "raw", "script", "include_tasks", "import_tasks", "include_vars",
          "meta", "include", "import_playbook", "win_command", "win_shell");
  private static final Set<String> FREE_FORM_OPTIONS =
      Set.of("chdir", "creates", "removes", "executable", "stdin", "warn", "stdin_add_newline",
          "strip_empty_ends", "decrypt");

  private ModuleArgs() {}

  /** Arguments of {@code action} written as one string. */
  public static Map<String, Object> parse(String action, String text) {
    String shortName = action.replaceFirst("^ansible\\.(builtin|legacy)\\.", "");
    if (!FREE_FORM.contains(shortName)) {
      return parseKeyValues(text);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    StringBuilder raw = new StringBuilder();
    for (String word : split(text)) {
      int eq = word.indexOf('=');
      String key = eq > 0 ? word.substring(0, eq) : null;
      if (key != null && FREE_FORM_OPTIONS.contains(key) && !shortName.equals("meta")) {
        out.put(key, unquote(word.substring(eq + 1)));
      } else {
        if (raw.length() > 0) {
          raw.append(' ');
        }
        raw.append(word);
      }
    }
    out.put("_raw_params", raw.toString());
    return out;
  }

  /** {@code a=1 b="two words"}; words without {@code =} are kept under {@code _raw_params}. */
  public static Map<String, Object> parseKeyValues(String text) {
    Map<String, Object> out = new LinkedHashMap<>();
    List<String> loose = new ArrayList<>();
    for (String word : split(text)) {
      int eq = word.indexOf('=');
      if (eq > 0) {
        out.put(word.substring(0, eq), unquote(word.substring(eq + 1)));
      } else {
        loose.add(word);
      }
    }
    if (!loose.isEmpty()) {
      out.put("_raw_params", String.join(" ", loose));
    }
    return out;
  }

  /** Splits on white space outside quotes, keeping the quotes (Ansible's split_args). */
  static List<String> split(String text) {
    List<String> words = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    char quote = 0;
    int depth = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote != 0) {
        cur.append(c);
        if (c == '\\' && i + 1 < text.length()) {
          cur.append(text.charAt(++i));
        } else if (c == quote) {
          quote = 0;
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
        cur.append(c);
      } else if (c == '{' && i + 1 < text.length() && (text.charAt(i + 1) == '{' || text.charAt(i + 1) == '%')) {
        depth++;
        cur.append(c);
      } else if (c == '}' && depth > 0 && i + 1 < text.length() && text.charAt(i + 1) == '}') {
        depth--;
        cur.append(c);
      } else if (Character.isWhitespace(c) && depth == 0) {
        if (cur.length() > 0) {
          words.add(cur.toString());
          cur.setLength(0);
        }
      } else {
        cur.append(c);
      }
    }
    if (cur.length() > 0) {
      words.add(cur.toString());
    }
    return words;
  }

  private static String unquote(String v) {
    if (v.length() >= 2 && (v.charAt(0) == '"' || v.charAt(0) == '\'') && v.charAt(v.length() - 1) == v.charAt(0)) {
      return v.substring(1, v.length() - 1).replace("\\" + v.charAt(0), String.valueOf(v.charAt(0)));
    }
    return v;
  }
}
