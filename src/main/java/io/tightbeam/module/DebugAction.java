package io.tightbeam.module;

import io.tightbeam.py.AnsibleUnsafe;
import io.tightbeam.template.TemplateException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Ansible's {@code debug}: shows {@code msg}, or the value of the expression {@code var} under
 * the expression itself as key, or is skipped when the run is less verbose than {@code
 * verbosity}. The output callback shows its result even without {@code -v}.
 */
final class DebugAction implements ControllerAction {
  static final String UNDEFINED = "VARIABLE IS NOT DEFINED!";

  @Override
  public String name() {
    return "debug";
  }

  @Override
  public Map<String, Object> run(Map<String, Object> args, ActionContext context) {
    if (args.containsKey("msg") && args.containsKey("var")) { // Ansible's debug checks this first
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("failed", true);
      r.put("msg", "'msg' and 'var' are incompatible options");
      return r;
    }
    ActionArgs.allowOnly("debug", args, Set.of("msg", "var", "verbosity"));
    long verbosity = ArgSpec.toInt("verbosity", args.getOrDefault("verbosity", 0));
    Map<String, Object> r = new LinkedHashMap<>();
    if (context.verbosity() < verbosity) {
      r.put("skipped_reason", "Verbosity threshold not met.");
      r.put("skipped", true);
    } else if (args.get("var") instanceof List || args.get("var") instanceof Map) {
      // a list or map is no expression: Ansible names it by its type and finds nothing
      Object var = args.get("var");
      r.put("<class '" + (var instanceof List ? "list" : "dict") + "'>",
          context.verbosity() > 0 ? UNDEFINED + ": " : UNDEFINED);
    } else if (args.containsKey("var")) {
      Object var = args.get("var");
      String expression = String.valueOf(var);
      // Ansible templates "{{" + var + "}}", which stays unsafe (so printed as is) when var was
      r.put(expression, AnsibleUnsafe.isUnsafe(var) ? "{{" + expression + "}}" : value(expression, context));
    } else {
      r.put("msg", args.getOrDefault("msg", "Hello world!"));
    }
    if (!r.containsKey("skipped")) {
      // shown indented even when failed_when fails it, as Ansible's debug marks its result
      r.put("_ansible_verbose_always", true);
    }
    r.put("changed", false);
    r.put("failed", false);
    return r;
  }

  private static Object value(String expression, ActionContext context) {
    try {
      return context.templar().evaluate(expression, context.vars());
    } catch (TemplateException e) {
      if (!e.isUndefined()) { // Ansible's debug names only an undefined variable; others fail the task
        throw e;
      }
      // Ansible's text carries the undefined error twice (its own and its cause's)
      return context.verbosity() > 0 ? UNDEFINED + ": " + e.getMessage() + ". " + e.getMessage() : UNDEFINED;
    }
  }
}
