package io.tightbeam.jobs.registry;

import java.time.Instant;
import java.util.Map;

/**
 * How a job ended, as its final result told: state, {@code rc} (null when the result has none),
 * {@code failed}, {@code changed}, when the end was seen and a one-line summary ({@code msg}, else
 * the first line of stderr or stdout; empty under no_log).
 */
public record JobEnd(
    JobState state, Integer rc, boolean failed, boolean changed, Instant ended, String summary) {

  private static final int SUMMARY_CHARS = 500;

  /** The end {@code result} tells, seen at {@code ended}; {@code noLog} keeps its text out. */
  public static JobEnd of(Map<String, Object> result, boolean noLog, Instant ended) {
    JobState state = JobState.ofResult(result);
    Integer rc = result.get("rc") instanceof Number n ? n.intValue() : null;
    String summary = noLog ? "" : summary(result);
    return new JobEnd(state, rc, state != JobState.FINISHED, JobState.truthy(result.get("changed")),
        ended, summary);
  }

  private static String summary(Map<String, Object> result) {
    for (String key : new String[] {"msg", "stderr", "stdout"}) {
      if (result.get(key) instanceof String s && !s.isBlank()) {
        String line = s.strip().lines().findFirst().orElse("");
        return line.length() > SUMMARY_CHARS ? line.substring(0, SUMMARY_CHARS) + "..." : line;
      }
    }
    return "";
  }
}
