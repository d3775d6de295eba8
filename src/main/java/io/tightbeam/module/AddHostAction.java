package io.tightbeam.module;

import io.tightbeam.py.Py;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ansible's {@code add_host}: returns {@code add_host: {host_name, groups, host_vars}}, which the
 * executor adds to the run's inventory (and then says whether that changed it). Runs once per task,
 * on the first host, as Ansible's bypasses the host loop.
 */
final class AddHostAction implements ControllerAction {
  private static final Set<String> SPECIAL = Set.of("name", "hostname", "groupname", "groups");
  /** {@code host:port} and {@code [v6]:port}; anything else with a colon is a name as given. */
  private static final Pattern WITH_PORT = Pattern.compile("(?:\\[([^\\]]+)]|([^:\\[\\]]+)):(\\d+)");

  @Override
  public String name() {
    return "add_host";
  }

  @Override
  public boolean bypassHostLoop() {
    return true;
  }

  @Override
  public Map<String, Object> run(Map<String, Object> given, ActionContext context) {
    Map<String, Object> args = new LinkedHashMap<>();
    Object raw = given.getOrDefault("_raw_params", Map.of());
    if (!(raw instanceof Map<?, ?> rawMap)) {
      throw new ActionFailure("Invalid raw parameters passed, requires a dictonary/mapping got a  <class '"
          + Py.typeName(raw) + "'>");
    }
    rawMap.forEach((k, v) -> args.put(String.valueOf(k), v));
    given.forEach((k, v) -> {
      if (!k.equals("_raw_params")) {
        args.put(k, v);
      }
    });
    Object newName = args.containsKey("name") ? args.get("name")
        : args.containsKey("hostname") ? args.get("hostname") : args.get("host");
    if (newName == null) {
      throw new ActionFailure("name, host or hostname needs to be provided");
    }
    String name = Py.str(newName);
    Matcher m = WITH_PORT.matcher(name);
    if (m.matches()) {
      name = m.group(1) != null ? m.group(1) : m.group(2);
      args.put("ansible_ssh_port", Integer.parseInt(m.group(3)));
    }
    Object groups = args.containsKey("groupname") ? args.get("groupname")
        : args.containsKey("groups") ? args.get("groups") : args.getOrDefault("group", "");
    List<String> newGroups = new ArrayList<>();
    if (Py.truthy(groups)) {
      List<Object> list = new ArrayList<>();
      if (groups instanceof List<?> l) {
        list.addAll(l);
      } else if (groups instanceof CharSequence s) {
        list.addAll(List.of(s.toString().split(",", -1)));
      } else {
        throw new ActionFailure("Groups must be specified as a list.");
      }
      for (Object g : list) {
        String group = Py.str(g);
        if (!newGroups.contains(group)) {
          newGroups.add(group.strip());
        }
      }
    }
    Map<String, Object> hostVars = new LinkedHashMap<>();
    args.forEach((k, v) -> {
      if (!SPECIAL.contains(k)) {
        hostVars.put(k, v);
      }
    });
    Map<String, Object> added = new LinkedHashMap<>();
    added.put("host_name", name);
    added.put("groups", newGroups);
    added.put("host_vars", hostVars);
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("changed", false);
    r.put("add_host", added);
    return r;
  }
}
