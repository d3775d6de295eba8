package io.tightbeam.module;

import io.tightbeam.template.TemplateException;
import java.util.LinkedHashMap;
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
    ActionArgs.allowOnly("debug", args, Set.of("msg", "var", "verbosity"));
    if (args.containsKey("msg") && args.containsKey("var")) {
      throw new ModuleArgumentException("parameters are mutually exclusive: msg|var");
    }
    long verbosity = ArgSpec.toInt("verbosity", args.getOrDefault("verbosity", 0));
    Map<String, Object> r = new LinkedHashMap<>();
    if (context.verbosity() < verbosity) {
      r.put("skipped_reason", "Verbosity threshold not met.");
      r.put("skipped", true);
    } else if (args.containsKey("var")) {
      Object var = args.get("var");
      String expression = String.valueOf(var);
      r.put(expression, value(expression, context));
    } else {
      r.put("msg", args.getOrDefault("msg", "Hello world!"));
    }
    if (!r.containsKey("skipped")) {
      r.put("_ansible_verbose_always", true); // shown in full, also when failed_when fails it or until retries it
    }
    r.put("changed", false);
    r.put("failed", false);
    return r;
  }

  private static Object value(String expression, ActionContext context) {
    try {
      return context.templar().evaluate(expression, context.vars());
    } catch (TemplateException e) {
      return context.verbosity() > 0 ? UNDEFINED + ": " + e.getMessage() : UNDEFINED;
    }
  }
}
