package io.tightbeam.executor;

/** One host's line of the PLAY RECAP. */
public record HostStats(
    int ok, int changed, int unreachable, int failed, int skipped, int rescued, int ignored) {
  public static final HostStats ZERO = new HostStats(0, 0, 0, 0, 0, 0, 0);
}
