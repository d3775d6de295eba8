package io.tightbeam.connection;

import java.util.concurrent.CompletableFuture;

/**
 * A way to run commands and move files on one target host. Implementations: {@code
 * LocalConnection} and {@code SshConnection}. {@link #exec} never blocks the caller: many commands
 * may be in flight on one connection, and nobody holds a thread while they run. Transport failures
 * complete the future exceptionally with {@link ConnectionException}.
 */
public interface Connection extends AutoCloseable {
  /** The inventory name of the host this connection reaches. */
  String host();

  CompletableFuture<ExecResult> exec(ExecRequest request);

  /** Writes {@code data} to {@code remotePath} atomically (temp file + rename) with {@code mode}. */
  void put(byte[] data, String remotePath, int mode);

  byte[] fetch(String remotePath);

  @Override
  void close();
}
