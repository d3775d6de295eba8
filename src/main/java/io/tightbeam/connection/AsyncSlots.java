package io.tightbeam.connection;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;

/**
 * A semaphore whose waiters are futures in a queue rather than blocked threads, so thousands of
 * queued channels or handshakes cost no thread. A permit is handed straight to the next waiter.
 * The limit may change while permits are held: a lower one takes permits back as they are
 * released, a higher one hands them out at once.
 */
public final class AsyncSlots {
  private int limit;
  private final Deque<CompletableFuture<Void>> waiting = new ArrayDeque<>();
  private int inUse;

  public AsyncSlots(int limit) {
    this.limit = limit;
  }

  /** Completes when a permit is held; the holder must call {@link #release} exactly once. */
  public CompletableFuture<Void> acquire() {
    synchronized (this) {
      if (inUse < limit) {
        inUse++;
        return CompletableFuture.completedFuture(null);
      }
      CompletableFuture<Void> ticket = new CompletableFuture<>();
      waiting.add(ticket);
      return ticket;
    }
  }

  public void release() {
    while (true) {
      CompletableFuture<Void> next;
      synchronized (this) {
        next = inUse > limit ? null : waiting.poll();
        if (next == null) {
          inUse--;
          return;
        }
      }
      // A waiter that gave up (timed out) leaves the permit for the one after it.
      if (next.complete(null)) {
        return;
      }
    }
  }

  /** Changes the number of permits (at least 1). */
  void limit(int newLimit) {
    int grant;
    synchronized (this) {
      limit = Math.max(1, newLimit);
      grant = Math.max(0, Math.min(limit - inUse, waiting.size()));
      inUse += grant;
    }
    for (int i = 0; i < grant; i++) {
      release(); // each hands one of the permits just taken to a waiter (or gives it back)
    }
  }

  synchronized int limit() {
    return limit;
  }

  synchronized int inUse() {
    return inUse;
  }

  synchronized int waiting() {
    return waiting.size();
  }
}
