package io.tightbeam.module;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Adds {@code stdout_lines} and {@code stderr_lines} to a module result, as Ansible's action layer
 * does for every module that returns {@code stdout}/{@code stderr}. Remote scripts (async jobs)
 * print results without them; apply {@link #added} to a job's final result.
 */
public final class OutputLines {
  private OutputLines() {}

  /** A copy of {@code result} with the {@code *_lines} keys added where they are missing. */
  public static Map<String, Object> added(Map<String, Object> result) {
    Map<String, Object> out = new LinkedHashMap<>(result);
    for (String key : new String[] {"stdout", "stderr"}) {
      if (out.containsKey(key) && !out.containsKey(key + "_lines")) {
        Object text = out.get(key);
        out.put(key + "_lines", split(text == null ? "" : String.valueOf(text)));
      }
    }
    return out;
  }

  /** Python's {@code str.splitlines()}: every line boundary Python knows, no empty last line. */
  public static List<String> split(String text) {
    List<String> lines = new ArrayList<>();
    int start = 0;
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (isBreak(c)) {
        lines.add(text.substring(start, i));
        i += (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') ? 2 : 1;
        start = i;
      } else {
        i++;
      }
    }
    if (start < text.length()) {
      lines.add(text.substring(start));
    }
    return lines;
  }

  private static boolean isBreak(char c) {
    return c == '\n'
        || c == '\r'
        || c == '\u000b'
        || c == '\u000c'
        || (c >= '\u001c' && c <= '\u001e')
        || c == '\u0085'
        || c == '\u2028'
        || c == '\u2029';
  }
}
