package io.tightbeam.executor;

import io.tightbeam.playbook.Task;
import io.tightbeam.template.TemplateException;
import java.util.List;
import java.util.Map;

/**
 * A task's {@code when}: the conditions inherited from its blocks, imports and roles, then its own,
 * all of which must hold.
 */
final class Conditions {
  private Conditions() {}

  static boolean hold(PlayContext ctx, Scope scope, Task t, Map<String, Object> vars) {
    return inherited(ctx, scope, t, vars) && own(ctx, t, vars);
  }

  static boolean inherited(PlayContext ctx, Scope scope, Task t, Map<String, Object> vars) {
    for (Object when : scope.whens()) {
      if (!check(ctx, t, when, vars)) {
        return false;
      }
    }
    return true;
  }

  static boolean own(PlayContext ctx, Task t, Map<String, Object> vars) {
    return !t.keywords().containsKey("when") || check(ctx, t, t.keywords().get("when"), vars);
  }

  private static boolean check(PlayContext ctx, Task t, Object when, Map<String, Object> vars) {
    if (when instanceof List<?> all) {
      for (Object w : all) {
        if (!check(ctx, t, w, vars)) {
          return false;
        }
      }
      return true;
    }
    try {
      return ctx.templar().isTrue(when, vars);
    } catch (TemplateException e) {
      throw TaskErrors.inConditional(t, when, e);
    }
  }
}
