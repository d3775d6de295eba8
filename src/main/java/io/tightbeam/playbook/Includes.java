package io.tightbeam.playbook;

import io.tightbeam.yaml.Pos;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules for {@code include_tasks}, {@code import_tasks}, {@code include_role} and {@code
 * import_role}, and the expansion of {@code import_tasks} at parse time. An import's keywords
 * (other than its name) are kept on a block around the imported tasks, so they inherit them.
 */
final class Includes {
  private static final Set<String> TASK_INCLUDE_ARGS = Set.of("file", "_raw_params", "apply");

  private Includes() {}

  static boolean isTaskInclude(String action) {
    return Keywords.isAction(action, "include_tasks") || Keywords.isAction(action, "import_tasks");
  }

  static boolean isRoleInclude(String action) {
    return Keywords.isAction(action, "include_role") || Keywords.isAction(action, "import_role");
  }

  /** Checks keywords of dynamic includes and the arguments of task includes. */
  static void check(
      Map<String, Object> ds, String action, Map<String, Object> args, Pos pos, ParseSession s) {
    boolean dynamic =
        Keywords.isAction(action, "include_tasks") || Keywords.isAction(action, "include_role");
    String kind = isTaskInclude(action) ? "TaskInclude" : "IncludeRole";
    if (dynamic) {
      for (String key : ds.keySet()) {
        if (!key.equals(action)
            && !Keywords.DYNAMIC_INCLUDE.contains(key)
            && !Keywords.isLoopWith(key)) {
          s.problem(pos, "'" + key + "' is not a valid attribute for a " + kind);
        }
      }
    }
    if (!isTaskInclude(action)) {
      return;
    }
    String shortName = action.substring(action.lastIndexOf('.') + 1);
    List<String> bad = new ArrayList<>();
    for (String arg : args.keySet()) {
      boolean applyOnImport = arg.equals("apply") && shortName.equals("import_tasks");
      if (!TASK_INCLUDE_ARGS.contains(arg) || applyOnImport) {
        bad.add(arg);
      }
    }
    if (!bad.isEmpty()) {
      s.problem(pos, "Invalid options for " + shortName + ": " + String.join(",", bad));
    }
    if (fileOf(args) == null) {
      s.problem(pos, "No file specified for " + shortName);
    }
  }

  /** Reads the imported file and returns its items, under a block when keywords apply to them. */
  static List<TaskItem> expandImport(
      TaskListReader reader,
      Map<String, Object> args,
      Map<String, Object> keywords,
      Pos pos,
      ParseSession s) {
    Map<String, Object> inherited = new LinkedHashMap<>(keywords);
    inherited.remove("name");
    for (String key : keywords.keySet()) {
      if (key.equals("loop") || Keywords.isLoopWith(key)) {
        s.problem(
            pos,
            "You cannot use loops on 'import_tasks' statements. You should use 'include_tasks'"
                + " instead.");
        return List.of();
      }
      if (!Keywords.BLOCK.contains(key) && !key.equals("name")) {
        // Ansible accepts every task keyword here, but only block-level ones reach the tasks.
        s.warn(pos, "'" + key + "' on import_tasks does not apply to the imported tasks; ignored");
        inherited.remove(key);
      }
    }
    Object file = fileOf(args);
    if (!(file instanceof String name)) {
      return List.of(); // already reported by check()
    }
    if (name.contains("{{") || name.contains("{%")) {
      s.problem(pos, "import_tasks with a templated file name is not supported: '" + name + "'");
      return List.of();
    }
    Path path = reader.baseDir().resolve(name.strip()).normalize();
    List<TaskItem> items = TaskListReader.readFile(s, path, pos);
    if (inherited.isEmpty()) {
      return items;
    }
    return List.of(
        new Block(items, List.of(), List.of(), Collections.unmodifiableMap(inherited), pos));
  }

  /**
   * Ansible 2.14's rule for the deprecated {@code include}: static (read at parse time, like
   * {@code import_tasks}) when the file name is not a template, it has no loop and every parent is
   * static.
   */
  static boolean isStatic(Map<String, Object> args, Map<String, Object> keywords, ParseSession s) {
    boolean looped = keywords.keySet().stream().anyMatch(k -> k.equals("loop") || Keywords.isLoopWith(k));
    return s.staticParents() && !looped && fileOf(args) instanceof String name
        && !name.contains("{{") && !name.contains("{%");
  }

  /**
   * A static {@code include}: its other arguments are variables of the included tasks, and its
   * {@code vars} are include parameters (above set_fact), as for a dynamic one.
   */
  static List<TaskItem> expandStaticInclude(
      TaskListReader reader, Map<String, Object> args, Map<String, Object> keywords, Pos pos, ParseSession s) {
    Map<String, Object> vars = new LinkedHashMap<>();
    args.forEach((k, v) -> {
      if (!k.equals("_raw_params") && !k.equals("file")) {
        vars.put(k, v);
      }
    });
    Map<String, Object> inherited = new LinkedHashMap<>(keywords);
    Map<String, Object> params = new LinkedHashMap<>();
    if (inherited.get("vars") instanceof Map<?, ?> own) {
      own.forEach((k, v) -> params.put(String.valueOf(k), v));
    }
    vars.putAll(params);
    inherited.put("vars", vars);
    List<TaskItem> items = expandImport(reader, Map.of("_raw_params", fileOf(args)), Map.of(), pos, s);
    inherited.remove("name");
    inherited.keySet().removeIf(k -> !Keywords.BLOCK.contains(k));
    return List.of(new Block(items, List.of(), List.of(), Collections.unmodifiableMap(inherited), pos,
        Collections.unmodifiableMap(params)));
  }

  private static Object fileOf(Map<String, Object> args) {
    Object file = args.get("file");
    return file != null ? file : args.get("_raw_params");
  }
}
