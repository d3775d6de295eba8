package io.tightbeam.jobs;

import io.tightbeam.connection.Become;
import io.tightbeam.connection.AsyncSlots;
import io.tightbeam.connection.Connection;
import io.tightbeam.connection.ExecRequest;
import io.tightbeam.module.TargetContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Gathers job file checks due at nearly the same moment on the same connection (and become
 * settings) into one remote status command. All bookkeeping happens on the single scheduler
 * thread, so it needs no locks; the command itself runs asynchronously on the connection.
 */
final class StatusBatcher {
  /** A status check reads a few small files; one that takes longer than this is lost. */
  static final java.time.Duration CHECK_TIMEOUT = java.time.Duration.ofSeconds(10);

  /** Checks whose due times differ by at most this much share a command. */
  static final long JOIN_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

  /** How long a watching check waits for others to share its command. */
  static final long WATCH_JOIN_NANOS = TimeUnit.MILLISECONDS.toNanos(30);

  /** A watch ends this much before its deadline, for the reply's way back. */
  static final long WATCH_MARGIN_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

  private static final long TENTH_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

  /**
   * Ordinary status commands in flight at once, over all hosts: a round of checks on a thousand
   * hosts would otherwise reach the targets at once, and on busy machines the last of them would
   * wait past their timeout in the servers' queues instead of in ours.
   */
  static final int CHECKS_IN_FLIGHT = 32;

  /** Waiting commands at once on one connection (each holds a channel while it waits). */
  static final int WATCHES_PER_CONNECTION = 2;

  /** One job file to check; a watching check ({@code until} > 0) may wait on the host until then. */
  private record Check(StatusScript.Entry entry, CompletableFuture<JobObservation> seen, long until) {}

  private static final class Batch {
    final long fireAt;
    final TargetContext target;
    final boolean watch;
    final List<Check> checks = new ArrayList<>();

    Batch(long fireAt, TargetContext target, boolean watch) {
      this.fireAt = fireAt;
      this.target = target;
      this.watch = watch;
    }
  }

