package io.tightbeam.jobs;

import io.tightbeam.module.RemoteScript;
import io.tightbeam.module.TargetContext;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Starts a module's remote part as a detached job under the POSIX sh job wrapper, in one remote
 * command. Completes once the job has written its "started" record, with Ansible's launch result:
 * {@code ansible_job_id}, {@code results_file}, {@code started: 1}, {@code finished: 0}, {@code
 * failed: 0}, {@code changed: true}; or a failed result ({@code could not create directory: ...})
 * when the wrapper could not start the job.
 */
public final class JobLauncher {
  public CompletableFuture<Map<String, Object>> launch(
      RemoteScript script, JobSpec spec, TargetContext target) {
    throw new UnsupportedOperationException("TODO(jobs helper)");
  }
}
