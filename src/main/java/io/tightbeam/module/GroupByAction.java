package io.tightbeam.module;

import io.tightbeam.py.Py;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Ansible's {@code group_by}: returns {@code add_group} and {@code parent_groups} (spaces become
 * dashes), which the executor applies to the run's inventory for the task's host.
 */
final class GroupByAction implements ControllerAction {
  @Override
  public String name() {
    return "group_by";
  }

  @Override
  public Map<String, Object> run(Map<String, Object> args, ActionContext context) {
    ActionArgs.allowOnly("group_by", args, Set.of("key", "parents"));
    Map<String, Object> r = new LinkedHashMap<>();
    if (!args.containsKey("key")) {
      r.put("failed", true);
      r.put("msg", "the 'key' param is required when using group_by");
      return r;
    }
    Object parents = args.getOrDefault("parents", List.of("all"));
    List<String> parentGroups = new ArrayList<>();
    for (Object p : parents instanceof List<?> l ? l : List.of(parents)) {
      parentGroups.add(Py.str(p).replace(' ', '-'));
    }
    r.put("changed", false);
    r.put("add_group", Py.str(args.get("key")).replace(' ', '-'));
    r.put("parent_groups", parentGroups);
    return r;
  }
}
