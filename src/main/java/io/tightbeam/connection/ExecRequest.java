package io.tightbeam.connection;

import java.time.Duration;
import java.util.Map;

/**
 * One command for the target's {@code /bin/sh}: the command line (already quoted by the caller),
 * bytes for its stdin (empty for none: stdin is then at EOF), extra environment, a working
 * directory (null: the login directory), a time limit (null: none) and, for a command that asks
 * for a password on a terminal, the {@link Terminal} conversation (null: no terminal).
 */
public record ExecRequest(
    String command,
    byte[] stdin,
    Map<String, String> environment,
    String workDir,
    Duration timeout,
    Terminal terminal) {

  /** A request without a terminal. */
  public ExecRequest(String command, byte[] stdin, Map<String, String> environment, String workDir, Duration timeout) {
    this(command, stdin, environment, workDir, timeout, null);
  }

  public static ExecRequest of(String command) {
    return new ExecRequest(command, new byte[0], Map.of(), null, null);
  }

  public ExecRequest withStdin(byte[] bytes) {
    return new ExecRequest(command, bytes, environment, workDir, timeout, terminal);
  }

  public ExecRequest withTimeout(Duration limit) {
    return new ExecRequest(command, stdin, environment, workDir, limit, terminal);
  }

  public ExecRequest withEnvironment(Map<String, String> env) {
    return new ExecRequest(command, stdin, env, workDir, timeout, terminal);
  }

  public ExecRequest withWorkDir(String dir) {
    return new ExecRequest(command, stdin, environment, dir, timeout, terminal);
  }

  public ExecRequest withCommand(String newCommand) {
    return new ExecRequest(newCommand, stdin, environment, workDir, timeout, terminal);
  }

  public ExecRequest withTerminal(Terminal conversation) {
    return new ExecRequest(command, stdin, environment, workDir, timeout, conversation);
  }
}
