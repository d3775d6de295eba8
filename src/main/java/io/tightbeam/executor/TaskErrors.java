package io.tightbeam.executor;

import io.tightbeam.playbook.Task;
import io.tightbeam.template.TemplateException;
import io.tightbeam.yaml.SourceExcerpt;

/**
 * Ansible's messages for a template that fails while a task is prepared: in its arguments ("The
 * task includes an option with an undefined variable..."), in its {@code when} ("The conditional
 * check 'x' failed...") or in its loop, each with the task's position as Ansible shows it.
 */
final class TaskErrors {
  private TaskErrors() {}

  static RuntimeException inArgs(Task t, TemplateException e) {
    if (e.isValueError()) {
      // A ValueError while templating args: Ansible reports the args field as unconvertible.
      return new Keywords.TaskValueException("the field 'args' has an invalid value ("
          + io.tightbeam.py.Py.repr(t.args()) + "), and could not be converted to an dict.The error was: "
          + e.getMessage() + "\n\n" + SourceExcerpt.describe(t.pos()));
    }
    if (!e.isUndefined()) {
      return new Keywords.TaskValueException(e.getMessage());
    }
    return new Keywords.TaskValueException("The task includes an option with an undefined variable. The error was: "
        + twice(e.getMessage()) + "\n\n" + SourceExcerpt.describe(t.pos()));
  }

  static Keywords.TaskValueException inConditional(Task t, Object when, TemplateException e) {
    return new Keywords.TaskValueException(conditionalMessage(when, e) + "\n\n" + SourceExcerpt.describe(t.pos()));
  }

  /** The first line of a conditional's error, which changed_when/failed_when store in the result. */
  static String conditionalMessage(Object when, TemplateException e) {
    String m = e.getMessage();
    if (e.isUndefined()) {
      // The Templar says "error while evaluating conditional (C): 'x' is undefined"; Ansible
      // repeats only the undefined part.
      String prefix = "error while evaluating conditional (" + when + "): ";
      m = m.startsWith(prefix) ? m + ". " + m.substring(prefix.length()) : twice(m);
    }
    return "The conditional check '" + when + "' failed. The error was: " + m;
  }

  /** An undefined variable in an {@code environment} value (Ansible's text; its position is not the task's). */
  static Keywords.TaskValueException inEnvironment(TemplateException e) {
    return new Keywords.TaskValueException("The field 'environment' has an invalid value, which includes an "
        + "undefined variable. The error was: " + twice(e.getMessage()), e);
  }

  static Keywords.TaskValueException inLoop(TemplateException e) {
    return new Keywords.TaskValueException(e.isUndefined() ? twice(e.getMessage()) : e.getMessage(), e);
  }

  // Ansible's message carries the undefined error's text twice (its own and its cause's).
  private static String twice(String m) {
    return m + ". " + m;
  }
}
