package io.tightbeam.cli;

import io.tightbeam.config.SettingsLoader;
import io.tightbeam.jobs.JobLogs;
import io.tightbeam.jobs.registry.JobCollector;
import io.tightbeam.jobs.registry.JobEnded;
import io.tightbeam.jobs.registry.JobQuery;
import io.tightbeam.jobs.registry.JobRecord;
import io.tightbeam.jobs.registry.JobRegistry;
import io.tightbeam.jobs.registry.JobState;
import io.tightbeam.jobs.registry.RegistryException;
import io.tightbeam.yaml.Diagnostic;
import io.tightbeam.yaml.InputException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tightbeam-jobs}: the async jobs in the job registry, whichever run launched them, and
 * that run alive or not: {@code list}, {@code show}, {@code wait}, {@code kill}, {@code refresh},
 * {@code logs}, {@code prune}, {@code timeline}.
 */
@Command(name = "tightbeam-jobs", versionProvider = Version.class,
    description = "list, show and collect the async jobs that tightbeam and tightbeam-playbook launched",
    subcommands = {JobsCli.ListJobs.class, JobsCli.Show.class, JobsCli.Wait.class, JobsCli.Kill.class,
        JobsCli.Refresh.class, JobsCli.Logs.class, JobsCli.Prune.class,
        JobsCli.Timeline.class})
public final class JobsCli implements Callable<Integer> {
  @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help message and exit")
  boolean help;

  final PrintStream out;
  final PrintStream err;
  final Map<String, String> env;

  JobsCli(PrintStream out, PrintStream err, Map<String, String> env) {
    this.out = out;
    this.err = err;
    this.env = env;
  }

  public static void main(String[] argv) {
    System.exit(execute(argv, System.out, System.err, System.getenv()));
  }

  /** Runs the command as the process would, with {@code env} as its environment; returns the exit code. */
  public static int execute(String[] argv, PrintStream out, PrintStream err, Map<String, String> env) {
    if (Version.asked(argv)) {
      return Version.print("tightbeam-jobs", out, env);
    }
    return Cli.commandLine(new JobsCli(out, err, env), out, err).execute(argv);
  }

  @Override
  public Integer call() {
    err.println("usage: tightbeam-jobs [-h] [--version] {list,show,wait,kill,refresh,logs,prune,timeline} ...");
    err.println("tightbeam-jobs: error: the following arguments are required: action");
    return 2;
  }

  JobRegistry registry() {
    Path cwd = Path.of("").toAbsolutePath();
    String home = env.get("HOME");
    Path homeDir = Path.of(home == null || home.isBlank() ? System.getProperty("user.home") : home);
    return JobRegistry.at(() -> SettingsLoader.jobRegistry(env, cwd, homeDir), homeDir, env);
  }

  boolean color() {
    return System.console() != null && !env.containsKey("NO_COLOR")
        && !List.of("1", "true", "yes").contains(env.getOrDefault("ANSIBLE_NOCOLOR", "").toLowerCase());
  }

  /** What every action shares: the selection flags and errors as Ansible's ERROR! blocks. */
  abstract static class Action implements Callable<Integer> {
    @CommandLine.ParentCommand
    JobsCli cli;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help message and exit")
    boolean help;

    @Option(names = "--host", paramLabel = "PATTERN", description = "only jobs on hosts matching this host pattern")
    String host;

    @Option(names = "--json", description = "print a JSON array of job records")
    boolean json;

    @Override
    public Integer call() {
      return Guard.run(cli.out, cli.err, 0, () -> {
        try {
          return run(cli.registry());
        } catch (RegistryException e) {
          throw new InputException(List.of(new Diagnostic(e.getMessage(), "", null)), 1);
        }
      });
    }

    abstract int run(JobRegistry registry) throws Exception;

    List<JobRecord> select(JobRegistry registry, JobQuery query) {
      return JobTable.onHosts(registry.list(query), host);
    }

