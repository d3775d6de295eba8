package io.tightbeam.executor;

import io.tightbeam.py.Py;
import io.tightbeam.template.Literal;
import io.tightbeam.template.Templar;
import io.tightbeam.template.TemplateException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A task's {@code environment} as Ansible builds it: the play's, each enclosing block's, role's
 * and import's, then the task's own, merged key by key (the inner level wins one key, not all).
 * A value that needs {@code ansible_env} before facts exist is left out, as fact gathering needs it.
 */
final class TaskEnvironment {
  private final Templar templar;
  private final Map<String, Object> vars;
  private final List<String> warnings = new ArrayList<>();

  private TaskEnvironment(Templar templar, Map<String, Object> vars) {
    this.templar = templar;
    this.vars = vars;
  }

  /** The levels, outermost first, as one map of variable names to their text. */
  static Resolved of(Templar templar, List<Object> levels, Map<String, Object> vars) {
    TaskEnvironment env = new TaskEnvironment(templar, vars);
    Map<String, String> out = new LinkedHashMap<>();
    for (Object level : levels) {
      env.add(out, level, levels);
    }
    return new Resolved(out, List.copyOf(env.warnings));
  }

  /** The environment, and the warnings for levels that were not maps. */
  record Resolved(Map<String, String> environment, List<String> warnings) {}

  private void add(Map<String, String> out, Object level, List<Object> all) {
    Object raw = level instanceof Literal l ? l.value() : level;
    if (raw instanceof Map<?, ?> m) {
      m.forEach((k, v) -> put(out, String.valueOf(k), v));
    } else if (raw instanceof List<?> items) {
      for (Object item : items) {
        add(out, item, all);
      }
    } else if (raw != null) {
      Object value = templar.template(raw, vars);
      if (value instanceof Map<?, ?> m) {
        m.forEach((k, v) -> out.put(String.valueOf(k), text(v)));
      } else if (value != null) {
        warnings.add("could not parse environment value, skipping: " + Py.repr(all));
      }
    }
  }

  private void put(Map<String, String> out, String key, Object raw) {
    try {
      out.put(key, text(templar.template(raw instanceof Literal l ? l.value() : raw, vars)));
    } catch (TemplateException e) {
      if (e.isUndefined() && String.valueOf(e.getMessage()).contains("ansible_env")) {
        return; // Ansible skips it: the env facts come from the gathering this value may be for
      }
      throw e.isUndefined() ? TaskErrors.inEnvironment(e) : e;
    }
  }

  private static String text(Object value) {
    return value == null ? "" : Py.str(value);
  }
}
