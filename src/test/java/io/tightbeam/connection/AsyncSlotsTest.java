package io.tightbeam.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class AsyncSlotsTest {
  @Test
  void waitersQueueBeyondTheLimitAndGetPermitsInOrder() {
    AsyncSlots slots = new AsyncSlots(2);
    CompletableFuture<Void> a = slots.acquire();
    CompletableFuture<Void> b = slots.acquire();
    CompletableFuture<Void> c = slots.acquire();
    CompletableFuture<Void> d = slots.acquire();
    assertThat(a).isDone();
    assertThat(b).isDone();
    assertThat(c).isNotDone();
    assertThat(slots.waiting()).isEqualTo(2);

    slots.release();
    assertThat(c).isDone();
    assertThat(d).isNotDone();
    assertThat(slots.inUse()).isEqualTo(2);
  }

  @Test
  void aWaiterThatGaveUpPassesItsPermitOn() {
    AsyncSlots slots = new AsyncSlots(1);
    slots.acquire();
    CompletableFuture<Void> quitter = slots.acquire();
    CompletableFuture<Void> patient = slots.acquire();
    quitter.completeExceptionally(new RuntimeException("timed out"));

    slots.release();
    assertThat(patient).isCompletedWithValue(null);
    slots.release();
    assertThat(slots.inUse()).isZero();
  }
}
