package io.tightbeam.connection;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;

/**
 * A semaphore whose waiters are futures in a queue rather than blocked threads, so thousands of
 * queued channels or handshakes cost no thread. A permit is handed straight to the next waiter.
 */
final class AsyncSlots {
  private final int limit;
  private final Deque<CompletableFuture<Void>> waiting = new ArrayDeque<>();
  private int inUse;

  AsyncSlots(int limit) {
    this.limit = limit;
  }

  /** Completes when a permit is held; the holder must call {@link #release} exactly once. */
  CompletableFuture<Void> acquire() {
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

  void release() {
    while (true) {
      CompletableFuture<Void> next;
      synchronized (this) {
        next = waiting.poll();
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

  synchronized int inUse() {
    return inUse;
  }

  synchronized int waiting() {
    return waiting.size();
  }
}
