package io.tightbeam.executor;

import io.tightbeam.connection.Connections;
import io.tightbeam.inventory.Inventory;
import io.tightbeam.jobs.JobLauncher;
import io.tightbeam.jobs.Poller;
import io.tightbeam.module.Modules;
import io.tightbeam.playbook.Play;
import io.tightbeam.playbook.PlaybookParser;
import io.tightbeam.template.Templar;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;

/**
 * The services and state shared by every task of one play: the run's services (templar, modules,
 * connections, job launcher and poller, the run's job journal, the fact cache, the fork pool, the
 * listener already bound to the result thread) and the play's hosts and variables; {@code known}
 * is every host's state so far in the run (for {@code hostvars} of hosts outside the play);
 * {@code roles} what the play's roles export; {@code matched} the play's pattern as the inventory
 * matches it now.
 */
record PlayContext(
    Services services,
    Play play,
    Map<String, Object> playVars,
    Map<String, HostState> hosts,
    List<String> batch,
    RunStats stats,
    java.util.Set<String> rolesRun,
    Map<String, HostState> known,
    PlayRoles roles,
    PlayHosts matched) {

  /** What lives for a whole run. */
  record Services(
      RunOptions options,
      Inventory inventory,
      Templar templar,
      Modules modules,
      PlaybookParser parser,
      Connections connections,
      JobLauncher launcher,
      Poller poller,
      ExecutorService forks,
      ExecutorService resultThread,
      RunListener listener,
      Path playbookDir,
      RunJobs jobs,
      FactCache factCache) {}

  /**
   * A host's state for the run: the one kept so far, else a fresh one from the inventory (not
   * kept: workers read this, and only the play thread adds hosts between tasks).
   */
  HostState state(io.tightbeam.inventory.Host h) {
    HostState s = known.get(h.name());
    if (s != null) {
      return s;
    }
    HostState fresh = new HostState(h, services.inventory().hostVars(h, services.playbookDir()));
    fresh.facts.putAll(services.factCache().load(h.name()));
    return fresh;
  }

  RunOptions options() {
    return services.options();
  }

  Templar templar() {
    return services.templar();
  }

  RunListener listener() {
    return services.listener();
  }
}
