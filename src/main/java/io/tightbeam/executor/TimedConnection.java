package io.tightbeam.executor;

import io.tightbeam.connection.Connection;
import io.tightbeam.connection.ExecRequest;
import io.tightbeam.connection.ExecResult;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * A task's connection under its {@code timeout} keyword: every command it runs is limited to the
 * time left until the task's deadline, so that the connection kills what it started when the time
 * is up (Ansible ends the worker, which ends the module with it). Closing it leaves the shared
 * connection open.
 */
final class TimedConnection implements Connection {
  private final Connection inner;
  private final long deadlineNanos;

  TimedConnection(Connection inner, long deadlineNanos) {
    this.inner = inner;
    this.deadlineNanos = deadlineNanos;
  }

  boolean expired() {
    return System.nanoTime() - deadlineNanos >= 0;
  }

  @Override
  public String host() {
    return inner.host();
  }

  @Override
  public CompletableFuture<ExecResult> exec(ExecRequest request) {
    Duration left = Duration.ofNanos(Math.max(1, deadlineNanos - System.nanoTime()));
    boolean tighter = request.timeout() == null || request.timeout().compareTo(left) > 0;
    return inner.exec(tighter ? request.withTimeout(left) : request);
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
    // the connection belongs to the run, not to this task
  }
}
