package io.tightbeam.jobs.registry;

import java.time.Instant;

/**
 * One async job in the registry: its id, where it runs, what started it, when, its time limit in
 * seconds, and {@code end} (null while it runs).
 */
public record JobRecord(
    String jid, JobTarget target, JobOrigin origin, Instant started, int timeLimit, JobEnd end) {

  public JobState state() {
    return end == null ? JobState.RUNNING : end.state();
  }
}
