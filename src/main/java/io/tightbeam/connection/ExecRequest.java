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

  /**
   * A program for {@code shell}: for {@code /bin/sh} the text itself is the command line (the
   * target's login shell runs it, as it runs every module: one process fewer than {@code sh -s}),
   * unless it is too long for one argument; otherwise {@code shell -s} reads it on stdin. Only for
   * text without secrets: a command line shows in the target's process list.
   */
  public static ExecRequest program(String shell, String text) {
    if (shell.equals("/bin/sh") && text.length() < MAX_COMMAND_CHARS) {
      return of(text);
    }
    return of(shell + " -s").withStdin(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  /** Well under Linux's limit of 128 KiB for one argument (sshd passes the command as one). */
  private static final int MAX_COMMAND_CHARS = 32 * 1024;

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
