package io.tightbeam.module;

/**
 * The POSIX sh text of {@code setup} ({@code setup.sh} beside this class, read once): collectors in
 * sh that read /proc, /sys and /etc with the shell's own {@code read} where they can, and one awk
 * that reads the remaining files and prints the JSON result.
 */
final class SetupScript {
  private SetupScript() {}

  static final String BODY = ShellSource.resource("setup.sh");
}
