package io.tightbeam.jobs.registry;

import io.tightbeam.py.Py;
import java.util.Locale;
import java.util.Map;

/**
 * Where an async job is, as the registry knows it: {@code running} until a result is seen, then
 * {@code finished} (ended, not failed), {@code failed}, {@code killed} or {@code lost} (its runner
 * is gone or its host rebooted without a result, or its job file disappeared).
 */
public enum JobState {
  RUNNING, FINISHED, FAILED, KILLED, LOST;

  /** The name shown and stored: {@code running}, {@code finished}... */
  public String text() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The state named {@code text}; throws {@link IllegalArgumentException} for anything else. */
  public static JobState of(String text) {
    return valueOf(text.toUpperCase(Locale.ROOT));
  }

  /** The state a job's final result (the poller's or async_status's) tells. */
  public static JobState ofResult(Map<String, Object> result) {
    if (truthy(result.get("killed"))) {
      return KILLED;
    }
    Object msg = result.get("msg");
    if (msg instanceof String m && truthy(result.get("failed"))
        && (m.equals("could not find job") || m.startsWith("the job's runner")
            || m.startsWith("the job's supervisor"))) {
      return LOST;
    }
    return truthy(result.get("failed")) ? FAILED : FINISHED;
  }

  static boolean truthy(Object v) {
    return Py.truthy(v);
  }
}
