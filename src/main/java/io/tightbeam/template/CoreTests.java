package io.tightbeam.template;

import io.tightbeam.py.Py;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ansible's core tests (ansible.builtin): task result states, regular expressions, versions,
 * {@code any}/{@code all}, {@code truthy}/{@code falsy} and {@code vault_encrypted}.
 */
final class CoreTests {
  private CoreTests() {}

  /** A vault-encrypted value (Ansible's {@code __ENCRYPTED__}), as the YAML reader may produce. */
  interface Encrypted {
    boolean isEncrypted();
  }

  static void register(Catalogue c) {
    for (String name : List.of("failed", "failure")) {
      c.test(name, true, (v, a, e) -> state(v, "failed"));
    }
    for (String name : List.of("succeeded", "success", "successful")) {
      c.test(name, true, (v, a, e) -> !Py.truthy(state(v, "failed")));
    }
    c.test("unreachable", true, (v, a, e) -> state(v, "unreachable"));
    c.test("reachable", true, (v, a, e) -> !Py.truthy(state(v, "unreachable")));
    c.test("skipped", true, (v, a, e) -> state(v, "skipped"));
    c.test("skip", true, (v, a, e) -> state(v, "skipped"));
    c.test("changed", true, CoreTests::changed);
    c.test("change", true, CoreTests::changed);
    c.test("finished", true, (v, a, e) -> asyncState(v, "finished", e));
    c.test("started", true, (v, a, e) -> asyncState(v, "started", e));
    c.test("match", (v, a, e) -> regex(v, a, "match"));
    c.test("search", (v, a, e) -> regex(v, a, "search"));
    c.test("regex", (v, a, e) -> regex(v, a, Py.str(a.get(3, "match_type", "search"))));
    c.test("version", CoreTests::version);
    c.test("version_compare", CoreTests::version);
    c.test("any", (v, a, e) -> items(v).stream().anyMatch(Py::truthy));
    c.test("all", (v, a, e) -> items(v).stream().allMatch(Py::truthy));
    c.test("truthy", (v, a, e) -> truthy(v, a));
    c.test("falsy", (v, a, e) -> !truthy(v, a));
    c.test("vault_encrypted", (v, a, e) -> v instanceof io.tightbeam.vault.EncryptedString
        || v instanceof Encrypted x && x.isEncrypted());
  }

  private static Map<?, ?> result(Object value, String test) {
    if (value instanceof Map<?, ?> m) {
      return m;
    }
    throw PluginError.of(PluginError.FILTER_ERROR, "The '" + test + "' test expects a dictionary");
  }

  private static Object state(Object value, String key) {
    Map<?, ?> r = result(value, key);
    return r.containsKey(key) ? r.get(key) : false;
  }

