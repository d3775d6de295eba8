package io.tightbeam.playbook;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds a task's action and arguments as Ansible's ModArgsParser does: the action is the one key
 * that is not a task keyword (or {@code action:} / {@code local_action:}); string arguments are
 * split into {@code k=v} pairs and {@code _raw_params}; the {@code args:} keyword is merged under
 * them. Module names are kept as written: whether a module exists is decided later.
 */
final class ModuleArgs {
  /** The action, its arguments, and whether it came from {@code local_action}. */
  record Call(String action, Map<String, Object> args, boolean local) {}

  private static final Set<String> FREE_FORM =
      Set.of("command", "shell", "script", "raw", "win_command", "win_shell");

  /** Ansible's RAW_PARAM_MODULES: the only actions that take words that are not k=v. */
  private static final List<String> RAW_PARAMS = List.of("command", "win_command", "shell",
      "win_shell", "script", "raw", "include_vars", "include_tasks", "include_role", "include",
      "import_tasks", "import_role", "add_host", "group_by", "set_fact", "meta");

  private ModuleArgs() {}

  /** Words that are not {@code k=v} given to an action that takes none: Ansible's parse error. */
  static void checkRawParams(String action, Map<String, Object> args) {
    if (!args.containsKey("_raw_params") || RAW_PARAMS.contains(shortName(action))) {
      return;
    }
    List<String> names = new java.util.ArrayList<>();
    for (String m : RAW_PARAMS) {
      names.add(m);
      names.add("ansible.builtin." + m);
      names.add("ansible.legacy." + m);
      if (m.startsWith("win_")) {
        names.add("ansible.windows." + m);
      }
    }
    throw new BadInput("this task '" + action + "' has extra params, which is only allowed in the"
        + " following modules: " + String.join(", ", names));
  }

  static Call parse(Map<String, Object> ds) {
    Object additional = ds.get("args");
    String action = null;
    Map<String, Object> args = Map.of();
    boolean local = false;
    if (ds.containsKey("action")) {
      Call c = fromActionKeyword(ds.get("action"), additional);
      action = c.action();
      args = c.args();
    }
    if (ds.containsKey("local_action")) {
      if (action != null) {
        throw new BadInput("action and local_action are mutually exclusive");
      }
      Call c = fromActionKeyword(ds.get("local_action"), additional);
      action = c.action();
      args = c.args();
      local = true;
    }
    for (Map.Entry<String, Object> e : ds.entrySet()) {
      String key = e.getKey();
      if (Keywords.isTaskKeyword(key)) {
        continue;
      }
      if (action != null) {
        throw new BadInput("conflicting action statements: " + action + ", " + key);
      }
      action = key;
      args = merge(additional, moduleArgs(key, e.getValue()));
    }
    if (action == null) {
      throw new BadInput("no module/action detected in task.");
    }
    return new Call(action, args, local);
  }

  static boolean isFreeForm(String action) {
    return FREE_FORM.contains(shortName(action));
  }

  private static String shortName(String action) {
    for (String prefix : List.of("ansible.builtin.", "ansible.legacy.", "ansible.windows.")) {
      if (action.startsWith(prefix)) {
        return action.substring(prefix.length());
      }
    }
    return action;
  }

  /** {@code action: copy src=a dest=b} or {@code action: {module: copy, src: a}}. */
  private static Call fromActionKeyword(Object value, Object additional) {
    if (value instanceof String text) {
      List<String> words = ArgSplitter.split(text);
      if (words.isEmpty()) {
        throw new BadInput("no module/action detected in task.");
      }
      String action = words.get(0).strip();
      String rest = String.join(" ", words.subList(1, words.size()));
      return new Call(action, merge(additional, keyValues(action, rest)), false);
    }
    if (value instanceof Map<?, ?> map && map.get("module") instanceof String module) {
      List<String> words = ArgSplitter.split(module);
      String action = words.isEmpty() ? module : words.get(0).strip();
      Map<String, Object> args = new LinkedHashMap<>();
      map.forEach((k, v) -> args.put(String.valueOf(k), v));
      args.remove("module");
      args.putAll(
          keyValues(
              action, String.join(" ", words.subList(Math.min(1, words.size()), words.size()))));
      return new Call(action, merge(additional, args), false);
    }
    throw new BadInput("unexpected parameter type in action: " + PyType.of(value));
  }

  private static Map<String, Object> moduleArgs(String action, Object value) {
    if (value == null) {
      return Map.of();
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> args = new LinkedHashMap<>();
      map.forEach((k, v) -> args.put(String.valueOf(k), v));
      return args;
    }
    if (value instanceof String text) {
      return keyValues(action, text);
    }
    throw new BadInput("unexpected parameter type in action: " + PyType.of(value));
  }

  static Map<String, Object> keyValues(String action, String text) {
    if (text.isBlank()) {
      return Map.of();
    }
    try {
      return ArgSplitter.parseKeyValues(text, isFreeForm(action));
    } catch (IllegalArgumentException e) {
      throw new BadInput(e.getMessage());
    }
  }

  /** The {@code args:} keyword first, the module's own arguments over it. */
  private static Map<String, Object> merge(Object additional, Map<String, Object> args) {
    Map<String, Object> all = new LinkedHashMap<>();
    if (additional instanceof Map<?, ?> map) {
      map.forEach((k, v) -> all.put(String.valueOf(k), v));
    } else if (additional instanceof String text && !text.isBlank()) {
      String t = text.strip();
      if (!(t.startsWith("{{") && t.endsWith("}}"))) {
        throw new BadInput(
            "Complex args containing variables cannot use bare variables (without Jinja2"
                + " delimiters), and must use the full variable style ('{{var_name}}')");
      }
      all.put("_variable_params", t);
    } else if (additional != null && !(additional instanceof String)) {
      throw new BadInput("Complex args must be a dictionary or variable string (\"{{var}}\").");
    }
    all.putAll(args);
    return all;
  }
}
