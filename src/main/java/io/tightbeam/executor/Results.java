package io.tightbeam.executor;

import java.util.LinkedHashMap;
import java.util.Map;

/** Reading Ansible result dictionaries, whose flags may be booleans, integers or strings. */
final class Results {
  private Results() {}

  static boolean truthy(Object v) {
    if (v == null) {
      return false;
    }
    if (v instanceof Boolean b) {
      return b;
    }
    if (v instanceof Number n) {
      return n.doubleValue() != 0;
    }
    String s = v.toString().trim().toLowerCase();
    return s.equals("true") || s.equals("yes") || s.equals("1") || s.equals("on");
  }

  static boolean failed(Map<String, Object> r) {
    return truthy(r.get("failed"));
  }

  static boolean changed(Map<String, Object> r) {
    return truthy(r.get("changed"));
  }

  static boolean skipped(Map<String, Object> r) {
    return truthy(r.get("skipped"));
  }

  static boolean unreachable(Map<String, Object> r) {
    return truthy(r.get("unreachable"));
  }

  /**
   * Ansible's defaults for a module's result, before until, changed_when and failed_when see it:
   * {@code failed} when missing (true for a non-zero {@code rc}, the old modules' way to fail,
   * else false) and {@code changed} false when missing. Playbooks read {@code result.failed}.
   */
  static void completeFlags(Map<String, Object> r) {
    if (!r.containsKey("failed")) {
      Object rc = r.get("rc");
      r.put("failed", rc != null && !(rc.equals(0) || rc.equals(0L) || "0".equals(rc)));
    }
    r.putIfAbsent("changed", false);
  }

  static Map<String, Object> failure(String msg) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("failed", true);
    r.put("msg", msg);
    return r;
  }

  static Map<String, Object> of(Object... kv) {
    Map<String, Object> r = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      r.put((String) kv[i], kv[i + 1]);
    }
    return r;
  }
}
