package io.tightbeam.template;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.lib.exptest.ExpTest;
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

  static void register(Jinjava jinjava) {
    for (ExpTest builtin : List.copyOf(jinjava.getGlobalContext().getAllExpTests())) {
      jinjava.registerExpTest(NamedTest.guarded(builtin));
    }
    jinjava.registerExpTest(new NamedTest("defined", true, (v, a) -> !(v instanceof Undefined)));
    jinjava.registerExpTest(new NamedTest("undefined", true, (v, a) -> v instanceof Undefined));
    add(jinjava, "none", (v, a) -> v == null);
    add(jinjava, "string", (v, a) -> v instanceof String);
    add(jinjava, "number", (v, a) -> v instanceof Number);
    add(jinjava, "boolean", (v, a) -> v instanceof Boolean);
    add(jinjava, "mapping", (v, a) -> v instanceof Map);
    add(jinjava, "iterable", (v, a) ->
        v instanceof Collection || v instanceof Map || v instanceof String || v instanceof Object[]);
    add(jinjava, "sequence", (v, a) ->
        v instanceof Collection || v instanceof Map || v instanceof String || v instanceof Object[]);
    add(jinjava, "in", (v, a) -> contains(a.get(0, "seq", List.of()), v));
    add(jinjava, "contains", (v, a) -> contains(v, a.get(0, "value", null)));
    add(jinjava, "match", (v, a) -> regex(v, a).matcher(Pyish.str(v)).lookingAt());
    add(jinjava, "search", (v, a) -> regex(v, a).matcher(Pyish.str(v)).find());
    add(jinjava, "regex", (v, a) -> {
      var m = regex(v, a).matcher(Pyish.str(v));
      return switch (matchType(a)) {
        case "match" -> m.lookingAt();
        case "fullmatch" -> m.matches();
        default -> m.find();
      };
    });
    add(jinjava, "version", (v, a) -> Versions.compare(Pyish.str(v), a));
    add(jinjava, "version_compare", (v, a) -> Versions.compare(Pyish.str(v), a));
    ResultTests.register(jinjava);
  }

  static void add(Jinjava jinjava, String name, NamedTest.Body body) {
    jinjava.registerExpTest(new NamedTest(name, false, body));
  }

  private static boolean contains(Object container, Object item) {
    if (container instanceof String s) {
      return s.contains(Pyish.str(item));
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
