package io.tightbeam.executor;

import io.tightbeam.yaml.Pos;

/**
 * A task as the output shows it: the name as displayed ({@code TASK [name]}; the action name when
 * the task has no name; {@code role : name} inside roles), the action's short name ({@code
 * command}), whether it is a handler, and where it was written. {@code lazy}: the banner waits for
 * the task's first result line, as Ansible's default callback does under the free and
 * host_pinned strategies (a meta task there, or a task whose results are all hidden, shows none).
 * {@code checkMode}: the task runs in check mode ({@code --check} or its {@code check_mode}).
 */
public record TaskHeader(String name, String action, boolean handler, Pos pos, boolean lazy, boolean checkMode) {
  public TaskHeader(String name, String action, boolean handler, Pos pos) {
    this(name, action, handler, pos, false, false);
  }

  public TaskHeader(String name, String action, boolean handler, Pos pos, boolean lazy) {
    this(name, action, handler, pos, lazy, false);
  }

  /** The same header under another name (a role's task: {@code role : name}). */
  public TaskHeader named(String shown) {
    return new TaskHeader(shown, action, handler, pos, lazy, checkMode);
  }

  /** The same task run as another module on one host (an action templated per host). */
  public TaskHeader acting(String hostAction) {
    return new TaskHeader(name, hostAction, handler, pos, lazy, checkMode);
  }

  /** Whether {@code other} shows the same banner: the same task, whatever module a host ran. */
  public boolean sameBanner(TaskHeader other) {
    return other != null && java.util.Objects.equals(name, other.name) && handler == other.handler
        && java.util.Objects.equals(pos, other.pos) && lazy == other.lazy && checkMode == other.checkMode;
  }
}
