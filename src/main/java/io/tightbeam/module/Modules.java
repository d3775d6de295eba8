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

  /** The nearest known name to {@code unknown} (also among {@code extra}), for "did you mean". */
  public Optional<String> suggest(String unknown, java.util.Collection<String> extra) {
    Set<String> all = names();
    all.addAll(extra);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String name : all) {
      int d = distance(unknown, name);
      if (d < bestDistance) {
        bestDistance = d;
        best = name;
      }
    }
    return bestDistance <= Math.max(2, unknown.length() / 3) ? Optional.ofNullable(best) : Optional.empty();
  }

  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      int[] cur = new int[b.length() + 1];
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      prev = cur;
    }
    return prev[b.length()];
  }

  public Set<String> names() {
    Set<String> all = new TreeSet<>(remote.keySet());
    all.addAll(actions.keySet());
    return all;
  }
}
