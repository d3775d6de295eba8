package io.tightbeam.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/** Password prompts ({@code -k}, {@code -K}): from the terminal without echo, else a line of stdin. */
final class Prompt {
  private Prompt() {}

  static String secret(String prompt) {
    String line = read(prompt, false);
    return line == null ? "" : line;
  }

  /**
   * A vault password: as {@link #secret}, but the prompt is shown on stderr without a terminal
   * too (as Python's getpass falls back to), and the end of input gives null (Ansible's EOFError).
   */
  static String secretOrNull(String prompt) {
    return read(prompt, true);
  }

  private static String read(String prompt, boolean promptWithoutTerminal) {
    Console console = System.console();
    if (console != null) {
      char[] chars = console.readPassword("%s", prompt);
      return chars == null ? null : new String(chars);
    }
    if (promptWithoutTerminal) {
      System.err.print(prompt);
      System.err.flush();
    }
    try {
      return STDIN.readLine();
    } catch (IOException e) {
      return null;
    }
  }

  // One reader for the process: a second prompt must not lose what the first one buffered.
  private static final BufferedReader STDIN =
      new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
}
