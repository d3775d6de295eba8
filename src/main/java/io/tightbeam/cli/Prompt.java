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
    Console console = System.console();
    if (console != null) {
      char[] chars = console.readPassword("%s", prompt);
      return chars == null ? "" : new String(chars);
    }
    try {
      BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      String line = in.readLine();
      return line == null ? "" : line;
    } catch (IOException e) {
      return "";
    }
  }
}