  /** A connection by identity (two connections to one host are two hosts for us) plus become. */
  private record Key(Connection connection, Become become) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && k.connection == connection && Objects.equals(k.become, become);
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(connection) * 31 + Objects.hashCode(become);
    }
  }

  private final ScheduledExecutorService scheduler;
  private final AsyncSlots checksInFlight = new AsyncSlots(CHECKS_IN_FLIGHT);
  private final LongSupplier clock;
  private final String shell;
  private final Map<Key, List<Batch>> pending = new HashMap<>();
  private final Map<Key, Integer> watching = new HashMap<>();
  /** Per connection, the collected results to remove with its next command (see {@link #forget}). */
  private final Map<Key, Forgets> forgets = new HashMap<>();

  private record Forgets(TargetContext target, List<String> files) {}

  StatusBatcher(ScheduledExecutorService scheduler, LongSupplier clock, String shell) {
    this.scheduler = scheduler;
    this.clock = clock;
    this.shell = shell;
  }

  /** Checks {@code entry} in the command for its host that runs nearest {@code dueNanos}. */
  CompletableFuture<JobObservation> check(
      TargetContext target, StatusScript.Entry entry, long dueNanos) {
    return enqueue(target, new Check(entry, new CompletableFuture<>(), 0), dueNanos);
  }

  /**
   * Checks the {@code poll} entry {@code entry} in a command sent now that waits on the host, until
   * {@code untilNanos} at most, while a job it watches still runs: the reply comes when all of its
   * jobs have ended, or at {@code untilNanos}.
   */
  CompletableFuture<JobObservation> watch(
      TargetContext target, StatusScript.Entry entry, long untilNanos) {
    return enqueue(target, new Check(entry, new CompletableFuture<>(), untilNanos),
        clock.getAsLong() + WATCH_JOIN_NANOS);
  }

  /**
   * Queues the removal of {@code file} (a collected result the controller has recorded): it goes
   * with the next status command on {@code target}'s connection, or with {@link #sweep}.
   */
  void forget(TargetContext target, String file) {
    try {
      scheduler.execute(() -> forgets.computeIfAbsent(new Key(target.connection(), target.become()),
          k -> new Forgets(target, new ArrayList<>())).files().add(file));
    } catch (RuntimeException e) {
      // the poller is closed: the file stays, the next status check of the job reads it
    }
  }

  /**
   * Sends the removals no status command took, one command per connection; completes when they
   * are done (failures ignored: a file left is read by the next check of its job).
   */
  CompletableFuture<Void> sweep() {
    CompletableFuture<CompletableFuture<Void>> sent = new CompletableFuture<>();
    try {
      scheduler.execute(() -> {
        List<CompletableFuture<?>> commands = new ArrayList<>();
        forgets.forEach((key, f) -> {
          try {
            commands.add(f.target().connection().exec(f.target().become().wrap(
                ExecRequest.program(shell, removal(f.files())).withTimeout(CHECK_TIMEOUT)))
                .handle((r, e) -> null));
          } catch (RuntimeException e) {
            // a closed connection: nothing to remove with
          }
        });
        forgets.clear();
        sent.complete(CompletableFuture.allOf(commands.toArray(CompletableFuture[]::new)));
      });
    } catch (RuntimeException e) {
      return CompletableFuture.completedFuture(null);
    }
    return sent.thenCompose(f -> f);
  }

  private static String removal(List<String> files) {
    return "rm -f -- " + String.join(" ", files) + "\n";
  }

  private CompletableFuture<JobObservation> enqueue(TargetContext target, Check check, long fireAt) {
    try {
      scheduler.execute(() -> place(target, check, fireAt));
    } catch (RuntimeException e) {
      check.seen().completeExceptionally(e);
    }
    return check.seen();
  }

  private void place(TargetContext target, Check check, long due) {
    Key key = new Key(target.connection(), target.become());
    List<Batch> batches = pending.computeIfAbsent(key, k -> new ArrayList<>());
    boolean watch = check.until() > 0;
    for (Batch b : batches) {
      if (b.watch == watch && Math.abs(b.fireAt - due) <= JOIN_NANOS) {
        b.checks.add(check);
        return;
      }
    }
    Batch batch = new Batch(due, target, watch);
    batch.checks.add(check);
    batches.add(batch);
    long delay = Math.max(0, due - clock.getAsLong());
    scheduler.schedule(() -> flush(key, batch), delay, TimeUnit.NANOSECONDS);
  }

  private void flush(Key key, Batch batch) {
    List<Batch> batches = pending.get(key);
    batches.remove(batch);
    if (batches.isEmpty()) {
      pending.remove(key);
    }
    int tenths = 0;
    if (batch.watch) {
      long until = batch.checks.stream().mapToLong(Check::until).min().orElseThrow();
      if (watching.getOrDefault(key, 0) >= WATCHES_PER_CONNECTION) {
        // a waiting command holds one of the session's few channels: past this many, the
        // cycle's check is an ordinary one at its due time
        scheduler.schedule(() -> send(key, batch, 0), Math.max(0, until - clock.getAsLong()), TimeUnit.NANOSECONDS);
        return;
      }
      tenths = (int) Math.max(0, (until - WATCH_MARGIN_NANOS - clock.getAsLong()) / TENTH_NANOS);
    }
    send(key, batch, tenths);
  }

  private void send(Key key, Batch batch, int tenths) {
    List<StatusScript.Entry> entries = batch.checks.stream().map(Check::entry).toList();
    if (tenths > 0) {
      watching.merge(key, 1, Integer::sum);
    }
    // what ends with the command: a waiting one gives back its place on the connection, an
    // ordinary one its place among the checks in flight
    Runnable ended = tenths > 0
        ? () -> {
          try {
            scheduler.execute(() -> watching.computeIfPresent(key, (k, n) -> n > 1 ? n - 1 : null));
          } catch (RuntimeException e) {
            // the poller is closing
          }
        }
        : checksInFlight::release;
    Forgets taken = forgets.remove(key);
    StatusScript script = new StatusScript(entries, tenths, taken == null ? List.of() : taken.files());
    ExecRequest request =
        ExecRequest.program(shell, script.text())
            // a check caught by a link that died silently would otherwise wait for the SSH
            // heartbeat (about a minute) and carry its waiters far past their jobs' deadlines
            .withTimeout(CHECK_TIMEOUT.plusMillis(100L * tenths));
    if (tenths > 0) {
      exec(batch, script, request, ended);
    } else {
      checksInFlight.acquire().thenRun(() -> exec(batch, script, request, ended));
    }
  }

  /** Runs one status command and answers its checks; runs {@code ended} once it is over. */
  private static void exec(Batch batch, StatusScript script, ExecRequest request, Runnable ended) {
    Connection connection = batch.target.connection();
    try {
      connection
          .exec(batch.target.become().wrap(request))
          .thenApply(result -> script.parse(result, connection.host()))
          .whenComplete(
              (seen, failure) -> {
                ended.run();
                for (int i = 0; i < batch.checks.size(); i++) {
                  CompletableFuture<JobObservation> f = batch.checks.get(i).seen();
                  if (failure != null) {
                    f.completeExceptionally(failure);
                  } else {
                    f.complete(seen.get(i));
                  }
                }
              });
    } catch (RuntimeException e) {
      ended.run();
      batch.checks.forEach(c -> c.seen().completeExceptionally(e));
    }
  }

  /** Fails every check not yet sent; call on the scheduler thread or after it stopped. */
  void cancelPending(RuntimeException why) {
    pending.values().forEach(bs -> bs.forEach(b -> b.checks.forEach(
        c -> c.seen().completeExceptionally(why))));
    pending.clear();
  }
}
