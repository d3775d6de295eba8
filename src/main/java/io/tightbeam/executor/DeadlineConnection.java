package io.tightbeam.executor;

import io.tightbeam.connection.Connection;
import io.tightbeam.connection.ExecRequest;
import io.tightbeam.connection.ExecResult;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * A task's connection under its {@code timeout} keyword: every command it starts gets at most the
 * time left, so the connection kills what is still running when the task gives up on it (Ansible
 * says "was terminated"). Closing it leaves the shared connection open.
 */
final class DeadlineConnection implements Connection {
  private final Connection inner;
  private final long deadlineNanos;
  private volatile boolean expired;

  DeadlineConnection(Connection inner, long deadlineNanos) {
    this.inner = inner;
    this.deadlineNanos = deadlineNanos;
  }

  @Override
  public String host() {
    return inner.host();
  }

  @Override
  public CompletableFuture<ExecResult> exec(ExecRequest request) {
    Duration left = Duration.ofNanos(Math.max(1_000_000L, deadlineNanos - System.nanoTime()));
    boolean sooner = request.timeout() == null || request.timeout().compareTo(left) > 0;
    // the connection's timer never fires early: a command ending after the deadline was killed
    return inner.exec(sooner ? request.withTimeout(left) : request).whenComplete((r, e) -> {
      if (System.nanoTime() >= deadlineNanos) {
        expired = true;
      }
    });
  }

  /** Whether a command ran into the deadline. */
  boolean expired() {
    return expired;
  }

  @Override
  public void put(byte[] data, String remotePath, int mode) {
    inner.put(data, remotePath, mode);
  }

  @Override
  public byte[] fetch(String remotePath) {
    return inner.fetch(remotePath);
  }

  @Override
  public void close() {
    // the connection is the run's, shared by its tasks
  }
}