    /**
     * Runs {@code step} on every job at once, records the ends seen, prints the jobs as the
     * registry then has them, and returns Ansible's exit code: 4 a host unreachable, 2 a job
     * not in an {@code ok} state, else 0.
     */
    int collect(JobRegistry registry, List<JobRecord> jobs,
        BiFunction<JobCollector, JobRecord, CompletableFuture<JobCollector.Outcome>> step, Set<JobState> ok) {
      List<CompletableFuture<JobCollector.Outcome>> steps = new ArrayList<>();
      List<JobEnded> ends = new ArrayList<>();
      List<JobRecord> ended = new ArrayList<>();
      boolean unreachable = false;
      try (JobCollector collector = new JobCollector(cli.env)) {
        jobs.forEach(j -> steps.add(step.apply(collector, j)));
        for (CompletableFuture<JobCollector.Outcome> s : steps) {
          JobCollector.Outcome o = s.join();
          if (o instanceof JobCollector.Outcome.Ended e) {
            ends.add(new JobEnded(e.job().jid(), e.job().target().host(), e.end()));
            ended.add(e.job());
          } else if (o instanceof JobCollector.Outcome.Unreachable u) {
            unreachable = true;
            cli.err.println("[ERROR]: " + u.job().target().host() + " (" + u.job().jid() + ") is unreachable: " + u.msg());
          }
        }
        // the results read stay on their hosts until recorded (killed before: the next wait reads them)
        registry.end(ends);
        ended.forEach(collector::forget);
      }
      // read back: a job another process collected first keeps the end that process recorded
      List<JobRecord> after = jobs.isEmpty() ? jobs : JobTable.onHosts(registry.list(
          new JobQuery(Set.of(), null, jobs.stream().map(JobRecord::jid).distinct().toList())), host);
      cli.out.print(json ? JobTable.json(after) : JobTable.text(after, cli.color()));
      if (unreachable) {
        return 4;
      }
      return after.stream().allMatch(j -> ok.contains(j.state())) ? 0 : 2;
    }
  }

  @Command(name = "list", description = "list the jobs in the registry, oldest first")
  static final class ListJobs extends Action {
    @Option(names = "--running", description = "only running jobs")
    boolean running;

    @Option(names = "--finished", description = "only jobs that ended without failing")
    boolean finished;

    @Option(names = "--failed", description = "only jobs that failed, were killed or were lost")
    boolean failed;

    @Option(names = "--since", paramLabel = "AGE", description = "only jobs started within AGE (30s, 15m, 2h, 7d)")
    String since;

    @Option(names = "--playbook", paramLabel = "FILE", description = "only jobs this playbook launched")
    Path playbook;

    @Override
    int run(JobRegistry registry) {
      Set<JobState> states = EnumSet.noneOf(JobState.class);
      if (running) {
        states.add(JobState.RUNNING);
      }
      if (finished) {
        states.add(JobState.FINISHED);
      }
      if (failed) {
        states.addAll(List.of(JobState.FAILED, JobState.KILLED, JobState.LOST));
      }
      JobQuery query = new JobQuery(states, since == null ? null : JobTable.since(since), List.of());
      List<JobRecord> jobs = select(registry, query);
      if (playbook != null) {
        String file = playbook.toAbsolutePath().normalize().toString();
        jobs = jobs.stream().filter(j -> file.equals(j.origin().playbook())).toList();
      }
      cli.out.print(json ? JobTable.json(jobs) : JobTable.text(jobs, cli.color()));
      return 0;
    }
  }

  @Command(name = "show", description = "show one job's record")
  static final class Show extends Action {
    @Parameters(paramLabel = "JID", description = "the job id")
    String jid;

    @Override
    int run(JobRegistry registry) {
      List<JobRecord> jobs = select(registry, new JobQuery(Set.of(), null, List.of(jid)));
      if (jobs.isEmpty()) {
        throw new InputException(List.of(new Diagnostic(
            "no job " + jid + " in the job registry " + registry.describe(), "", null)), 1);
      }
      cli.out.print(json ? JobTable.json(jobs) : JobTable.details(jobs));
      return 0;
    }
  }

  @Command(name = "wait", description = "wait for running jobs and record their results")
  static final class Wait extends Action {
    @Parameters(paramLabel = "JID", arity = "0..*", description = "the jobs to wait for (default: every running job)")
    List<String> jids = new ArrayList<>();

    @Option(names = "--running", description = "every running job (the default)")
    boolean running;

    @Option(names = "--timeout", paramLabel = "S", description = "give up after S seconds (default: each job's own time limit)")
    Integer timeout;

    @Override
    int run(JobRegistry registry) {
      List<JobRecord> jobs = select(registry, new JobQuery(Set.of(JobState.RUNNING), null, jids));
      Duration limit = timeout == null ? null : Duration.ofSeconds(timeout);
      // a job still running when the time is up counts as failed, as an async task that timed out
      return collect(registry, jobs, (c, j) -> c.await(j, limit), Set.of(JobState.FINISHED));
    }
  }

