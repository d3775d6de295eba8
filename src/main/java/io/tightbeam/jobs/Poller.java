package io.tightbeam.jobs;

import io.tightbeam.module.TargetContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Waits for async jobs without holding a thread per job or per host: one scheduler checks, each
 * cycle, all the jobs due on a host in one remote command, and async_status requests made at the
 * same moment for the same host share that command. Also serves single status checks ({@link
 * #status}) for the async_status module. One Poller per run; {@link #close} at the end of the run.
 */
public final class Poller implements AutoCloseable {
  /** How long a {@link #status} request waits for others to share its command. */
  static final long WINDOW_NANOS = TimeUnit.MILLISECONDS.toNanos(30);

  /** A watching check back this long before its due time did not wait out its cycle. */
  static final long EARLY_NANOS = TimeUnit.MILLISECONDS.toNanos(300);

  private final ScheduledExecutorService scheduler;
  private final LongSupplier clock;
  private final StatusBatcher batcher;
  private final Set<CompletableFuture<Map<String, Object>>> waiting = ConcurrentHashMap.newKeySet();
  private final java.util.function.BooleanSupplier keep;
  /** The job files a check moved aside (collect), by path, until {@link #forget}. */
  private final Set<String> moved = ConcurrentHashMap.newKeySet();

  /** A poller that removes a job file when it reads the job's end (Ansible's cleanup). */
  public Poller() {
    this(() -> false);
  }

  /**
   * A poller that, while {@code keep} says so (asked at each wait: a job registry records the
   * ends), moves a finished job file aside instead of removing it, until {@link #forget}: a
   * controller killed between reading a result and recording it loses nothing.
   */
  public Poller(java.util.function.BooleanSupplier keep) {
    this(
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "tightbeam-poller");
              t.setDaemon(true);
              return t;
            }),
        System::nanoTime,
        "/bin/sh", keep);
  }

  /** A poller on {@code scheduler} (one thread) reading time from {@code clock} (nanoseconds). */
  Poller(ScheduledExecutorService scheduler, LongSupplier clock, String shell) {
    this(scheduler, clock, shell, () -> false);
  }

  private Poller(ScheduledExecutorService scheduler, LongSupplier clock, String shell,
      java.util.function.BooleanSupplier keep) {
    this.keep = keep;
    this.scheduler = scheduler;
    this.clock = clock;
    this.batcher = new StatusBatcher(scheduler, clock, shell);
  }

  /**
   * Polls {@code jid} every {@code pollSeconds} until it finishes or {@code timeLimitSeconds} (from
   * now, monotonic) pass. Each unfinished check is reported to {@code onPoll} (for {@code ASYNC
   * POLL}). Completes with the final result: the job's result merged with the status keys (the job
   * file then removed, Ansible's automatic cleanup), or {@code {"failed": true, "msg": "async task
   * did not complete within the requested time - Ns", "async_result": <last status>}}.
   *
   * <p>As in Ansible, there is one check per {@code pollSeconds} and {@code ceil(timeLimit / poll)}
   * checks at most, the first ending {@code pollSeconds} after this call; time is measured from
   * this call, not summed sleeps. Each check is sent at the start of its cycle and waits on the host
   * while the job runs (see {@link StatusBatcher#watch}), so the end is seen within about 0.1 s.
   * {@code onPoll} and the completion run on the poller's thread: keep them short. A check that
   * fails with a connection error is retried at the next cycle; when time is up the result is
   * failed with that error in {@code msg}. On controller timeout the job is not killed here (its
   * own time limit, started at launch, stops it on the target).
   */
  public CompletableFuture<Map<String, Object>> await(
      TargetContext target,
      String asyncDir,
      JobId jid,
      int pollSeconds,
      int timeLimitSeconds,
      Consumer<Map<String, Object>> onPoll) {
    if (pollSeconds < 1) {
      throw new IllegalArgumentException("poll must be at least 1 second, got " + pollSeconds);
    }
    Waiter w = new Waiter(target, asyncDir, jid, pollSeconds, timeLimitSeconds, onPoll,
        keep.getAsBoolean() ? StatusScript.Mode.COLLECT : StatusScript.Mode.POLL);
    waiting.add(w.result);
    w.result.whenComplete((r, e) -> waiting.remove(w.result));
    w.checkNext();
    return w.result;
  }

  /**
   * Ansible's {@code async_status} module: {@code mode} is {@code status} or {@code cleanup}.
   * Completes with the result dictionary of spec §5 (pre-filled keys, {@code finished}, {@code
   * started}, {@code results_file} or {@code erased}, {@code stdout_lines}, {@code stderr_lines});
   * {@code failed: true} with {@code could not find job} for an unknown id. A transport failure
   * completes exceptionally with {@code ConnectionException}.
   */
  public CompletableFuture<Map<String, Object>> status(
      TargetContext target, String asyncDir, JobId jid, String mode) {
    StatusScript.Mode m = switch (mode) {
      case "status" -> StatusScript.Mode.STATUS;
      case "cleanup" -> StatusScript.Mode.CLEANUP;
      default -> throw new IllegalArgumentException(
          "value of mode must be one of: status, cleanup, got: " + mode);
    };
    return batcher
        .check(target, new StatusScript.Entry(asyncDir, jid, m), clock.getAsLong() + WINDOW_NANOS)
        .thenApply(seen -> JobStatus.result(jid, mode, seen));
  }

  /**
   * The end of {@code jid}, which {@link #await} read, is recorded: the job file it moved aside is
   * removed with the next status command on {@code target}, or at {@link #close}.
   */
  public void forget(TargetContext target, String asyncDir, JobId jid) {
    String file = RemotePath.jobFile(asyncDir, jid);
    if (moved.remove(file)) {
      batcher.forget(target, file + ".seen");
    }
  }

  /**
   * As {@link #forget}, also when this poller did not move the file aside: a status check reads a
   * result an earlier controller moved aside and did not record (it was killed in between).
   */
  public void forgetSeen(TargetContext target, String asyncDir, JobId jid) {
    moved.remove(RemotePath.jobFile(asyncDir, jid));
    batcher.forget(target, RemotePath.jobFile(asyncDir, jid) + ".seen");
  }

  /** Removes the results {@link #forget} was told of that no status command took, then stops. */
  @Override
  public void close() {
    try {
      batcher.sweep().get(StatusBatcher.CHECK_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      // the files stay; the next status check of their jobs reads them
    }
    scheduler.shutdownNow();
    try {
      scheduler.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    CancellationException closed = new CancellationException("the poller was closed");
    batcher.cancelPending(closed);
    waiting.forEach(f -> f.completeExceptionally(closed));
  }

  /** One job being waited for; its state changes only on the scheduler thread. */
  private final class Waiter {
    final CompletableFuture<Map<String, Object>> result = new CompletableFuture<>();
    final TargetContext target;
    final String asyncDir;
    final JobId jid;
    final long pollNanos;
    final int limit;
    final Consumer<Map<String, Object>> onPoll;
    final StatusScript.Mode mode;
    final long start = clock.getAsLong();
    int checks;
    Map<String, Object> last;
    Throwable lastError;

    Waiter(TargetContext target, String asyncDir, JobId jid, int poll, int limit,
        Consumer<Map<String, Object>> onPoll, StatusScript.Mode mode) {
      this.mode = mode;
      this.target = target;
      this.asyncDir = asyncDir;
      this.jid = jid;
      this.pollNanos = TimeUnit.SECONDS.toNanos(poll);
      this.limit = limit;
      this.onPoll = onPoll;
    }

    /**
     * The next cycle's check: sent now, it waits on the host until the cycle's due time while the
     * job runs, so the job's end is seen about 0.1 s after it happens, not at the next poll.
     */
    void checkNext() {
      long previousDue = start + checks * pollNanos;
      checks++;
      long due = start + checks * pollNanos;
      long wait = previousDue - clock.getAsLong();
      if (wait > 0) {
        // the last check failed early (a connection error): the next one waits for its cycle
        try {
          scheduler.schedule(() -> watchUntil(due), wait, TimeUnit.NANOSECONDS);
        } catch (RuntimeException e) {
          result.completeExceptionally(e);
        }
      } else {
        watchUntil(due);
      }
    }

    void watchUntil(long due) {
      batcher
          .watch(target, entry(), due)
          .whenComplete((seen, failure) -> run(() -> handle(seen, failure, due)));
    }

    /** A check at the due time itself, for a watch that came back early with the job running. */
    void checkAt(long due) {
      batcher
          .check(target, entry(), due)
          .whenComplete((seen, failure) -> run(() -> handle(seen, failure, 0)));
    }

    StatusScript.Entry entry() {
      return new StatusScript.Entry(asyncDir, jid, mode);
    }

    void run(Runnable step) {
      try {
        scheduler.execute(step);
      } catch (RuntimeException e) {
        result.completeExceptionally(e);
      }
    }

    /** A check's outcome; {@code watchedUntil} is the due time of a watching check, else 0. */
    void handle(JobObservation seen, Throwable failure, long watchedUntil) {
      try {
        if (failure != null) {
          lastError = failure instanceof CompletionException && failure.getCause() != null
              ? failure.getCause() : failure;
        } else {
          lastError = null;
          if (mode == StatusScript.Mode.COLLECT && seen.removed()) {
            moved.add(RemotePath.jobFile(asyncDir, jid));
          }
          last = JobStatus.result(jid, "status", seen);
          if (isDone(last)) {
            result.complete(last);
            return;
          }
          if (watchedUntil > 0 && clock.getAsLong() < watchedUntil - EARLY_NANOS) {
            // the host could not wait (no fractional sleep, or it watched with finished jobs):
            // this cycle ends with an ordinary check at its due time
            checkAt(watchedUntil);
            return;
          }
          onPoll.accept(last);
        }
        long limitNanos = TimeUnit.SECONDS.toNanos(limit);
        // checks slowed by a dead link (each waits out a connect timeout) must not stretch the deadline
        if ((long) checks * pollNanos >= limitNanos || clock.getAsLong() - start >= limitNanos) {
          result.complete(timedOut());
        } else {
          checkNext();
        }
      } catch (RuntimeException e) {
        result.completeExceptionally(e);
      }
    }

    Map<String, Object> timedOut() {
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("failed", true);
      String msg = "async task did not complete within the requested time - " + limit + "s";
      if (lastError != null) {
        msg += "; the last status check failed: " + lastError.getMessage();
      }
      r.put("msg", msg);
      if (last != null) {
        r.put("async_result", last);
      }
      r.put("changed", false);
      return r;
    }
  }

  private static boolean isDone(Map<String, Object> status) {
    return JobStatus.truthy(status.get("finished"))
        || JobStatus.truthy(status.get("failed"))
        || status.containsKey("skipped");
  }
}
