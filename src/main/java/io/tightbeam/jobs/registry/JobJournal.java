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
 * One run's writes to the registry, all made on one thread of the journal's own. The store is
 * opened there when the run's first job is about to launch ({@link #prepare}), so that opening
 * overlaps the launch. Writes are gathered: the launches that arrive while a write is under way
 * (a fork's worth of hosts launching at once) go in the next transaction together, and so do the
 * ends that arrive within {@link #GATHER_MILLIS} of each other (the jobs one status command saw
 * finish). A registry that fails is reported once to {@code warnings}; the run goes on.
 */
public final class JobJournal implements AutoCloseable {
  /** Ends arriving this close together are written in one transaction. */
  static final long GATHER_MILLIS = 20;

  private record Launch(JobRecord job, CompletableFuture<Void> written) {}

  private record End(JobEnded end, CompletableFuture<Void> written) {}

  private final JobRegistry registry;
  private final Consumer<String> warnings;
  private final Queue<Launch> launches = new ConcurrentLinkedQueue<>();
  private final Queue<End> ends = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean drainQueued = new AtomicBoolean();
  private final AtomicBoolean warned = new AtomicBoolean();
  /** This run's jobs whose end it has not seen, by "jid host". */
  private final java.util.Map<String, JobRecord> open = new java.util.concurrent.ConcurrentHashMap<>();
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

  /**
   * Records a launched job; returns once it is written with the launches gathered with it (or
   * the registry has failed): call before the launch is reported.
   */
  public void launched(JobRecord job) {
    prepare();
    if (opened() == null) {
      return;
    }
    open.put(job.jid() + " " + job.target().host(), job);
    Launch launch = new Launch(job, new CompletableFuture<>());
    launches.add(launch);
    queueDrain(0);
    launch.written().join();
  }

  /**
   * The jobs the registry lists as running (this run's and others'), read once for {@code
   * --reattach}; empty when the registry fails (reported as a warning, as a failed write is).
   */
  public List<JobRecord> running() {
    prepare();
    CompletableFuture<JobStore> s = opened();
    if (s == null) {
      return List.of();
    }
    try {
      return s.join().list(new JobQuery(java.util.Set.of(JobState.RUNNING), null, List.of()));
    } catch (RuntimeException e) {
      fail(e);
      return List.of();
    }
  }

  /**
   * Queues a job's end; it is written with the others that end at about the same time. Completes
   * once written, or at once without a registry (or after it failed, reported as a warning).
   */
  public CompletableFuture<Void> ended(JobEnded end) {
    prepare();
    if (opened() == null) {
      return CompletableFuture.completedFuture(null);
    }
    open.remove(end.jid() + " " + end.host());
    End queued = new End(end, new CompletableFuture<>());
    ends.add(queued);
    queueDrain(GATHER_MILLIS);
    return queued.written();
  }

  private void queueDrain(long delayMillis) {
    if (drainQueued.compareAndSet(false, true)) {
      try {
        writer.schedule(this::drain, delayMillis, TimeUnit.MILLISECONDS);
      } catch (RuntimeException e) {
        drainQueued.set(false); // closing: close() writes what is queued
      }
    }
  }

  private synchronized CompletableFuture<JobStore> opened() {
    return store;
  }

  /** Writes every queued launch, then every queued end; on the writer thread only. */
  private void drain() {
    drainQueued.set(false);
    List<Launch> batch = new ArrayList<>();
    for (Launch l; (l = launches.poll()) != null; ) {
      batch.add(l);
    }
    List<End> ended = new ArrayList<>();
    for (End e; (e = ends.poll()) != null; ) {
      ended.add(e);
    }
    try {
      if (!batch.isEmpty()) {
        store.join().add(batch.stream().map(Launch::job).toList());
      }
      if (!ended.isEmpty()) {
        store.join().end(ended.stream().map(End::end).toList());
      }
    } catch (RuntimeException e) {
      fail(e);
    } finally {
      batch.forEach(l -> l.written().complete(null));
      ended.forEach(e -> e.written().complete(null));
    }
  }

  private void fail(RuntimeException e) {
    Throwable cause = e.getCause() instanceof RegistryException r ? r : e;
    if (warned.compareAndSet(false, true)) {
      warnings.accept("The job registry failed, this run's async jobs are not all recorded: "
          + cause.getMessage());
    }
  }

  /** The jobs this journal recorded as launched and not as ended. */
  public List<JobRecord> unfinished() {
    return List.copyOf(open.values());
  }

  /** Writes what is queued now, waiting at most 5 s (on Ctrl-C, before the process ends). */
  public void flush() {
    if (opened() == null) {
      return;
    }
    try {
      writer.submit(this::drain).get(5, TimeUnit.SECONDS);
    } catch (Exception e) {
      fail(new RuntimeException("the last job ends were not written: " + e, e));
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
