package io.tightbeam.executor;

import io.tightbeam.py.Py;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * add_host's and group_by's results put into the run's inventory, as Ansible's strategy does:
 * the result's {@code changed} says whether the inventory changed. Applied as the action returns
 * (so that each loop item sees the ones before it); the play's host states follow on the result
 * thread.
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
    } else if (result.containsKey("add_group")) {
      boolean changed = ctx.services().inventory().addToGroup(
          host, Py.str(result.get("add_group")), names(result.get("parent_groups")));
      result.put("changed", changed);
    }
    return result;
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
