package io.tightbeam.playbook;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** The keyword sets of Ansible 2.14's Play, Block, Task and dynamic include objects. */
final class Keywords {
  private Keywords() {}

  /** Keywords every Play, Block and Task accepts (Ansible's Base attributes). */
  private static final Set<String> BASE =
      Set.of(
          "name",
          "connection",
          "port",
          "remote_user",
          "vars",
          "module_defaults",
          "environment",
          "no_log",
          "run_once",
          "ignore_errors",
          "ignore_unreachable",
          "check_mode",
          "diff",
          "any_errors_fatal",
          "throttle",
          "timeout",
          "debugger",
          "become",
          "become_user",
          "become_method",
          "become_flags",
          "become_exe",
          "tags",
          "collections");

  static final Set<String> PLAY =
      union(
          BASE,
          "hosts",
          "gather_facts",
          "gather_subset",
          "gather_timeout",
          "fact_path",
          "vars_files",
          "vars_prompt",
          "user",
          "roles",
          "handlers",
          "pre_tasks",
          "post_tasks",
          "tasks",
          "force_handlers",
          "max_fail_percentage",
          "serial",
          "strategy",
          "order");

  static final Set<String> BLOCK =
      union(BASE, "block", "rescue", "always", "when", "delegate_to", "delegate_facts", "notify");

  static final Set<String> TASK =
      union(
          BASE,
          "action",
          "local_action",
          "args",
          "async",
          "async_val",
          "poll",
          "changed_when",
          "failed_when",
          "delay",
          "retries",
          "until",
          "delegate_to",
          "delegate_facts",
          "loop",
          "loop_control",
          "notify",
          "listen",
          "register",
          "when");

  /** What {@code include_tasks} and {@code include_role} accept besides their action key. */
  static final Set<String> DYNAMIC_INCLUDE =
      Set.of(
          "action",
          "args",
          "collections",
          "debugger",
          "ignore_errors",
          "loop",
          "loop_control",
          "name",
          "no_log",
          "register",
          "run_once",
          "tags",
          "timeout",
          "vars",
          "when");

  /** What {@code import_playbook} accepts besides its action key. */
  static final Set<String> PLAYBOOK_IMPORT = Set.of("name", "vars", "when", "tags");

  static boolean isTaskKeyword(String key) {
    return TASK.contains(key) || isLoopWith(key);
  }

  static boolean isLoopWith(String key) {
    return key.startsWith("with_");
  }

  static boolean isBlock(Map<?, ?> ds) {
    return ds.containsKey("block") || ds.containsKey("rescue") || ds.containsKey("always");
  }

  /** True for {@code name}, {@code ansible.builtin.name} and {@code ansible.legacy.name}. */
  static boolean isAction(String action, String name) {
    return action.equals(name)
        || action.equals("ansible.builtin." + name)
        || action.equals("ansible.legacy." + name);
  }

  static boolean isTemplated(String value) {
    return value.contains("{{") || value.contains("{%");
  }

  private static Set<String> union(Set<String> base, String... more) {
    Set<String> all = new HashSet<>(base);
    all.addAll(Set.of(more));
    return Set.copyOf(all);
  }
}
