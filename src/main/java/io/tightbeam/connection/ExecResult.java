package io.tightbeam.connection;

import java.nio.charset.StandardCharsets;

/** What a command left behind: its exit code (-1 when killed by a signal or timed out) and output. */
public record ExecResult(int exitCode, byte[] stdout, byte[] stderr) {
  public String stdoutText() {
    return new String(stdout, StandardCharsets.UTF_8);
  }

  public String stderrText() {
    return new String(stderr, StandardCharsets.UTF_8);
  }
}
