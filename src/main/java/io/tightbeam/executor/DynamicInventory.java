package io.tightbeam.executor;

import io.tightbeam.py.Py;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * add_host's and group_by's results put into the run's inventory, as Ansible's strategy does:
 * the result's {@code changed} says whether the inventory changed. add_host is applied as the
 * action returns (so that each loop item sees the ones before it); group_by on the result thread
 * in host order, as Ansible's results mostly come (its groups list their hosts in that order); the
 * play's host states follow on the result thread.
 */
final class DynamicInventory {
  private DynamicInventory() {}

  /** On the worker: changes the inventory for one result of {@code host}'s task. */
  static Map<String, Object> apply(PlayContext ctx, String host, Map<String, Object> result) {
    if (Results.failed(result)) {
      return result;
    }
    if (result.get("add_host") instanceof Map<?, ?> added) {
      Map<String, Object> vars = new LinkedHashMap<>();
      if (added.get("host_vars") instanceof Map<?, ?> hv) {
        hv.forEach((k, v) -> vars.put(String.valueOf(k), v));
      }
      boolean changed = ctx.services().inventory().addHost(
          Py.str(added.get("host_name")), names(added.get("groups")), vars);
      result.put("changed", changed);
    }
    return result;
  }

  /**
   * On the result thread, before anything reads the result: group_by's groups for {@code h}, each
   * loop item's in turn, and the result's {@code changed} as the inventory says.
   */
  static void group(PlayContext ctx, HostState h, Map<String, Object> result) {
    if (Results.failed(result)) {
      return;
    }
    if (result.get("results") instanceof List<?> items) {
      boolean any = false;
      for (Object item : items) {
        if (item instanceof Map<?, ?> m && m.containsKey("add_group") && !Results.failed(asMap(m))) {
          any |= addToGroup(ctx, h, asMap(m));
        }
      }
      if (items.stream().anyMatch(i -> i instanceof Map<?, ?> m && m.containsKey("add_group"))) {
        result.put("changed", any);
      }
    } else if (result.containsKey("add_group")) {
      addToGroup(ctx, h, result);
    }
  }

  private static boolean addToGroup(PlayContext ctx, HostState h, Map<String, Object> result) {
    boolean changed = ctx.services().inventory().addToGroup(
        h.name(), Py.str(result.get("add_group")), names(result.get("parent_groups")));
    result.put("changed", changed);
    return changed;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(Map<?, ?> m) {
    return (Map<String, Object>) m;
  }

  /** On the result thread: the hosts a result named see their new groups and vars. */
  static void refresh(PlayContext ctx, HostState h, Map<String, Object> result) {
    List<Map<?, ?>> items = new ArrayList<>();
    if (result.get("results") instanceof List<?> l) {
      l.stream().filter(Map.class::isInstance).forEach(i -> items.add((Map<?, ?>) i));
    } else {
      items.add(result);
    }
    for (Map<?, ?> item : items) {
      String name = null;
      if (item.get("add_host") instanceof Map<?, ?> added) {
        name = Py.str(added.get("host_name"));
      } else if (item.containsKey("add_group")) {
        name = h.name();
      }
      HostState state = name == null ? null : ctx.known().get(name);
      if (state != null) {
        ctx.services().inventory().host(name).ifPresent(host ->
            state.refresh(host, ctx.services().inventory().hostVars(host, ctx.services().playbookDir())));
      }
    }
  }

  private static List<String> names(Object value) {
    List<String> out = new ArrayList<>();
    if (value instanceof List<?> l) {
      l.forEach(v -> out.add(Py.str(v)));
    }
    return out;
  }
}
