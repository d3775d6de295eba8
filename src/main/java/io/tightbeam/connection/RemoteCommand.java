package io.tightbeam.connection;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * Builds the shell text that applies an {@link ExecRequest}'s environment and working directory in
 * front of its command, for targets where the transport cannot set them (sshd refuses most {@code
 * env} requests, and {@code sudo} resets the environment).
 */
final class RemoteCommand {
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private RemoteCommand() {}

  /**
   * {@code export A='x' B='y'; cd 'dir' || exit 1; } for the request, or an empty string. {@code
   * export} (not {@code A=x cmd}) so the variables reach every part of a compound command, and
   * {@code || exit} so a command never runs in the wrong directory.
   */
  static String prefix(ExecRequest request) {
    return exports(request.environment()) + cd(request.workDir());
  }

  static String exports(Map<String, String> environment) {
    if (environment == null || environment.isEmpty()) {
      return "";
    }
    StringBuilder text = new StringBuilder("export");
    environment.forEach(
        (name, value) -> {
          if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("invalid environment variable name '" + name + "'");
          }
          text.append(' ').append(name).append('=').append(Sh.quote(value == null ? "" : value));
        });
    return text.append("; ").toString();
  }

  static String cd(String workDir) {
    return workDir == null ? "" : "cd " + path(workDir) + " || exit 1; ";
  }

  /** A remote path as one sh word; a leading {@code ~/} still expands to the login user's home. */
  static String path(String remotePath) {
    if (remotePath.equals("~")) {
      return "\"$HOME\"";
    }
    if (remotePath.startsWith("~/")) {
      return "\"$HOME\"/" + Sh.quote(remotePath.substring(2));
    }
    return Sh.quote(remotePath);
  }
}
