package io.tightbeam.jobs.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * One run's writes to the registry. The store is opened on a thread of its own when the run's
 * first job is about to launch ({@link #prepare}), so that opening overlaps the launch; {@link
 * #launched} waits for it and records the job before the launch is reported. Ends are queued and
 * written together: every end that arrives within {@link #GATHER_MILLIS} of the first (the jobs one
 * status command saw finish) goes in one transaction. A registry that fails is reported once to
 * {@code warnings} and the run goes on without it.
 */
public final class JobJournal implements AutoCloseable {
  /** Ends arriving this close together are written in one transaction. */
  static final long GATHER_MILLIS = 20;

  private final JobRegistry registry;
  private final Consumer<String> warnings;
  private final Queue<JobEnded> pending = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean drainQueued = new AtomicBoolean();
  private final AtomicBoolean warned = new AtomicBoolean();
  private ScheduledExecutorService writer;
  private CompletableFuture<JobStore> store;

  JobJournal(JobRegistry registry, Consumer<String> warnings) {
    this.registry = registry;
    this.warnings = warnings;
  }

  /** Starts opening the store, once; returns at once. */
  public synchronized void prepare() {
    if (store != null || !registry.enabled()) {
      return;
    }
    writer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "tightbeam-registry");
      t.setDaemon(true);
      return t;
    });
    store = CompletableFuture.supplyAsync(registry::open, writer);
  }

  /** Records a launched job; returns once it is written (or the registry has failed). */
  public void launched(JobRecord job) {
    prepare();
    CompletableFuture<JobStore> s = opened();
    if (s == null) {
      return;
    }
    try {
      s.join().add(job);
    } catch (RuntimeException e) {
      fail(e);
    }
  }

  /** Queues a job's end; it is written with the others that end at about the same time. */
  public void ended(JobEnded end) {
    prepare();
    if (opened() == null) {
      return;
    }
    pending.add(end);
    if (drainQueued.compareAndSet(false, true)) {
      try {
        writer.schedule(this::drain, GATHER_MILLIS, TimeUnit.MILLISECONDS);
      } catch (RuntimeException e) {
        drainQueued.set(false); // closing: close() writes what is pending
      }
    }
  }

  private synchronized CompletableFuture<JobStore> opened() {
    return store;
  }

  private void drain() {
    drainQueued.set(false);
    List<JobEnded> batch = new ArrayList<>();
    for (JobEnded e; (e = pending.poll()) != null; ) {
      batch.add(e);
    }
    if (batch.isEmpty()) {
      return;
    }
    try {
      store.join().end(batch);
    } catch (RuntimeException e) {
      fail(e);
    }
  }

  private void fail(RuntimeException e) {
    Throwable cause = e.getCause() instanceof RegistryException r ? r : e;
    if (warned.compareAndSet(false, true)) {
      warnings.accept("The job registry failed, this run's async jobs are not all recorded: "
          + cause.getMessage());
    }
  }

  /** Writes what is queued and closes the store. */
  @Override
  public void close() {
    CompletableFuture<JobStore> s = opened();
    if (s == null) {
      return;
    }
    try {
      writer.submit(this::drain).get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      fail(new RuntimeException("the last job ends were not written: " + e, e));
    }
    writer.shutdown();
    if (!s.isCompletedExceptionally()) {
      s.join().close();
    }
  }
}
