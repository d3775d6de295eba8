package io.tightbeam.template;

import java.util.Map;

/**
 * Ansible's tests on registered task results. {@code finished} and {@code started} follow the
 * async spec (§4.7): a mapping without the key is true with a warning; a non-mapping is an error.
 */
final class ResultTests {
  private ResultTests() {}

  static void register(Catalogue c) {
    Tests.Body failed = (v, a) -> flag(result(v, "failed"), "failed");
    Tests.Body succeeded = (v, a) -> !flag(result(v, "succeeded"), "failed");
    Tests.Body changed = (v, a) -> changed(result(v, "changed"));
    Tests.Body skipped = (v, a) -> flag(result(v, "skipped"), "skipped");
    c.test("failed", (v, a, env) -> failed.apply(v, a));
    c.test("failure", (v, a, env) -> failed.apply(v, a));
    c.test("succeeded", (v, a, env) -> succeeded.apply(v, a));
    c.test("success", (v, a, env) -> succeeded.apply(v, a));
    c.test("changed", (v, a, env) -> changed.apply(v, a));
    c.test("change", (v, a, env) -> changed.apply(v, a));
    c.test("skipped", (v, a, env) -> skipped.apply(v, a));
    c.test("skip", (v, a, env) -> skipped.apply(v, a));
    c.test("finished", (v, a, env) -> async(v, "finished", env));
    c.test("started", (v, a, env) -> async(v, "started", env));
  }

  private static Map<?, ?> result(Object value, String test) {
    if (value instanceof Map<?, ?> m) {
      return m;
    }
    throw new TemplateException("The '" + test + "' test expects a dictionary");
  }

  private static boolean flag(Map<?, ?> result, String key) {
    Object v = result.get(key);
    return v instanceof String ? Filters.toBool(v) : io.tightbeam.py.Py.truthy(v);
  }

  private static boolean changed(Map<?, ?> result) {
    if (flag(result, "changed")) {
      return true;
    }
    if (result.get("results") instanceof Iterable<?> items) {
      for (Object item : items) {
        if (item instanceof Map<?, ?> m && flag(m, "changed")) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean async(Object value, String key, Env env) {
    Map<?, ?> result = result(value, key);
    if (!result.containsKey(key)) {
      env.warn("The '" + key + "' test expects an async task, but a non-async task was tested");
      return true;
    }
    Object v = result.get(key);
    return v instanceof Boolean b ? b : v instanceof Number n && n.doubleValue() == 1;
  }
}