  @Command(name = "refresh", description = "check every running job once; record those that ended or whose runner is gone")
  static final class Refresh extends Action {
    @Override
    int run(JobRegistry registry) {
      List<JobRecord> jobs = select(registry, new JobQuery(Set.of(JobState.RUNNING), null, List.of()));
      // the job files stay: a playbook's async_status may still read them
      return collect(registry, jobs, JobCollector::check, EnumSet.of(JobState.RUNNING, JobState.FINISHED));
    }
  }

  @Command(name = "kill", description = "kill running jobs: their whole process tree on the host, the job file finished as killed")
  static final class Kill extends Action {
    @Parameters(paramLabel = "JID", arity = "0..*", description = "the jobs to kill (or --host)")
    List<String> jids = new ArrayList<>();

    @Option(names = "--signal", paramLabel = "SIG", description = "the first signal (default TERM); KILL follows the grace")
    String signal = "TERM";

    @Option(names = "--grace", paramLabel = "S", description = "seconds between the signal and KILL (default 5)")
    double grace = 5;

    @Override
    int run(JobRegistry registry) {
      if (jids.isEmpty() && host == null) {
        throw new InputException(List.of(new Diagnostic(
            "tightbeam-jobs kill needs job ids or --host PATTERN", "", null)), 2);
      }
      if (!io.tightbeam.jobs.JobKill.SIGNALS.contains(signal.toUpperCase().replaceFirst("^SIG", ""))) {
        throw new InputException(List.of(new Diagnostic("unsupported signal '" + signal + "': use one of "
            + new java.util.TreeSet<>(io.tightbeam.jobs.JobKill.SIGNALS), "", null)), 2);
      }
      List<JobRecord> jobs = select(registry, new JobQuery(Set.of(JobState.RUNNING), null, jids));
      Duration wait = Duration.ofMillis((long) (grace * 1000));
      // a job that ended before the kill reached it is no failure of the kill
      return collect(registry, jobs, (c, j) -> c.kill(j, signal, wait),
          EnumSet.of(JobState.KILLED, JobState.FINISHED, JobState.FAILED, JobState.LOST));
    }
  }

  @Command(name = "logs", description = "print a job's output so far (stdout here, stderr on stderr); -f follows it until the job ends")
  static final class Logs extends Action {
    /** How long one follow command waits on the host for new output (tenths of a second). */
    static final int WATCH_TENTHS = 50;

    /** The least time between the starts of two follow commands, so a chatty job is read in chunks. */
    static final long CYCLE_MILLIS = 200;

    @Parameters(paramLabel = "JID", description = "the job id")
    String jid;

    @Option(names = {"-f", "--follow"}, description = "print new output as it comes, until the job ends")
    boolean follow;

    @Override
    int run(JobRegistry registry) throws Exception {
      JobRecord job = one(registry, jid, host);
      if (io.tightbeam.jobs.registry.JobOrigin.CENSORED.equals(job.origin().args())) {
        throw new InputException(List.of(new Diagnostic("job " + jid + " was launched under no_log: its output is not shown",
            "", null)), 1);
      }
      long outAt = 0;
      long errAt = 0;
      JobLogs.Chunk chunk;
      try (JobCollector collector = new JobCollector(cli.env)) {
        while (true) {
          long start = System.nanoTime();
          try {
            chunk = collector.logs(job, outAt, errAt, follow ? WATCH_TENTHS : 0).join();
          } catch (java.util.concurrent.CompletionException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            cli.err.println("[ERROR]: " + job.target().host() + " (" + job.jid() + ") is unreachable: " + cause.getMessage());
            return 4;
          }
          cli.out.write(chunk.stdout());
          cli.out.flush();
          cli.err.write(chunk.stderr());
          cli.err.flush();
          outAt += chunk.stdout().length;
          errAt += chunk.stderr().length;
          if (!follow || !chunk.running()) {
            break;
          }
          long left = CYCLE_MILLIS - java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
          if (left > 0) {
            Thread.sleep(left);
          }
        }
        if (chunk.state().equals("gone") && outAt == 0 && errAt == 0) {
          cli.err.println("[WARNING]: no output of job " + job.jid() + " is left on " + job.target().host()
              + ": the job ended (" + job.state().text() + ") and its files were collected");
        } else if (chunk.state().equals("lost")) {
          cli.err.println("[WARNING]: job " + job.jid() + " on " + job.target().host() + " is lost: " + chunk.lost());
        }
        if (!follow || chunk.running() || chunk.state().equals("gone")) {
          return 0;
        }
        // followed to its end: the end goes in the registry, the exit code as wait's
        JobCollector.Outcome o = collector.check(job).join();
        if (o instanceof JobCollector.Outcome.Ended e) {
          registry.end(List.of(new JobEnded(job.jid(), job.target().host(), e.end())));
          collector.forget(job);
          return e.end().state() == JobState.FINISHED ? 0 : 2;
        }
        return 0;
      }
    }
  }

