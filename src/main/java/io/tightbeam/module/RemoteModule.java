package io.tightbeam.module;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A module whose work happens on the target. Its result is Ansible's result dictionary (the keys
 * Ansible's module returns). Every remote module can run under {@code async}: the job wrapper runs
 * {@link #script}.
 */
public interface RemoteModule {
  String name();

  /**
   * Checks and normalises the templated arguments (defaults filled in, types converted). Throws
   * {@link ModuleArgumentException} naming the argument, e.g. {@code missing required arguments:
   * jid} or {@code Unsupported parameters for (ping) module: foo. Supported parameters include:
   * data.}
   */
  Map<String, Object> checkArgs(Map<String, Object> args);

  /** The remote part, for async jobs (and for {@link #run} unless a module does better). */
  RemoteScript script(Map<String, Object> args, TargetContext target);

  /**
   * Runs synchronously and completes with the result dictionary. Transport failures complete
   * exceptionally with {@code ConnectionException}.
   */
  CompletableFuture<Map<String, Object>> run(Map<String, Object> args, TargetContext target);

  /** Work done on the controller side before an async job starts (copy's transfer). */
  default void prepareForJob(Map<String, Object> args, TargetContext target) {}

  default boolean supportsCheckMode() {
    return false;
  }

  /**
   * Whether the module may run under {@code async}. When false the executor fails the task with
   * Ansible's {@code async is not supported for this task.} and never calls {@link #script}.
   */
  default boolean supportsAsync() {
    return true;
  }
}
