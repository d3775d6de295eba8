package io.tightbeam.executor;

import io.tightbeam.connection.Connections;
import io.tightbeam.inventory.Inventory;
import io.tightbeam.jobs.JobLauncher;
import io.tightbeam.jobs.Poller;
import io.tightbeam.jobs.registry.JobJournal;
import io.tightbeam.jobs.registry.JobRegistry;
import io.tightbeam.module.Modules;
import io.tightbeam.playbook.Play;
import io.tightbeam.playbook.Playbook;
import io.tightbeam.playbook.PlaybookParser;
import io.tightbeam.template.Templar;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The executor's front door: plans, then runs plays over the inventory and reports to the
 * listener; returns Ansible's exit code (0 ok, 2 a host failed, 4 a host unreachable).
 */
public final class PlaybookExecutor {
  private final RunOptions options;
  private final Inventory inventory;
  private final RunListener output;
  private final Templar templar;
  private final Modules modules;
  private final PlaybookParser parser;
  private final JobRegistry registry;
  private final boolean reattach;
  private final FactCache factCache;

  public PlaybookExecutor(RunOptions options, Inventory inventory, RunListener output,
      Templar templar, Modules modules, PlaybookParser parser) {
    this(options, inventory, output, templar, modules, parser, FactCache.none());
  }

  /** With a fact cache that outlives the run ({@code fact_caching}). */
  public PlaybookExecutor(RunOptions options, Inventory inventory, RunListener output,
      Templar templar, Modules modules, PlaybookParser parser, FactCache factCache) {
    this(options, inventory, output, templar, modules, parser, factCache, JobRegistry.OFF, false);
  }

  private PlaybookExecutor(RunOptions options, Inventory inventory, RunListener output,
      Templar templar, Modules modules, PlaybookParser parser, FactCache factCache, JobRegistry registry,
      boolean reattach) {
    this.registry = registry;
    this.reattach = reattach;
    this.factCache = factCache;
    this.options = options;
    this.inventory = inventory;
    this.output = output;
    this.templar = templar;
    this.modules = modules;
    this.parser = parser;
  }

  /** This executor recording the async jobs it launches in {@code registry}. */
  public PlaybookExecutor recordingJobs(JobRegistry registry) {
    return new PlaybookExecutor(options, inventory, output, templar, modules, parser, factCache, registry, reattach);
  }

  /**
   * This executor re-attaching to running jobs ({@code --reattach}): an async task whose job an
   * earlier run launched (same playbook, play, task, host, loop item and arguments) and the
   * registry lists as running is waited for, not launched again.
   */
  public PlaybookExecutor reattaching(boolean reattach) {
    return new PlaybookExecutor(options, inventory, output, templar, modules, parser, factCache, registry, reattach);
  }

  /** Checks every play before any host is touched; throws {@code InputException} with all problems. */
  public void plan(List<Playbook> playbooks) {
    new Plan(modules, new io.tightbeam.playbook.RoleSearch(options.settings().rolesPath()),
        Keywords.configuredLibraries(options.settings())).check(playbooks);
  }

  /** Runs the playbooks' plays in order and prints the recap. */
  public int run(List<Playbook> playbooks) {
    plan(playbooks);
    return execute(playbooks, true);
  }

  /** Runs plays that were built in memory (ad hoc), without a recap. */
  public int runAdHoc(Play play) {
    Playbook pb = new Playbook(play.baseDir().resolve("ad-hoc"), List.of(play));
    plan(List.of(pb));
    return execute(List.of(pb), false);
  }

  private int execute(List<Playbook> playbooks, boolean recap) {
    ExecutorService resultThread = Executors.newSingleThreadExecutor(named("tb-results"));
    ExecutorService forks = Executors.newFixedThreadPool(options.forks(), named("tb-fork"));
    RunListener listener = ResultThreadListener.bind(output, resultThread);
    RunStats stats = new RunStats();
    Map<String, HostState> states = new LinkedHashMap<>();
    try (Connections connections = new Connections(options.controllerEnv()); Poller poller = new Poller(registry::enabled);
        JobJournal journal = registry.journal(listener::warning)) {
      if (Plan.launchesJobs(playbooks)) {
        // opening the registry (~0.1 s: SQLite's library, the file, the schema) overlaps the run's
        // first tasks instead of holding up its first launch
        journal.prepare();
      }
      JobReattach reattached = reattach && registry.enabled() ? new JobReattach(journal) : null;
      for (Playbook pb : playbooks) {
        Path dir = pb.path().toAbsolutePath().getParent();
        templar.plugins().addBase(dir); // Ansible adds a playbook's plugin folders when it loads it
        templar.plugins().addCollections(dir);
        RunJobs jobs = new RunJobs(journal, recap ? pb.path().toAbsolutePath().normalize().toString() : null,
            reattached);
        PlayContext.Services services = new PlayContext.Services(options, inventory, templar, modules,
            parser, connections, new JobLauncher(), poller, forks, resultThread, listener, dir, jobs, factCache);
        if (recap) {
          listener.playbookStart(pb.path().toString(), pb.plays().size());
        }
        for (Play play : pb.plays()) {
          boolean batchFailed = new PlayRun(services, stats, states).run(play);
          if (batchFailed || states.values().stream().anyMatch(s -> s.stopped)) {
            break; // any_errors_fatal or max_fail_percentage ends the whole playbook, as in Ansible
          }
        }
        if (states.values().stream().anyMatch(s -> s.stopped)) {
          break;
        }
      }
      drain(resultThread);
      if (recap) {
        listener.recap(stats.snapshot());
      }
      listener.runEnd();
      drain(resultThread);
    } finally {
      forks.shutdownNow();
      resultThread.shutdown();
      // A run ended by an error still writes what the result thread holds (a task's header) before
      // the error is shown, as Ansible does: without the wait the header came after the ERROR or,
      // on exit, never (SemanticsIT role_files lost it in a clean clone).
      awaitQuietly(resultThread);
    }
    if (stats.anyUnreachable() && !(states.values().stream().anyMatch(s -> s.errorClears > 0)
        && states.values().stream().noneMatch(s -> s.unreachable))) {
      return 4;
    }
    // Ansible's code counts the hosts failed at the end: meta clear_host_errors forgives, the recap does not.
    boolean forgiven = states.values().stream().anyMatch(s -> s.errorClears > 0)
        && states.values().stream().noneMatch(s -> s.failed);
    return stats.anyFailed() && !forgiven ? 2 : 0;
  }

  private static void awaitQuietly(ExecutorService resultThread) {
    try {
      resultThread.awaitTermination(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void drain(ExecutorService resultThread) {
    try {
      resultThread.submit(() -> { }).get(1, TimeUnit.HOURS);
    } catch (Exception e) {
      throw new IllegalStateException("the result thread did not finish: " + e, e);
    }
  }

  private static java.util.concurrent.ThreadFactory named(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