  private static Object changed(Object value, Args a, Env e) {
    Map<?, ?> r = result(value, "changed");
    if (r.containsKey("changed")) {
      return r.get("changed");
    }
    if (r.get("results") instanceof List<?> results) {
      if (results.isEmpty()) {
        throw new TemplateException("list index out of range"); // Ansible reads results[0]
      }
      if (!(results.get(0) instanceof Map)) {
        return false;
      }
      for (Object each : results) {
        if (each instanceof Map<?, ?> m && Py.truthy(m.containsKey("changed") ? m.get("changed")
            : false)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean asyncState(Object value, String key, Env env) {
    Map<?, ?> r = result(value, key);
    if (r.containsKey(key)) {
      return Py.eq(r.get(key), 1);
    }
    env.warn("The '" + key + "' test expects an async task, but a non-async task was tested");
    return true;
  }

  private static boolean regex(Object value, Args a, String how) {
    int flags = 0;
    if (Py.truthy(a.get(1, "ignorecase", false))) {
      flags |= Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    }
    if (Py.truthy(a.get(2, "multiline", false))) {
      flags |= Pattern.MULTILINE;
    }
    Object pattern = a.get(0, "pattern", "");
    Matcher m = PythonPattern.compile(Py.str(pattern), flags).matcher(Py.str(value));
    return switch (how) {
      case "match" -> m.lookingAt();
      case "fullmatch" -> m.matches();
      default -> m.find();
    };
  }

  private static Collection<?> items(Object value) {
    if (value instanceof Collection<?> c) {
      return c;
    } else if (value instanceof Map<?, ?> m) {
      return m.keySet();
    } else if (value instanceof CharSequence s) {
      return s.toString().codePoints().mapToObj(Character::toString).toList();
    }
    throw PluginError.of(PluginError.TYPE_ERROR, "'" + Py.typeName(value) + "' object is not iterable");
  }

  private static final Set<String> TRUE_WORDS = Set.of("y", "yes", "on", "1", "true", "t");
  private static final Set<String> FALSE_WORDS = Set.of("n", "no", "off", "0", "false", "f");

  private static boolean truthy(Object value, Args a) {
    if (Py.truthy(a.get(0, "convert_bool", false))) {
      Boolean b = booleanWord(value);
      if (b != null) {
        return b;
      }
    }
    return Py.truthy(value);
  }

  /** Ansible's strict boolean(): yes/no words, 1/0; null when the value is none of them. */
  static Boolean booleanWord(Object value) {
    if (value instanceof Boolean b) {
      return b;
    } else if (value instanceof CharSequence s) {
      String w = s.toString().strip().toLowerCase(Locale.ROOT);
      return TRUE_WORDS.contains(w) ? Boolean.TRUE : FALSE_WORDS.contains(w) ? Boolean.FALSE : null;
    } else if (Py.isNumeric(value)) {
      return Py.eq(value, 1) ? Boolean.TRUE : Py.eq(value, 0) ? Boolean.FALSE : null;
    }
    return null;
  }

  private static final Map<String, String> OPERATORS = Map.ofEntries(
      Map.entry("==", "eq"), Map.entry("=", "eq"), Map.entry("eq", "eq"),
      Map.entry("<", "lt"), Map.entry("lt", "lt"), Map.entry("<=", "le"), Map.entry("le", "le"),
      Map.entry(">", "gt"), Map.entry("gt", "gt"), Map.entry(">=", "ge"), Map.entry("ge", "ge"),
      Map.entry("!=", "ne"), Map.entry("<>", "ne"), Map.entry("ne", "ne"));
  private static final String OPERATOR_NAMES =
      "'==', '=', 'eq', '<', 'lt', '<=', 'le', '>', 'gt', '>=', 'ge', '!=', '<>', 'ne'";
  private static final List<String> TYPES = List.of("loose", "strict", "semver", "semantic",
      "pep440");

  private static boolean version(Object value, Args a, Env e) {
    Object version = a.get(0, "version", null);
    Object operator = a.get(1, "operator", "eq");
    Object strict = a.get(2, "strict", null);
    Object type = a.get(3, "version_type", null);
    if (strict != null && type != null) {
      throw PluginError.of(PluginError.FILTER_ERROR, "Cannot specify both 'strict' and 'version_type'");
    }
    if (!Py.truthy(value)) {
      throw PluginError.of(PluginError.FILTER_ERROR, "Input version value cannot be empty");
    }
    if (!Py.truthy(version)) {
      throw PluginError.of(PluginError.FILTER_ERROR, "Version parameter to compare against cannot be empty");
    }
    String scheme = "loose";
    if (Py.truthy(strict)) {
      scheme = "strict";
    } else if (Py.truthy(type)) {
      scheme = Py.str(type);
      if (!TYPES.contains(scheme)) {
        throw PluginError.of(PluginError.FILTER_ERROR, "Invalid version type (" + scheme + "). Must be one of "
            + "'loose', 'strict', 'semver', 'semantic', 'pep440'");
      }
    }
    String op = operator instanceof String s ? OPERATORS.get(s) : null;
    if (op == null) {
      throw PluginError.of(PluginError.FILTER_ERROR, "Invalid operator type (" + Py.str(operator)
          + "). Must be one of " + OPERATOR_NAMES);
    }
    int c;
    try {
      c = VersionTypes.compare(scheme, Py.str(value), Py.str(version));
    } catch (TemplateException ex) {
      throw PluginError.of(PluginError.FILTER_ERROR, "Version comparison failed: " + ex.getMessage());
    }
    return switch (op) {
      case "eq" -> c == 0;
      case "ne" -> c != 0;
      case "lt" -> c < 0;
      case "le" -> c <= 0;
      case "gt" -> c > 0;
      default -> c >= 0;
    };
  }
}
