package io.tightbeam.executor;

import io.tightbeam.module.Modules;
import io.tightbeam.template.Literal;
import io.tightbeam.template.Templar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ansible's {@code module_defaults}: the levels (play, blocks, roles, task) merged, an inner entry
 * replacing an outer one for the same module; a module's defaults sit under the task's own
 * arguments. An entry names the module by its short, {@code ansible.builtin.} or {@code
 * ansible.legacy.} name (Ansible resolves all three to one), or as the task does. A {@code
 * group/NAME} entry gives defaults to every module of that action group (ansible-core's own groups:
 * those of its runtime.yml whose modules are built in), under a module's own entry.
 */
final class ModuleDefaults {
  /** ansible-core's action groups that hold built-in modules (the others only extend collections'). */
  private static final Map<String, List<String>> BUILTIN_GROUPS =
      Map.of("testgroup", List.of("ping", "legacy_ping", "formerly_core_ping"));

  private final Map<String, Object> byModule;

  private ModuleDefaults(Map<String, Object> byModule) {
    this.byModule = byModule;
  }

  static ModuleDefaults of(List<Object> levels, Templar templar, Map<String, Object> vars) {
    Map<String, Object> merged = new LinkedHashMap<>();
    for (Object level : levels) {
      Object raw = level instanceof Literal l ? l.value() : level;
      for (Object one : raw instanceof List<?> list ? list : List.of(raw)) {
        Object value = templar.template(one, vars);
        if (value instanceof Map<?, ?> m) {
          m.forEach((k, v) -> merged.put(String.valueOf(k), v));
        }
      }
    }
    return new ModuleDefaults(merged);
  }

  /** {@code args} over the defaults given for {@code action}. */
  Map<String, Object> apply(String action, Map<String, Object> args) {
    Map<String, Object> out = new LinkedHashMap<>(forModule(action));
    out.putAll(args);
    return out;
  }

  /** {@code group/testgroup} and {@code group/ansible.builtin.testgroup} name the same group. */
  private static String groupName(String key) {
    String name = key.substring("group/".length());
    return name.startsWith("ansible.builtin.") ? name.substring("ansible.builtin.".length()) : name;
  }

  /** The defaults for one module, by any of its names (its groups' first). */
  Map<String, Object> forModule(String action) {
    String shortName = Modules.shortName(action);
    Map<String, Object> out = new LinkedHashMap<>();
    byModule.forEach((key, value) -> {
      if (key.startsWith("group/") && value instanceof Map<?, ?> m
          && BUILTIN_GROUPS.getOrDefault(groupName(key), List.of()).contains(shortName)) {
        m.forEach((k, v) -> out.put(String.valueOf(k), v));
      }
    });
    for (String name : List.of(shortName, "ansible.builtin." + shortName, "ansible.legacy." + shortName, action)) {
      if (byModule.get(name) instanceof Map<?, ?> m) {
        m.forEach((k, v) -> out.put(String.valueOf(k), v));
      }
    }
    return out;
  }
}
