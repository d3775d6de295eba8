package io.tightbeam.cli;

import io.tightbeam.jobs.registry.JobCollector;
import io.tightbeam.jobs.registry.JobEnded;
import io.tightbeam.jobs.registry.JobRecord;
import io.tightbeam.jobs.registry.JobRegistry;
import java.io.Console;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Ctrl-C on a run with async jobs still running: on a terminal it asks once whether to kill them
 * (TERM, KILL after 5 s, as {@code tightbeam-jobs kill}) or leave them; without one it leaves
 * them and says how to find them. Runs in the shutdown hook, before the process ends.
 */
final class InterruptedJobs {
  /** The grace between TERM and KILL when the user chooses to kill. */
  static final Duration GRACE = Duration.ofSeconds(5);

  private InterruptedJobs() {}

  static void handle(JobRegistry registry, PrintStream err, Map<String, String> env, Console console) {
    if (registry == null || !registry.enabled()) {
      return;
    }
    List<JobRecord> running = registry.unfinished();
    if (running.isEmpty()) {
      return;
    }
    String what = running.size() == 1 ? "1 async job" : running.size() + " async jobs";
    if (console != null) {
      String answer = console.readLine("%s this run launched still running on %s. Kill %s? [y/N]: ",
          what, hosts(running), running.size() == 1 ? "it" : "them");
      if (answer != null && List.of("y", "yes").contains(answer.strip().toLowerCase(Locale.ROOT))) {
        kill(registry, running, err, env);
        return;
      }
    }
    err.println("[WARNING]: " + what + " this run launched " + (running.size() == 1 ? "is" : "are")
        + " left running: 'tightbeam-jobs list --running' lists them, 'tightbeam-jobs wait --running'"
        + " collects their results, 'tightbeam-jobs kill JID' stops one");
  }

  private static String hosts(List<JobRecord> jobs) {
    List<String> names = jobs.stream().map(j -> j.target().host()).distinct().toList();
    return names.size() <= 3 ? String.join(", ", names) : String.join(", ", names.subList(0, 3))
        + " and " + (names.size() - 3) + " more hosts";
  }

  private static void kill(JobRegistry registry, List<JobRecord> jobs, PrintStream err, Map<String, String> env) {
    List<JobEnded> ends = new ArrayList<>();
    int killed = 0;
    try (JobCollector collector = new JobCollector(env)) {
      List<CompletableFuture<JobCollector.Outcome>> kills = new ArrayList<>();
      jobs.forEach(j -> kills.add(collector.kill(j, "TERM", GRACE)));
      for (CompletableFuture<JobCollector.Outcome> k : kills) {
        JobCollector.Outcome o = k.join();
        if (o instanceof JobCollector.Outcome.Ended e) {
          ends.add(new JobEnded(e.job().jid(), e.job().target().host(), e.end()));
          killed++;
        } else if (o instanceof JobCollector.Outcome.Unreachable u) {
          err.println("[ERROR]: " + u.job().target().host() + " (" + u.job().jid() + ") is unreachable: " + u.msg());
        }
      }
    }
    registry.end(ends);
    err.println("killed " + killed + " of " + jobs.size() + " async jobs");
  }
}
