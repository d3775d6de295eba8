package io.tightbeam.jobs.registry;

import io.tightbeam.connection.Become;
import io.tightbeam.connection.Connections;
import io.tightbeam.connection.Endpoint;
import io.tightbeam.jobs.JobId;
import io.tightbeam.jobs.JobKill;
import io.tightbeam.jobs.JobLogs;
import io.tightbeam.jobs.JobPrune;
import io.tightbeam.jobs.Poller;
import io.tightbeam.module.TargetContext;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Collects the results of jobs the registry lists as running, as the run that launched them would
 * have: one poller for all of them (one status command per host per cycle, the job file removed
 * when its result is read), over connections rebuilt from the records; and kills them. For {@code
 * tightbeam-jobs wait} and {@code kill}.
 */
public final class JobCollector implements AutoCloseable {
  /** Seconds between status checks (each waits on the host while its jobs run). */
  static final int POLL_SECONDS = 1;

  private final Connections connections;
  /** Keeps each result it reads on the target until {@link #forget} (after the registry write). */
  private final Poller poller = new Poller(() -> true);

  /** A collector whose SSH connections read {@code env} (HOME, SSH_AUTH_SOCK) as a run does. */
  public JobCollector(Map<String, String> env) {
    this.connections = new Connections(env);
  }

  /** What waiting for one job came to. */
  public sealed interface Outcome {
    JobRecord job();

    /** The job ended (its result read, the job file removed). */
    record Ended(JobRecord job, Map<String, Object> result, JobEnd end) implements Outcome {}

    /** The job still ran when the wait's time was up. */
    record StillRunning(JobRecord job) implements Outcome {}

    /** Its host could not be reached. */
    record Unreachable(JobRecord job, String msg) implements Outcome {}
  }

  /**
   * Waits for {@code job} until it ends or {@code timeout} passes (null: until its own time limit
   * has passed, and a few seconds more for its supervisor to write the timeout record).
   */
  public CompletableFuture<Outcome> await(JobRecord job, Duration timeout) {
    long seconds = timeout != null
        ? timeout.toSeconds()
        : Duration.between(Instant.now(), job.started().plusSeconds(job.timeLimit() + 5L)).toSeconds();
    int limit = (int) Math.max(POLL_SECONDS, Math.min(Integer.MAX_VALUE, seconds));
    TargetContext target;
    try {
      target = target(job);
    } catch (RuntimeException e) {
      return CompletableFuture.completedFuture(new Outcome.Unreachable(job, e.getMessage()));
    }
    return poller
        .await(target, job.target().asyncDir(), JobId.parse(job.jid()), POLL_SECONDS, limit, s -> { })
        .handle((result, failure) -> outcome(job, result, failure));
  }

  /**
   * One status check of {@code job}, leaving its file in place (async_status's {@code status}):
   * the end when it has ended (a runner gone or a host rebooted is a lost job, with the reason).
   */
  public CompletableFuture<Outcome> check(JobRecord job) {
    TargetContext target;
    try {
      target = target(job);
    } catch (RuntimeException e) {
      return CompletableFuture.completedFuture(new Outcome.Unreachable(job, e.getMessage()));
    }
    return poller.status(target, job.target().asyncDir(), JobId.parse(job.jid()), "status")
        .handle((result, failure) -> outcome(job, result, failure));
  }

  /**
   * Kills {@code job}'s processes on its host ({@code signal}, then KILL after {@code grace}) and
   * reads the job file it leaves: the killed record, or the job's own result when it ended first.
   */
  public CompletableFuture<Outcome> kill(JobRecord job, String signal, Duration grace) {
    TargetContext target;
    try {
      target = target(job);
    } catch (RuntimeException e) {
      return CompletableFuture.completedFuture(new Outcome.Unreachable(job, e.getMessage()));
    }
    return JobKill.kill(target, job.target().asyncDir(), JobId.parse(job.jid()), signal, grace)
        .handle((result, failure) -> outcome(job, result, failure));
  }

  /**
   * {@code job}'s output after the given byte offsets of its stdout and stderr, in one remote
   * command that first waits up to {@code watchTenths} tenths of a second for new output while the
   * job runs (see {@link JobLogs}).
   */
  public CompletableFuture<JobLogs.Chunk> logs(JobRecord job, long stdoutFrom, long stderrFrom, int watchTenths) {
    try {
      return JobLogs.read(target(job), job.target().asyncDir(), JobId.parse(job.jid()), stdoutFrom,
          stderrFrom, watchTenths);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /**
   * Removes the files of ended {@code jobs}, all on one target, in one remote command; completes
   * with the ids whose files are gone (a job still running there keeps its files and is left out).
   */
  public CompletableFuture<java.util.Set<String>> prune(JobTarget where, java.util.List<JobRecord> jobs) {
    try {
      return JobPrune.prune(target(jobs.get(0)), where.asyncDir(),
          jobs.stream().map(j -> JobId.parse(j.jid())).toList());
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /**
   * {@code job}'s end is recorded: the result file a wait or check read and kept on its host
   * (moved aside) is removed there, with the collector's last commands.
   */
  public void forget(JobRecord job) {
    try {
      poller.forgetSeen(target(job), job.target().asyncDir(), JobId.parse(job.jid()));
    } catch (RuntimeException e) {
      // no connection to it: the file stays and the next check of the job reads it
    }
  }

  private static Outcome outcome(JobRecord job, Map<String, Object> result, Throwable failure) {
    if (failure != null) {
      Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
      return new Outcome.Unreachable(job, String.valueOf(cause.getMessage()));
    }
    Object msg = result.get("msg");
    if (msg instanceof String m && m.startsWith("async task did not complete within")) {
      // a check that failed throughout names its error; else the job simply ran on
      return m.contains("; the last status check failed: ")
          ? new Outcome.Unreachable(job, m.substring(m.indexOf("; the last status check failed: ") + 32))
          : new Outcome.StillRunning(job);
    }
    if (JobState.truthy(result.get("started")) && !JobState.truthy(result.get("finished"))) {
      return new Outcome.StillRunning(job); // a kill that did not take
    }
    boolean censored = JobOrigin.CENSORED.equals(job.origin().args());
    return new Outcome.Ended(job, result, JobEnd.of(result, censored, Instant.now()));
  }

  private TargetContext target(JobRecord job) {
    JobTarget t = job.target();
    Map<String, String> options = new LinkedHashMap<>(t.options());
    if (t.keyFile() != null) {
      options.put("ansible_ssh_private_key_file", t.keyFile());
    }
    options.putIfAbsent("host_key_checking", "true");
    options.putIfAbsent("ssh_args", "");
    options.putIfAbsent("control_path_dir", "~/.ansible/cp");
    Endpoint endpoint = new Endpoint(t.host(), t.connection(), t.address(), t.port(), t.user(),
        Duration.ofSeconds(10), options);
    Become become = t.becomeUser() == null
        ? Become.NONE
        : new Become(true, t.becomeMethod() == null ? "sudo" : t.becomeMethod(), t.becomeUser(), "", null);
    return new TargetContext(connections.get(endpoint), become, Map.of(), false, false, null);
  }

  @Override
  public void close() {
    poller.close();
    connections.close();
  }
}
