package io.tightbeam.connection;

import java.time.Duration;
import java.util.Map;

/**
 * One command for the target's {@code /bin/sh}: the command line (already quoted by the caller),
 * bytes for its stdin (empty for none: stdin is then at EOF), extra environment, a working
 * directory (null: the login directory) and a time limit (null: none).
 */
public record ExecRequest(
    String command, byte[] stdin, Map<String, String> environment, String workDir, Duration timeout) {

  public static ExecRequest of(String command) {
    return new ExecRequest(command, new byte[0], Map.of(), null, null);
  }

  public ExecRequest withStdin(byte[] bytes) {
    return new ExecRequest(command, bytes, environment, workDir, timeout);
  }

  public ExecRequest withTimeout(Duration limit) {
    return new ExecRequest(command, stdin, environment, workDir, limit);
  }

  public ExecRequest withEnvironment(Map<String, String> env) {
    return new ExecRequest(command, stdin, env, workDir, timeout);
  }

  public ExecRequest withWorkDir(String dir) {
    return new ExecRequest(command, stdin, environment, dir, timeout);
  }

  public ExecRequest withCommand(String newCommand) {
    return new ExecRequest(newCommand, stdin, environment, workDir, timeout);
  }
}
