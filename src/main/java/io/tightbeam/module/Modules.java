package io.tightbeam.module;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The registry: every module and action by its short name, found also under {@code
 * ansible.builtin.} and {@code ansible.legacy.}. An explicit map, no class-path scanning.
 */
public final class Modules {
  private final Map<String, RemoteModule> remote;
  private final Map<String, ControllerAction> actions;

  public Modules(Map<String, RemoteModule> remote, Map<String, ControllerAction> actions) {
    this.remote = Map.copyOf(remote);
    this.actions = Map.copyOf(actions);
  }

  /** The built-in set. */
  public static Modules builtin() {
    return new Modules(Map.of(), Map.of()); // TODO(modules helper): register every module
  }

  /** The short name for {@code name}: {@code ansible.builtin.command} gives {@code command}. */
  public static String shortName(String name) {
    for (String prefix : new String[] {"ansible.builtin.", "ansible.legacy."}) {
      if (name.startsWith(prefix)) {
        return name.substring(prefix.length());
      }
    }
    return name;
  }

  public Optional<RemoteModule> remote(String name) {
    return Optional.ofNullable(remote.get(shortName(name)));
  }

  public Optional<ControllerAction> action(String name) {
    return Optional.ofNullable(actions.get(shortName(name)));
  }

  public Set<String> names() {
    Set<String> all = new TreeSet<>(remote.keySet());
    all.addAll(actions.keySet());
    return all;
  }
}
