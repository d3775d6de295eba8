package io.tightbeam.executor;

import io.tightbeam.playbook.FieldValues;
import io.tightbeam.playbook.Task;
import io.tightbeam.template.Templar;
import java.util.List;
import java.util.Map;

/**
 * A task's keyword values as in force: the task's own, else the inherited one from its blocks and
 * includes, else the play's. Values come back templated where Ansible templates them.
 */
final class Keywords {
  private final PlayContext ctx;
  private final Task task;
  private final Scope scope;

  Keywords(PlayContext ctx, Task task, Scope scope) {
    this.ctx = ctx;
    this.task = task;
    this.scope = scope;
  }

  /** Where the task's relative files ({@code files/}, {@code templates/}) are: its role, else its file's folder. */
  java.nio.file.Path fileBase() {
    return scope.role() != null ? scope.role().path() : task.baseDir();
  }

  /** Where the task's relative files are looked for (Ansible's {@code ansible_search_path}). */
  SearchPath searchPath() {
    return SearchPath.of(ctx, task, scope);
  }

  /**
   * The {@code library/} folders custom modules are found in: the task file's, its role's, those
   * of the roles run so far (Ansible adds a role's to the module path when it loads the role), the
   * playbook's.
   */
  List<java.nio.file.Path> libraries() {
    java.util.Set<java.nio.file.Path> dirs = new java.util.LinkedHashSet<>();
    dirs.add(task.baseDir().resolve("library"));
    if (scope.role() != null) {
      dirs.add(scope.role().path().resolve("library"));
    }
    ctx.rolesRun().forEach(role -> dirs.add(java.nio.file.Path.of(role, "library")));
    dirs.add(ctx.play().baseDir().resolve("library"));
    dirs.add(ctx.services().playbookDir().resolve("library"));
    dirs.addAll(configuredLibraries(ctx.options().settings()));
    return List.copyOf(dirs);
  }

  /**
   * A merged keyword's levels ({@code environment}, {@code module_defaults}), outermost first: the
   * play's, its scope's, the task's own.
   */
  List<Object> levels(String name) {
    List<Object> levels = new java.util.ArrayList<>();
    if (ctx.play().keywords().get(name) != null) {
      levels.add(ctx.play().keywords().get(name));
    }
    levels.addAll(scope.levels(name));
    if (task.keywords().get(name) != null) {
      levels.add(task.keywords().get(name));
    }
    return levels;
  }

  /** Ansible's {@code library} ({@code ANSIBLE_LIBRARY}, ansible.cfg): more module folders. */
  static List<java.nio.file.Path> configuredLibraries(io.tightbeam.config.Settings settings) {
    return settings.library().stream().map(java.nio.file.Path::of).toList();
  }

  /** Diff mode for the module: the {@code diff} keyword where it is set, else {@code --diff}. */
  boolean diff(Map<String, Object> vars) {
    return has("diff") ? bool("diff", vars, false) : ctx.options().diff();
  }

  /** The raw value, looked up task, then blocks/includes, then play. */
  Object raw(String name) {
    if (task.keywords().containsKey(name)) {
      return task.keywords().get(name);
    }
    if (scope.keywords().containsKey(name)) {
      return scope.keywords().get(name);
    }
    return ctx.play().keywords().get(name);
  }

  boolean has(String name) {
    return raw(name) != null;
  }

  /** The keyword's templated value; a value that templates to omit leaves the inherited one (Ansible 2.14). */
  Object value(String name, Map<String, Object> vars) {
    for (Map<String, Object> level : List.of(task.keywords(), scope.keywords(), ctx.play().keywords())) {
      Object raw = level.get(name);
      if (raw == null) {
        continue;
      }
      Object v = ctx.templar().template(raw, vars);
      if (!io.tightbeam.template.Templar.OMIT.equals(v)) {
        return v;
      }
    }
    return null;
  }

  /** A boolean keyword with Ansible's strict conversion: "maybe" fails the task, never guesses. */
  boolean bool(String name, Map<String, Object> vars, boolean fallback) {
    Object v = value(name, vars);
    if (v == null) {
      return fallback;
    }
    return FieldValues.bool(v).orElseThrow(() -> new TaskValueException(FieldValues.notBool(name, v)));
  }

  String string(String name, Map<String, Object> vars) {
    Object v = value(name, vars);
    return v == null ? null : v.toString();
  }

  /**
   * An integer keyword with Ansible's conversion: YAML floats truncate, booleans count as 0/1,
   * anything else is a task failure with Ansible's message (field named as Ansible names it).
   */
  int integer(String name, String field, Map<String, Object> vars, int fallback) {
    Object raw = task.keywords().get(name);
    if (raw == null) {
      return fallback;
    }
    Object v = ctx.templar().template(raw, vars);
    if (v instanceof Boolean b) {
      return b ? 1 : 0;
    }
    if (v instanceof Number n) {
      return n.intValue();
    }
    String s = String.valueOf(v).trim();
    try {
      return Integer.parseInt(s);
    } catch (NumberFormatException e) {
      throw new TaskValueException(FieldValues.notInt(field, v));
    }
  }

  static boolean isTemplated(Object raw) {
    return raw instanceof String s && Templar.isTemplate(s);
  }

  /** A keyword value the task cannot use; the task fails with this message. */
  static final class TaskValueException extends RuntimeException {
    TaskValueException(String message) {
      super(message);
    }

    TaskValueException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
