package io.tightbeam.module;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Ansible's {@code fail}: fails the host with {@code msg}. */
final class FailAction implements ControllerAction {
  @Override
  public String name() {
    return "fail";
  }

  @Override
  public Map<String, Object> run(Map<String, Object> args, ActionContext context) {
    ActionArgs.allowOnly("fail", args, Set.of("msg"));
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("changed", false);
    r.put("failed", true);
    r.put("msg", args.getOrDefault("msg", "Failed as requested from task"));
    return r;
  }
}
