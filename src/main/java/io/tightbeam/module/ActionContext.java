package io.tightbeam.module;

import io.tightbeam.template.Templar;
import java.util.Map;

/**
 * What a controller-side action may use: the templar, the task's variables (raw, templated on
 * access by the templar), the host's name, check mode, and the task's arguments as written (assert
 * reads {@code that} before templating, as Ansible's does).
 */
public record ActionContext(
    Templar templar, Map<String, Object> vars, String host, boolean checkMode, int verbosity,
    Map<String, Object> untemplatedArgs) {

  /** A context for arguments that were not written in a task (all as given). */
  public ActionContext(Templar templar, Map<String, Object> vars, String host, boolean checkMode, int verbosity) {
    this(templar, vars, host, checkMode, verbosity, Map.of());
  }
}
