package io.tightbeam.executor;

import io.tightbeam.yaml.Pos;

/**
 * A task as the output shows it: the name as displayed ({@code TASK [name]}; the action name when
 * the task has no name; {@code role : name} inside roles), the action's short name ({@code
 * command}), whether it is a handler, and where it was written. {@code lazy}: the banner waits for
 * the task's first result line, as Ansible's default callback does under the free and
 * host_pinned strategies (a meta task there, or a task whose results are all hidden, shows none).
 */
public record TaskHeader(String name, String action, boolean handler, Pos pos, boolean lazy) {
  public TaskHeader(String name, String action, boolean handler, Pos pos) {
    this(name, action, handler, pos, false);
  }
}
