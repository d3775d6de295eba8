package io.tightbeam.module;

import java.util.Map;

/**
 * An action that runs on the controller and never on the target ({@code debug}, {@code set_fact},
 * {@code assert}, {@code fail}, {@code pause}). These refuse {@code async} with Ansible's message.
 * The result is Ansible's result dictionary; {@code set_fact} returns {@code ansible_facts}.
 */
public interface ControllerAction {
  String name();

  Map<String, Object> run(Map<String, Object> args, ActionContext context);

  /** Whether the task runs once, on the first host, whatever the play's hosts (add_host). */
  default boolean bypassHostLoop() {
    return false;
  }
}
