package io.tightbeam.executor;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A task finished on one host: the outcome to show and count, the result to register, whether
 * the output shows the result's {@code diff} (an ok result with one, in diff mode), and the
 * warnings its templating raised (Ansible prints them before the result line). {@code heldItems}:
 * the loop items' outcomes of an inventory action (group_by), which Ansible shows only once its
 * strategy has changed the inventory (and so knows whether each changed).
 */
record TaskDone(HostState host, HostOutcome outcome, Map<String, Object> result, boolean noLog, boolean diff,
    List<String> warnings, List<TaskDone> heldItems) {

  TaskDone(HostState host, HostOutcome outcome, Map<String, Object> result, boolean noLog, boolean diff,
      List<String> warnings) {
    this(host, outcome, result, noLog, diff, warnings, List.of());
  }

  /** This with the loop items' outcomes held back for the result thread. */
  TaskDone holding(List<TaskDone> items) {
    return new TaskDone(host, outcome, result, noLog, diff, warnings, List.copyOf(items));
  }

  /** This with {@code earlier} warnings (raised before the task went asynchronous) in front. */
  TaskDone after(List<String> earlier) {
    if (earlier.isEmpty()) {
      return this;
    }
    Set<String> all = new LinkedHashSet<>(earlier);
    all.addAll(warnings);
    return new TaskDone(host, outcome, result, noLog, diff, List.copyOf(all), heldItems);
  }
}
