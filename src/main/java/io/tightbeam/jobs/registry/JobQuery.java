package io.tightbeam.jobs.registry;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Which jobs to read: by state (empty: all), started at or after {@code since} (null: any time),
 * with one of {@code jids} (empty: any). Host patterns are matched by the caller.
 */
public record JobQuery(Set<JobState> states, Instant since, List<String> jids) {
  public static final JobQuery ALL = new JobQuery(Set.of(), null, List.of());

  public JobQuery {
    states = Set.copyOf(states);
    jids = List.copyOf(jids);
  }
}
