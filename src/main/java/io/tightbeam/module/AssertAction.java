package io.tightbeam.module;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Ansible's {@code assert}: every expression in {@code that} must hold; the first that does not
 * fails the host with {@code fail_msg} (or {@code msg}) and names the assertion.
 */
final class AssertAction implements ControllerAction {
  @Override
  public String name() {
    return "assert";
  }

  @Override
  public Map<String, Object> run(Map<String, Object> args, ActionContext context) {
    ActionArgs.allowOnly(
        "assert", args, Set.of("that", "fail_msg", "msg", "quiet", "success_msg"));
    Object that = that(args, context);
    if (that == null) {
      throw new ModuleArgumentException("conditional required in \"that\" string");
    }
    Object failMsg = args.containsKey("fail_msg") ? args.get("fail_msg") : args.get("msg");
    checkMessage("fail_msg or msg", failMsg);
    Object successMsg = args.get("success_msg");
    checkMessage("success_msg", successMsg);
    List<?> assertions = that instanceof List<?> list ? list : List.of(that);
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("changed", false);
    boolean quiet = args.get("quiet") != null && Boolean.parseBoolean(String.valueOf(args.get("quiet")).toLowerCase().replace("yes", "true"));
    if (!quiet) {
      // As Ansible's assert: its result is shown in full even without -v.
      r.put("_ansible_verbose_always", true);
    }
    for (Object assertion : assertions) {
      if (!context.templar().isTrue(assertion, context.vars())) {
        r.put("failed", true);
        r.put("evaluated_to", false);
        r.put("assertion", assertion);
        r.put("msg", failMsg == null ? "Assertion failed" : failMsg);
        return r;
      }
    }
    r.put("msg", successMsg == null ? "All assertions passed" : successMsg);
    return r;
  }

  /**
   * The assertions as written: each is a conditional of its own (so a template inside one draws
   * Ansible's warning); a single string is templated first, as it may name a list.
   */
  private static Object that(Map<String, Object> args, ActionContext context) {
    Object raw = context.untemplatedArgs().get("that");
    if (raw == null) { // the arguments came whole from a template
      return args.get("that");
    }
    return raw instanceof String s ? context.templar().template(s, context.vars()) : raw;
  }

  private static void checkMessage(String name, Object message) {
    if (message != null && !(message instanceof String) && !(message instanceof List)) {
      throw new ModuleArgumentException(
          "Incorrect type for "
              + name
              + ", expected a string or list and got "
              + message.getClass().getSimpleName());
    }
  }
}
