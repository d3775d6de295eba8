package io.tightbeam.executor;

import io.tightbeam.jobs.registry.JobJournal;
import io.tightbeam.jobs.registry.JobOrigin;
import io.tightbeam.jobs.registry.JobRecord;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code tightbeam-playbook --reattach}: the jobs the registry listed as running when the run
 * first asked, by host and origin (playbook, play, task, loop item, module and arguments). Read
 * once per run, on the first async launch; each job is claimed by one launch at most.
 */
final class JobReattach {
  private record Key(String host, JobOrigin origin) {}

  private final JobJournal journal;
  private volatile Map<Key, JobRecord> running;

  JobReattach(JobJournal journal) {
    this.journal = journal;
  }

  /** The running job launched for {@code origin} on {@code host}, taken out of the list. */
  Optional<JobRecord> claim(String host, JobOrigin origin) {
    return Optional.ofNullable(running().remove(new Key(host, origin)));
  }

  private Map<Key, JobRecord> running() {
    Map<Key, JobRecord> r = running;
    if (r == null) {
      synchronized (this) {
        r = running;
        if (r == null) {
          r = new ConcurrentHashMap<>();
          // oldest first: of two jobs for the same task the later launch wins
          for (JobRecord job : journal.running()) {
            r.put(new Key(job.target().host(), job.origin()), job);
          }
          running = r;
        }
      }
    }
    return r;
  }
}
