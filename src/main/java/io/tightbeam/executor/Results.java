package io.tightbeam.executor;

import io.tightbeam.py.Py;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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

  /**
   * Whether the task failed, as Ansible's TaskResult decides: a {@code failed_when_result} (in the
   * result or any loop item) outranks {@code failed}, which until's last attempt sets regardless.
   */
  static boolean failed(Map<String, Object> r) {
    List<Map<?, ?>> items = new ArrayList<>();
    if (r.get("results") instanceof List<?> list) {
      list.forEach(i -> {
        if (i instanceof Map<?, ?> m) {
          items.add(m);
        }
      });
    }
    if (r.containsKey("failed_when_result") || items.stream().anyMatch(i -> i.containsKey("failed_when_result"))) {
      return items.isEmpty()
          ? Py.truthy(r.get("failed_when_result"))
          : items.stream().anyMatch(i -> Py.truthy(i.get("failed_when_result")));
    }
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

  /**
   * The value {@code register} stores: a copy without Ansible's internal {@code _ansible_*} keys,
   * at any depth; with {@code unsafe} (every result but set_fact's and include_vars') its texts,
   * keys too, unsafe, as Ansible wraps a registered result.
   */
  @SuppressWarnings("unchecked")
  static <T> T registered(T value, boolean unsafe) {
    if (value instanceof Map<?, ?> m) {
      Map<Object, Object> out = new LinkedHashMap<>();
      m.forEach((k, v) -> {
        if (!(k instanceof String s && s.startsWith("_ansible_"))) {
          out.put(registered(k, unsafe), registered(v, unsafe));
        }
      });
      return (T) out;
    }
    if (value instanceof List<?> l) {
      List<Object> out = new ArrayList<>(l.size());
      l.forEach(v -> out.add(registered(v, unsafe)));
      return (T) out;
    }
    if (unsafe && value instanceof String s) {
      String text = io.tightbeam.py.NativeJinjaText.isNative(s) ? io.tightbeam.py.NativeJinjaText.mark(new String(s)) : new String(s);
      return (T) io.tightbeam.py.AnsibleUnsafe.mark(text);
    }
    return value;
  }

  /**
   * Marks a result that ends the attempt as it is (Ansible's early return from _execute, as for
   * the task timeout): no until, changed_when, failed_when, nor a default {@code changed}.
   */
  static final String FINAL = "_ansible_tb_final";

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
