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

  @Test
  void aLowerLimitTakesPermitsBackAsTheyAreReleasedAndAHigherOneGrantsWaitersAtOnce() {
    AsyncSlots slots = new AsyncSlots(4);
    for (int i = 0; i < 4; i++) {
      slots.acquire();
    }
    CompletableFuture<Void> waiter = slots.acquire();
    slots.limit(2);
    slots.release(); // 3 in use, over the new limit: the permit is not handed on
    assertThat(waiter).isNotDone();
    assertThat(slots.inUse()).isEqualTo(3);
    slots.release();
    slots.release(); // 1 in use, under the limit again
    assertThat(waiter).isDone();
    assertThat(slots.inUse()).isEqualTo(2);

    CompletableFuture<Void> second = slots.acquire();
    CompletableFuture<Void> third = slots.acquire();
    slots.limit(3);
    assertThat(second).isDone();
    assertThat(third).isNotDone();
    assertThat(slots.inUse()).isEqualTo(3);
  }
}
