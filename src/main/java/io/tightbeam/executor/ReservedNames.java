package io.tightbeam.executor;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Variable names Ansible warns about when a play starts ({@code Found variable using reserved
 * name: x}): the keywords of plays, roles, blocks and tasks, and the template globals (lipsum,
 * range, lookup...), which such a variable would hide.
 */
final class ReservedNames {
  private static final Set<String> RESERVED = Set.of(
      "action", "always", "any_errors_fatal", "args", "async", "async_val", "become", "become_exe",
      "become_flags", "become_method", "become_user", "block", "changed_when", "check_mode",
      "collections", "connection", "debugger", "delay", "delegate_facts", "delegate_to", "diff",
      "environment", "fact_path", "failed_when", "force_handlers", "gather_facts", "gather_subset",
      "gather_timeout", "handlers", "hosts", "ignore_errors", "ignore_unreachable", "local_action",
      "loop", "loop_control", "loop_with", "max_fail_percentage", "module_defaults", "name", "no_log",
      "notify", "order", "poll", "port", "post_tasks", "pre_tasks", "register", "remote_user",
      "rescue", "retries", "roles", "run_once", "serial", "strategy", "tags", "tasks", "throttle",
      "timeout", "until", "when", "with_",
      // the template engine's globals
      "cycler", "dict", "joiner", "lipsum", "lookup", "namespace", "now", "q", "query", "range", "undef");

  private ReservedNames() {}

  /**
   * The reserved names among the play's variables, sorted (Ansible's order is a Python set's, so
   * it varies from run to run there); {@code vars} itself is never one.
   */
  static List<String> in(Map<String, Object> vars) {
    return vars.keySet().stream().filter(RESERVED::contains).sorted().toList();
  }
}
