package io.tightbeam.executor;

import java.util.Map;

/**
 * The outcome of one task (or one loop item) on one host. {@code result} is Ansible's result
 * dictionary as registered (with {@code changed}, {@code failed}, {@code msg}, ...). {@code item}
 * is the loop item's label for item outcomes and null for a task's final outcome; {@code loop}
 * tells that the task looped (its result then holds {@code results}).
 */
public sealed interface HostOutcome {
  String host();

  Map<String, Object> result();

  /** The item label shown as {@code (item=...)}, or null. */
  Object item();

  boolean loop();

  /** ok or changed (as {@code result.changed} says). */
  record Ok(String host, Map<String, Object> result, Object item, boolean loop)
      implements HostOutcome {}

  /** failed; {@code ignored} when {@code ignore_errors} turned it into {@code ...ignoring}. */
  record Failed(String host, Map<String, Object> result, Object item, boolean loop, boolean ignored)
      implements HostOutcome {}

  record Skipped(String host, Map<String, Object> result, Object item, boolean loop)
      implements HostOutcome {}

  record Unreachable(String host, Map<String, Object> result, Object item, boolean loop, boolean ignored)
      implements HostOutcome {}
}
