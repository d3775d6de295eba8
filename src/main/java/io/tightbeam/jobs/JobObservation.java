package io.tightbeam.jobs;

/**
 * What one status command saw of one job file: whether it existed, the liveness verdict of the
 * job's processes, whether the command removed the file, the expanded path and the raw content.
 * Liveness is {@code 1} (alive), {@code -} (no liveness facts, e.g. ansible-core's own wrapper),
 * {@code runner:<pid>} / {@code supervisor:<pid>} (that process is gone), {@code boot} (the host
 * rebooted since), {@code marker} / {@code none} (unparseable file; a process of the job is / is
 * not running).
 */
record JobObservation(boolean exists, String liveness, boolean removed, String path, String content) {}
