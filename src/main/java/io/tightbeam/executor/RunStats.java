package io.tightbeam.executor;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** The recap counters, updated on the result thread only. */
final class RunStats {
  private final Map<String, int[]> counts = new TreeMap<>();
  /** A host failed outside any task's result (an include_role's missing role): exit code 2, no count. */
  private boolean failedUncounted;

  private static final int OK = 0;
  private static final int CHANGED = 1;
  private static final int UNREACHABLE = 2;
  private static final int FAILED = 3;
  private static final int SKIPPED = 4;
  private static final int RESCUED = 5;
  private static final int IGNORED = 6;

  /** Counts a task's final outcome as Ansible does. {@code rescuing}: a failure a rescue will handle. */
  void count(HostOutcome outcome, boolean rescuing) {
    int[] c = counts.computeIfAbsent(outcome.host(), h -> new int[7]);
    boolean changed = Results.changed(outcome.result());
    if (outcome instanceof HostOutcome.Ok) {
      c[OK]++;
      if (changed) {
        c[CHANGED]++;
      }
    } else if (outcome instanceof HostOutcome.Skipped) {
      c[SKIPPED]++;
    } else if (outcome instanceof HostOutcome.Failed f) {
      if (f.ignored()) {
        c[OK]++;
        c[IGNORED]++;
        if (changed) {
          c[CHANGED]++;
        }
      } else if (rescuing) {
        c[RESCUED]++;
      } else {
        c[FAILED]++;
      }
    } else if (outcome instanceof HostOutcome.Unreachable u) {
      if (u.ignored()) {
        c[OK]++;
        c[IGNORED]++;
      } else {
        c[UNREACHABLE]++;
      }
    }
  }

  SortedMap<String, HostStats> snapshot() {
    SortedMap<String, HostStats> out = new TreeMap<>();
    counts.forEach(
        (h, c) -> out.put(h, new HostStats(c[0], c[1], c[2], c[3], c[4], c[5], c[6])));
    return out;
  }

  void failUncounted() {
    failedUncounted = true;
  }

  boolean anyFailed() {
    return failedUncounted || counts.values().stream().anyMatch(c -> c[FAILED] > 0);
  }

  boolean anyUnreachable() {
    return counts.values().stream().anyMatch(c -> c[UNREACHABLE] > 0);
  }
}
