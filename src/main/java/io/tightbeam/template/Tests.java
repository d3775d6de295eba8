package io.tightbeam.template;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Registers Jinja2's and Ansible's tests: type tests, regex tests, {@code version}, and the task
 * result tests ({@code succeeded}, {@code failed}, {@code changed}, {@code skipped},
 * {@code finished}, {@code started}).
 */
final class Tests {
  private Tests() {}

  static void register(Catalogue c) {
    c.test("defined", true, (v, a, env) -> !(v instanceof Undefined));
    c.test("undefined", true, (v, a, env) -> v instanceof Undefined);
    c.test("none", (v, a, env) -> v == null);
    c.test("string", (v, a, env) -> v instanceof String);
    c.test("number", (v, a, env) -> v instanceof Number);
    c.test("boolean", (v, a, env) -> v instanceof Boolean);
    c.test("mapping", (v, a, env) -> v instanceof Map);
    c.test("iterable", (v, a, env) ->
        v instanceof Collection || v instanceof Map || v instanceof String || v instanceof Object[]);
    c.test("sequence", (v, a, env) ->
        v instanceof Collection || v instanceof Map || v instanceof String || v instanceof Object[]);
    c.test("in", (v, a, env) -> contains(a.get(0, "seq", List.of()), v));
    c.test("contains", (v, a, env) -> contains(v, a.get(0, "value", null)));
    c.test("match", (v, a, env) -> regex(v, a).matcher(io.tightbeam.py.Py.str(v)).lookingAt());
    c.test("search", (v, a, env) -> regex(v, a).matcher(io.tightbeam.py.Py.str(v)).find());
    c.test("regex", (v, a, env) -> {
      var m = regex(v, a).matcher(io.tightbeam.py.Py.str(v));
      return switch (matchType(a)) {
        case "match" -> m.lookingAt();
        case "fullmatch" -> m.matches();
        default -> m.find();
      };
    });
    c.test("version", (v, a, env) -> Versions.compare(io.tightbeam.py.Py.str(v), a));
    c.test("version_compare", (v, a, env) -> Versions.compare(io.tightbeam.py.Py.str(v), a));
    ResultTests.register(c);
  }

  /** A test body that needs no template run. */
  @FunctionalInterface
  interface Body {
    boolean apply(Object value, Args args);
  }

  private static boolean contains(Object container, Object item) {
    if (container instanceof String s) {
      return s.contains(io.tightbeam.py.Py.str(item));
    }
    if (container instanceof Map<?, ?> m) {
      return m.containsKey(item);
    }
    for (Object o : Filters.list(container)) {
      if (o == null ? item == null : o.equals(item)
          || (o instanceof Number && item instanceof Number && Filters.compare(o, item) == 0)) {
        return true;
      }
    }
    return false;
  }

  private static String matchType(Args a) {
    // Jinjava drops keyword names, so match_type=... arrives as a positional string.
    for (int i = 1; i < a.size(); i++) {
      if (a.positional()[i] instanceof String s && Set.of("search", "match", "fullmatch").contains(s)) {
        return s;
      }
    }
    return a.string(3, "match_type", "search");
  }

  private static boolean flag(Args a, int index, String name) {
    Object v = a.get(index, name, false);
    return v instanceof Boolean b ? b : false;
  }

  private static Pattern regex(Object value, Args a) {
    int flags = 0;
    if (flag(a, 1, "ignorecase")) {
      flags |= Pattern.CASE_INSENSITIVE;
    }
    if (flag(a, 2, "multiline")) {
      flags |= Pattern.MULTILINE;
    }
    return Pattern.compile(TextFilters.pythonRegex(a.string(0, "pattern", "")), flags);
  }
}
