package io.tightbeam.template;

import com.hubspot.jinjava.Jinjava;
import java.util.Map;

/**
 * Ansible's tests on registered task results. {@code finished} and {@code started} follow the
 * async spec (§4.7): a mapping without the key is true with a warning; a non-mapping is an error.
 */
final class ResultTests {
  private ResultTests() {}

  static void register(Jinjava jinjava) {
    NamedTest.Body failed = (v, a) -> flag(result(v, "failed"), "failed");
    NamedTest.Body succeeded = (v, a) -> !flag(result(v, "succeeded"), "failed");
    NamedTest.Body changed = (v, a) -> changed(result(v, "changed"));
    NamedTest.Body skipped = (v, a) -> flag(result(v, "skipped"), "skipped");
    Tests.add(jinjava, "failed", failed);
    Tests.add(jinjava, "failure", failed);
    Tests.add(jinjava, "succeeded", succeeded);
    Tests.add(jinjava, "success", succeeded);
    Tests.add(jinjava, "changed", changed);
    Tests.add(jinjava, "change", changed);
    Tests.add(jinjava, "skipped", skipped);
    Tests.add(jinjava, "skip", skipped);
    Tests.add(jinjava, "finished", (v, a) -> async(v, "finished"));
    Tests.add(jinjava, "started", (v, a) -> async(v, "started"));
  }

  private static Map<?, ?> result(Object value, String test) {
    if (value instanceof Map<?, ?> m) {
      return m;
    }
    throw new TemplateException("The '" + test + "' test expects a dictionary");
  }

  private static boolean flag(Map<?, ?> result, String key) {
    Object v = result.get(key);
    return v instanceof String ? Filters.toBool(v) : Pyish.truthy(v);
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

  private static boolean async(Object value, String key) {
    Map<?, ?> result = result(value, key);
    if (!result.containsKey(key)) {
      AnsibleInterpreter.currentEvaluation()
          .warn("The '" + key + "' test expects an async task, but a non-async task was tested");
      return true;
    }
    Object v = result.get(key);
    return v instanceof Boolean b ? b : v instanceof Number n && n.doubleValue() == 1;
  }
}
