package io.tightbeam.connection;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Shell quoting for POSIX sh. Every piece of user text that reaches a remote command line goes
 * through {@link #quote}; nothing is ever pasted into a command unquoted.
 */
public final class Sh {
  private Sh() {}

  /** {@code text} as one sh word: single-quoted, with embedded single quotes closed and escaped. */
  public static String quote(String text) {
    if (!text.isEmpty() && text.matches("[A-Za-z0-9_@%+=:,./-]+")) {
      return text;
    }
    return "'" + text.replace("'", "'\"'\"'") + "'";
  }

  /** The words quoted one by one and joined with spaces. */
  public static String join(List<String> words) {
    return words.stream().map(Sh::quote).collect(Collectors.joining(" "));
  }
}
