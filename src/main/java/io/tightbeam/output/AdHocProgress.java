package io.tightbeam.output;

import java.util.Map;

/**
 * Async progress for ad hoc runs. Ansible's minimal and oneline callbacks print none (spec 11.18);
 * we keep stdout identical and, at {@code -v} and above, show the default callback's ASYNC lines
 * on stderr so a long {@code -B} run is not silent.
 */
final class AdHocProgress {
  private AdHocProgress() {}

  static void poll(Display display, String host, Map<String, Object> status) {
    if (display.verbosity() < 1) {
      return;
    }
    Map<String, Object> s = status == null ? Map.of() : status;
    display.display(
        "ASYNC POLL on " + host + ": jid=" + PyText.str(s.get("ansible_job_id"))
            + " started=" + PyText.str(s.get("started"))
            + " finished=" + PyText.str(s.get("finished")),
        Color.DEBUG, true);
  }

  static void outcome(Display display, String host, Map<String, Object> result, boolean failed) {
    if (display.verbosity() < 1) {
      return;
    }
    display.display(
        "ASYNC " + (failed ? "FAILED" : "OK") + " on " + host + ": jid="
            + DefaultCallback.jid(result, failed),
        Color.DEBUG, true);
  }
}
