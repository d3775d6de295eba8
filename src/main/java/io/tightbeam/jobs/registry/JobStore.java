package io.tightbeam.jobs.registry;

import java.util.List;

/**
 * Where job records are kept: the one seam between the registry and a database. Every method
 * writes or reads in one transaction; implementations are safe to call from several threads and
 * from several processes sharing the store.
 */
interface JobStore extends AutoCloseable {
  /** Adds launched jobs (replacing records of the same job id and host), in one transaction. */
  void add(List<JobRecord> jobs);

  /** Records the ends of jobs (job id, host, end), all in one transaction. */
  void end(List<JobEnded> ends);

  /** Deletes the records of ended jobs (a running job's record stays), in one transaction. */
  void remove(List<JobRecord> jobs);

  /** The jobs {@code query} selects, oldest first. */
  List<JobRecord> list(JobQuery query);

  @Override
  void close();
}
