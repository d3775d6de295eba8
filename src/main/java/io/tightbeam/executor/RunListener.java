package io.tightbeam.executor;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * What a run tells the output, in order. Every method is called from one thread (the run's
 * result thread), so implementations need no locks. Results arrive in the order hosts finish.
 */
public interface RunListener {
  /** A playbook file starts: its path as given and how many plays it holds. */
  default void playbookStart(String path, int plays) {}

  default void playStart(String name) {}

  /** A play starts; {@code checkMode}: the play runs in check mode ({@code --check} or its keyword). */
  default void playStart(String name, boolean checkMode) {
    playStart(name);
  }

  /** {@code skipping: no hosts matched} and similar. */
  default void noHostsMatched() {}

  default void taskStart(TaskHeader task) {}

  /**
   * A host starts the task, right after {@link #taskStart}: {@code started} is the task as
   * Ansible's {@code repr} shows it ({@code TASK: name} with the name as written, {@code HANDLER: name}).
   */
  default void hostStart(TaskHeader task, String started, String host) {}

  /** any_errors_fatal or max_fail_percentage stopped every host of the batch: {@code NO MORE HOSTS LEFT}. */
  default void noMoreHosts() {}

  /** The run is over (after the recap): flush what is buffered ({@code json} callback). */
  default void runEnd() {}

  /**
   * An ok result (of a task or a loop item) that has a {@code diff}, when diff mode is on for the
   * task ({@code --diff} or the {@code diff} keyword); called just before its outcome line.
   */
  default void fileDiff(TaskHeader task, HostOutcome outcome) {}

  /** A loop item's outcome; the task's final outcome follows with {@link #taskOutcome}. */
  default void itemOutcome(TaskHeader task, HostOutcome outcome) {}

  default void taskOutcome(TaskHeader task, HostOutcome outcome) {}

  /** {@code FAILED - RETRYING: [host]: name (N retries left).} */
  default void retrying(TaskHeader task, String host, int retriesLeft, Map<String, Object> result) {}

  /** A launched (or re-attached) async job is now waited for; prints nothing (the live status line). */
  default void asyncWaiting(TaskHeader task, String host, String jid) {}

  /** An unfinished status check of an async job: {@code ASYNC POLL on host: jid=...}. */
  default void asyncPoll(TaskHeader task, String host, Map<String, Object> status) {}

  /** The job's final outcome before the task's result line: {@code ASYNC OK}/{@code ASYNC FAILED}. */
  default void asyncOutcome(TaskHeader task, String host, Map<String, Object> result, boolean failed) {}

  /** {@code included: /path/file.yml for host1, host2}. */
  default void included(String file, List<String> hosts, Object item) {}

  /** As {@link #included(String, List, Object)}, with the include task that brought the file in. */
  default void included(TaskHeader task, String file, List<String> hosts, Object item) {
    included(file, hosts, item);
  }

  default void warning(String message) {}

  /** An error the run goes on after ({@code ERROR!} and its position block, on stderr). */
  default void error(io.tightbeam.yaml.Diagnostic error) {}

  /** Text shown at a verbosity level (e.g. {@code -v} config-file line); shown when level <= -v count. */
  default void verbose(int level, String message) {}

  /** {@code PLAY RECAP}; hosts sorted by name. */
  default void recap(SortedMap<String, HostStats> stats) {}
}