  @Command(name = "prune", description = "remove the files of jobs that ended on their hosts, and their records")
  static final class Prune extends Action {
    @Option(names = "--older-than", paramLabel = "AGE", description = "only jobs that ended more than AGE ago (30s, 15m, 2h, 7d; default 7d)")
    String olderThan = "7d";

    @Override
    int run(JobRegistry registry) {
      java.time.Instant before = JobTable.ago(olderThan, "--older-than");
      List<JobRecord> ended = select(registry, new JobQuery(
          EnumSet.complementOf(EnumSet.of(JobState.RUNNING)), null, List.of())).stream()
          .filter(j -> j.end() != null && j.end().ended().isBefore(before)).toList();
      Map<io.tightbeam.jobs.registry.JobTarget, List<JobRecord>> byTarget = new java.util.LinkedHashMap<>();
      ended.forEach(j -> byTarget.computeIfAbsent(j.target(), t -> new ArrayList<>()).add(j));
      List<JobRecord> pruned = new ArrayList<>();
      boolean unreachable = false;
      try (JobCollector collector = new JobCollector(cli.env)) {
        Map<io.tightbeam.jobs.registry.JobTarget, CompletableFuture<Set<String>>> rounds = new java.util.LinkedHashMap<>();
        byTarget.forEach((t, jobs) -> rounds.put(t, collector.prune(t, jobs)));
        for (var round : rounds.entrySet()) {
          try {
            Set<String> gone = round.getValue().join();
            byTarget.get(round.getKey()).stream().filter(j -> gone.contains(j.jid())).forEach(pruned::add);
          } catch (java.util.concurrent.CompletionException e) {
            // the records stay, so that a later prune removes the files once the host is back
            unreachable = true;
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            cli.err.println("[ERROR]: " + round.getKey().host() + " is unreachable, its job files and records stay: "
                + cause.getMessage());
          }
        }
      }
      registry.remove(pruned);
      cli.out.print(json ? JobTable.json(pruned) : JobTable.text(pruned, cli.color()));
      return unreachable ? 4 : 0;
    }
  }

  @Command(name = "timeline", description = "print an HTML page with one row per host and a bar per job (colour by state)")
  static final class Timeline extends Action {
    @Option(names = "--since", paramLabel = "AGE", description = "only jobs started within AGE (30s, 15m, 2h, 7d)")
    String since;

    @Override
    int run(JobRegistry registry) {
      List<JobRecord> jobs = select(registry, new JobQuery(Set.of(), since == null ? null : JobTable.since(since), List.of()));
      cli.out.print(JobTimeline.html(jobs, java.time.Instant.now()));
      return 0;
    }
  }

  /** The one job {@code jid} names (on hosts matching {@code host}); an error when there is none or several. */
  static JobRecord one(JobRegistry registry, String jid, String host) {
    try {
      io.tightbeam.jobs.JobId.parse(jid);
    } catch (IllegalArgumentException e) {
      throw new InputException(List.of(new Diagnostic(e.getMessage(), "", null)), 2);
    }
    List<JobRecord> jobs = JobTable.onHosts(registry.list(new JobQuery(Set.of(), null, List.of(jid))), host);
    if (jobs.isEmpty()) {
      throw new InputException(List.of(new Diagnostic(
          "no job " + jid + " in the job registry " + registry.describe(), "", null)), 1);
    }
    if (jobs.size() > 1) {
      throw new InputException(List.of(new Diagnostic("job " + jid + " ran on several hosts ("
          + String.join(", ", jobs.stream().map(j -> j.target().host()).toList()) + "): choose one with --host", "", null)), 2);
    }
    return jobs.get(0);
  }
}
