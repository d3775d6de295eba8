package io.tightbeam.module;

import io.tightbeam.template.Templar;
import java.util.Map;

/**
 * What a controller-side action may use: the templar, the task's variables (raw, templated on
 * access by the templar), the host's name, check mode, and the task's arguments as written (assert
 * reads {@code that} before templating, as Ansible's does), and whether {@code jinja2_native} is on.
 */
public record ActionContext(
    Templar templar, Map<String, Object> vars, String host, boolean checkMode, int verbosity,
    Map<String, Object> untemplatedArgs, boolean jinja2Native) {

  /** A context without jinja2_native. */
  public ActionContext(Templar templar, Map<String, Object> vars, String host, boolean checkMode, int verbosity,
      Map<String, Object> untemplatedArgs) {
    this(templar, vars, host, checkMode, verbosity, untemplatedArgs, false);
  }

  /** A context for arguments that were not written in a task (all as given). */
  public ActionContext(Templar templar, Map<String, Object> vars, String host, boolean checkMode, int verbosity) {
    this(templar, vars, host, checkMode, verbosity, Map.of());
  }
}
