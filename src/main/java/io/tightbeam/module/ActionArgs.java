package io.tightbeam.module;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The argument check Ansible's controller actions make: {@code Invalid options for debug: foo}. */
final class ActionArgs {
  private ActionArgs() {}

  static void allowOnly(String action, Map<String, Object> args, Set<String> valid) {
    Set<String> bad = new TreeSet<>(args.keySet());
    bad.removeAll(valid);
    if (!bad.isEmpty()) {
      throw new ActionFailure(
          "Invalid options for " + action + ": " + String.join(",", bad));
    }
  }
}
