package io.tightbeam.module;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The POSIX sh text of {@code setup} ({@code setup.sh} beside this class, read once): collectors in
 * sh that read /proc, /sys and /etc with the shell's own {@code read} where they can, and one awk
 * that reads the remaining files and prints the JSON result.
 */
final class SetupScript {
  private SetupScript() {}

  static final String BODY = load();

  private static String load() {
    try (InputStream in = SetupScript.class.getResourceAsStream("setup.sh")) {
      if (in == null) {
        throw new IllegalStateException("setup.sh is missing from the class path beside SetupScript");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read setup.sh from the class path", e);
    }
  }
}
