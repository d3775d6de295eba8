package io.tightbeam.jobs;

import io.tightbeam.module.TargetContext;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Waits for async jobs without holding a thread per job or per host: one scheduler checks, each
 * cycle, all the jobs due on a host in one remote command, and async_status requests made at the
 * same moment for the same host share that command. Also serves single status checks ({@link
 * #status}) for the async_status module.
 */
public final class Poller implements AutoCloseable {

  /**
   * Polls {@code jid} every {@code pollSeconds} until it finishes or {@code timeLimitSeconds} (from
   * now, monotonic) pass. Each unfinished check is reported to {@code onPoll} (for {@code ASYNC
   * POLL}). Completes with the final result: the job's result merged with the status keys (the job
   * file then removed, Ansible's automatic cleanup), or {@code {"failed": true, "msg": "async task
   * did not complete within the requested time - Ns", "async_result": <last status>}}.
   */
  public CompletableFuture<Map<String, Object>> await(
      TargetContext target,
      String asyncDir,
      JobId jid,
      int pollSeconds,
      int timeLimitSeconds,
      Consumer<Map<String, Object>> onPoll) {
    throw new UnsupportedOperationException("TODO(jobs helper)");
  }

  /**
   * Ansible's {@code async_status} module: {@code mode} is {@code status} or {@code cleanup}.
   * Completes with the result dictionary of spec §5 (pre-filled keys, {@code finished}, {@code
   * started}, {@code results_file} or {@code erased}, {@code stdout_lines}, {@code stderr_lines});
   * {@code failed: true} with {@code could not find job} for an unknown id.
   */
  public CompletableFuture<Map<String, Object>> status(
      TargetContext target, String asyncDir, JobId jid, String mode) {
    throw new UnsupportedOperationException("TODO(jobs helper)");
  }

  @Override
  public void close() {}
}
