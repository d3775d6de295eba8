package io.tightbeam.template;

import io.tightbeam.py.Py;
import java.util.Collection;
import java.util.Map;

/** Ansible's mathstuff tests: subset, superset, contains, nan. */
final class MathTests {
  private MathTests() {}

  static void register(Catalogue c) {
    Catalogue.TestBody subset = (v, a, e) -> within(v, a.get(0, "b", null));
    Catalogue.TestBody superset = (v, a, e) -> within(a.get(0, "b", null), v);
    c.test("subset", subset);
    c.test("issubset", subset);
    c.test("superset", superset);
    c.test("issuperset", superset);
    c.test("contains", (v, a, e) -> BuiltinTests.contains(v, a.get(0, "value", null)));
    Catalogue.TestBody nan = (v, a, e) -> Py.isFloat(v) && Double.isNaN(Py.toDouble(v));
    c.test("nan", nan);
    c.test("isnan", nan);
  }

  /** Python's {@code set(a) <= set(b)}. */
  private static boolean within(Object a, Object b) {
    Collection<?> small = members(a);
    Collection<?> big = members(b);
    for (Object x : small) {
      if (big.stream().noneMatch(y -> Py.eq(x, y))) {
        return false;
      }
    }
    return true;
  }

  private static Collection<?> members(Object v) {
    if (v instanceof Map<?, ?> m) {
      return m.keySet();
    } else if (v instanceof CharSequence s) {
      return s.toString().codePoints().mapToObj(Character::toString).toList();
    } else if (v instanceof Collection<?> c) {
      for (Object x : c) {
        if (x instanceof Collection || x instanceof Map) {
          throw PluginError.of(PluginError.TYPE_ERROR, "unhashable type: '" + Py.typeName(x) + "'");
        }
      }
      return c;
    }
    throw PluginError.of(PluginError.TYPE_ERROR, "'" + Py.typeName(v) + "' object is not iterable");
  }

}
