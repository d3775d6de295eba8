package io.tightbeam.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tightbeam.py.Tuple;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Jinja2's and Ansible's tests, called through the catalogue; expected values from ansible 2.14. */
class CatalogueTestsTest {
  private final LookupEnv env = new LookupEnv();

  private boolean is(String test, Object value, Object... args) {
    return isNamed(test, value, Map.of(), args);
  }

  private boolean isNamed(String test, Object value, Map<String, Object> named, Object... args) {
    Catalogue.Test t = Catalogue.builtin().test(test);
    assertThat(t).as(test).isNotNull();
    // a lone null argument arrives as a null array
    return io.tightbeam.py.Py.truthy(
        t.body().apply(value, new Args(args == null ? new Object[] {null} : args, named), env));
  }

  @Test
  void jinjaTypeTestsFollowPythonTypes() {
    assertThat(is("integer", 1)).isTrue();
    assertThat(is("integer", 1.0)).isFalse();
    assertThat(is("integer", true)).isFalse();
    assertThat(is("number", true)).isTrue();
    assertThat(is("float", 1.5)).isTrue();
    assertThat(is("string", "a")).isTrue();
    assertThat(is("mapping", Map.of())).isTrue();
    assertThat(is("sequence", "ab")).isTrue();
    assertThat(is("sequence", 1)).isFalse();
    assertThat(is("iterable", Map.of())).isTrue();
    assertThat(is("boolean", 1)).isFalse();
    assertThat(is("true", 1)).isFalse();
    assertThat(is("none", null)).isTrue();
    // Jinja2's tests have no ansible.builtin name in ansible-core 2.14 (Could not load there)
    assertThat(Catalogue.builtin().test("ansible.builtin.none")).isNull();
    assertThat(Catalogue.builtin().test("ansible.builtin.failed")).isNotNull();
  }

  @Test
  void undefinedValuesPassTypeTestsAsAnsibleDoes() {
    Undefined nope = Undefined.variable("nope");
    assertThat(Catalogue.builtin().test("string").acceptsUndefined()).isTrue();
    assertThat(is("string", nope)).isFalse();
    assertThat(is("callable", nope)).isTrue();
    assertThat(is("escaped", nope)).isTrue();
    assertThat(is("defined", nope)).isFalse();
    assertThat(is("undefined", nope)).isTrue();
    assertThat(is("uri", nope)).isFalse();
    assertThat(Catalogue.builtin().test("odd").acceptsUndefined()).isFalse();
    assertThatThrownBy(() -> is("failed", nope)).hasMessage("The 'failed' test expects a dictionary");
  }

  @Test
  void arithmeticAndComparisonTests() {
    assertThat(is("odd", -3)).isTrue();
    assertThat(is("odd", 3.0)).isTrue();
    assertThat(is("even", 0)).isTrue();
    assertThat(is("divisibleby", 7.5, 2.5)).isTrue();
    assertThat(is("divisibleby", -9, 3)).isTrue();
    assertThat(is("divisibleby", 10, 3)).isFalse();
    assertThat(is("eq", 1, 1.0)).isTrue();
    assertThat(is("equalto", true, 1)).isTrue();
    assertThat(is("ne", "a", "b")).isTrue();
    assertThat(is("gt", "b", "a")).isTrue();
    assertThat(is("lt", List.of(1, 2), List.of(1, 3))).isTrue();
    assertThat(is("le", 1, 1)).isTrue();
    assertThatThrownBy(() -> is("gt", 1, "a"))
        .hasMessage("'>' not supported between instances of 'int' and 'str'");
    assertThatThrownBy(() -> is("lt", "a", null))
        .hasMessage("'<' not supported between instances of 'str' and 'NoneType'");
  }

  @Test
  void sameasInLowerUpper() {
    assertThat(is("sameas", 1, 1)).isTrue();
    assertThat(is("sameas", null, null)).isTrue();
    assertThat(is("sameas", 1, true)).isFalse();
    assertThat(is("sameas", new java.util.ArrayList<>(), new java.util.ArrayList<>())).isFalse();
    assertThat(is("in", 1.0, List.of(1))).isTrue();
    assertThat(is("in", "b", "abc")).isTrue();
    assertThat(is("in", "k", Map.of("k", 1))).isTrue();
    assertThatThrownBy(() -> is("in", 1, "abc"))
        .hasMessage("'in <string>' requires string as left operand, not int");
    assertThatThrownBy(() -> is("in", "x", 5)).hasMessage("argument of type 'int' is not iterable");
    assertThat(is("lower", "ab1")).isTrue();
    assertThat(is("lower", "123")).isFalse();
    assertThat(is("upper", "AB c")).isFalse();
    assertThat(is("upper", "")).isFalse();
    assertThat(is("filter", "upper") || Catalogue.builtin().filter("upper") == null).isTrue();
    assertThat(is("test", "version")).isTrue();
  }

  @Test
  void resultTests() {
    Map<String, Object> failed = Map.of("failed", true);
    assertThat(is("failed", failed)).isTrue();
    assertThat(is("successful", failed)).isFalse();
    assertThat(is("succeeded", Map.of())).isTrue();
    assertThat(is("reachable", Map.of())).isTrue();
    assertThat(is("unreachable", Map.of("unreachable", true))).isTrue();
    assertThat(is("skip", Map.of("skipped", 1))).isTrue();
    assertThat(is("changed", Map.of("results", List.of(Map.of("changed", true),
        Map.of("changed", false))))).isTrue();
    assertThat(is("changed", Map.of("results", List.of(Map.of("changed", false))))).isFalse();
    assertThat(is("changed", Map.of("results", List.of("x")))).isFalse();
    assertThatThrownBy(() -> is("changed", Map.of("results", List.of())))
        .hasMessage("list index out of range");
    assertThatThrownBy(() -> is("success", "nope"))
        .hasMessage("The 'failed' test expects a dictionary");
    assertThatThrownBy(() -> is("reachable", null))
        .hasMessage("The 'unreachable' test expects a dictionary");
    assertThat(is("finished", Map.of("finished", 0))).isFalse();
    assertThat(is("started", Map.of("started", true))).isTrue();
    assertThat(is("finished", Map.of("changed", false))).isTrue();
    assertThat(env.warnings).containsExactly(
        "The 'finished' test expects an async task, but a non-async task was tested");
  }

  @Test
  void regexTests() {
    assertThat(is("match", "hello", "h.ll.")).isTrue();
    assertThat(is("match", "hello", ".ll.")).isFalse();
    assertThat(is("search", "hello", "ll")).isTrue();
    assertThat(isNamed("regex", "hello", Map.of("ignorecase", true), ".L")).isTrue();
    assertThat(isNamed("regex", "hello\nAnsible", Map.of("multiline", true), "^Ansible")).isTrue();
    assertThat(is("regex", "hello\nAnsible", "^Ansible")).isFalse();
    assertThat(is("match", "hello", "H", true)).isTrue();
    assertThat(isNamed("regex", "hello", Map.of("match_type", "match"), "ell")).isFalse();
    assertThat(isNamed("regex", "hello", Map.of("match_type", "fullmatch"), "h.*o")).isTrue();
    assertThat(is("match", "ab12", "(?P<x>[a-z]+)(?P=x)?\\d+")).isTrue();
    assertThat(is("search", "a]b", "[]]")).isTrue();
    assertThat(is("search", "abc", "c\\Z")).isTrue();
    assertThat(is("match", 123, "12")).isTrue();
    assertThat(is("match", null, "None")).isTrue();
  }

  @Test
  void versionTestsInEveryScheme() {
    assertThat(is("version_compare", "1.0", "1.0", "eq")).isTrue();
    assertThat(is("version", "1.10", "1.9", "gt")).isTrue();
    assertThat(is("version", "1.0.0", "1.0")).isFalse();
    assertThat(is("version", "1.0", "1.0.0", "<")).isTrue();
    assertThat(is("version", "1.0rc1", "1.0", ">")).isTrue();
    assertThat(is("version", "1.0-RC1", "1.0-rc1", "<")).isFalse();
    assertThat(is("version", "2.14.0rc1", "2.14.0", "lt")).isFalse();
    assertThat(is("version", 1.5, "1.10", "<")).isTrue();
    assertThat(is("version", "1.0", "1.1", "<>")).isTrue();
    assertThatThrownBy(() -> is("version", "1.0a", "1.0.1", "<")).hasMessage(
        "Version comparison failed: '<' not supported between instances of 'str' and 'int'");
    assertThatThrownBy(() -> is("version", "1.a", "1.1", "==")).hasMessage(
        "Version comparison failed: '<' not supported between instances of 'str' and 'int'");
    // strict
    assertThat(is("version", "1.0", "1.0.0", "==", true)).isTrue();
    assertThat(is("version", "1.0a1", "1.0", "<", true)).isTrue();
    assertThat(is("version", "1.0b2", "1.0a3", ">", true)).isTrue();
    assertThat(isNamed("version", "1.0.4", Map.of("version_type", "strict"), "1.0.10", "<"))
        .isTrue();
    assertThatThrownBy(() -> is("version", "1.0", "nope", "==", true))
        .hasMessage("Version comparison failed: invalid version number 'nope'");
    // semver
    Map<String, Object> semver = Map.of("version_type", "semver");
    assertThat(isNamed("version", "1.0.0-alpha", semver, "1.0.0", "<")).isTrue();
    assertThat(isNamed("version", "1.0.0-alpha.1", Map.of("version_type", "semantic"),
        "1.0.0-alpha.beta", "<")).isTrue();
    assertThat(isNamed("version", "1.0.0-rc.1", semver, "1.0.0-beta.11", ">")).isTrue();
    assertThat(isNamed("version", "1.0.0+build", semver, "1.0.0", "==")).isTrue();
    assertThat(isNamed("version", "1.0.0-2", semver, "1.0.0-10", "<")).isTrue();
    assertThatThrownBy(() -> isNamed("version", "1.0", semver, "1.0.0"))
        .hasMessage("Version comparison failed: invalid semantic version '1.0'");
    // pep440
    Map<String, Object> pep = Map.of("version_type", "pep440");
    assertThat(isNamed("version", "2.14.0rc1", pep, "2.14.0", "lt")).isTrue();
    assertThat(isNamed("version", "1.0", pep, "1.0.0", "==")).isTrue();
    assertThat(isNamed("version", "1.0.dev1", pep, "1.0a1", "<")).isTrue();
    assertThat(isNamed("version", "1.0.post1", pep, "1.0", ">")).isTrue();
    assertThat(isNamed("version", "1!0.1", pep, "2.0", ">")).isTrue();
    assertThat(isNamed("version", "1.0+local.1", pep, "1.0", ">")).isTrue();
    assertThat(isNamed("version", "v1.0-1", pep, "1.0.post1", "==")).isTrue();
    assertThat(isNamed("version", "1.0alpha2", pep, "1.0a2", "==")).isTrue();
    assertThat(isNamed("version", "1.0+abc", pep, "1.0+5", "<")).isTrue();
    assertThat(isNamed("version", "1.0c1", pep, "1.0rc1", "eq")).isTrue();
    assertThat(isNamed("version", "1.0rc1.dev2", pep, "1.0rc1", "<")).isTrue();
    assertThatThrownBy(() -> isNamed("version", "nope", pep, "1.0"))
        .hasMessage("Version comparison failed: Invalid version: 'nope'");
  }

  @Test
  void versionArgumentErrors() {
    assertThatThrownBy(() -> is("version", "1.0", "1.0", "equals")).hasMessage(
        "Invalid operator type (equals). Must be one of '==', '=', 'eq', '<', 'lt', '<=', 'le', "
            + "'>', 'gt', '>=', 'ge', '!=', '<>', 'ne'");
    Map<String, Object> both = new LinkedHashMap<>();
    both.put("strict", false);
    both.put("version_type", "loose");
    assertThatThrownBy(() -> isNamed("version", "1.0", both, "1.0"))
        .hasMessage("Cannot specify both 'strict' and 'version_type'");
    assertThatThrownBy(() -> isNamed("version", "1.0", Map.of("version_type", "boom"), "1.0"))
        .hasMessage("Invalid version type (boom). Must be one of 'loose', 'strict', 'semver', "
            + "'semantic', 'pep440'");
    assertThatThrownBy(() -> is("version", "", "1.0", ">"))
        .hasMessage("Input version value cannot be empty");
    assertThatThrownBy(() -> is("version", "1.0", "", ">"))
        .hasMessage("Version parameter to compare against cannot be empty");
    assertThat(((PluginError) catchCause(() -> is("version", "", "1"))).pythonType())
        .isEqualTo("ansible.errors.AnsibleFilterError");
  }

  private static Throwable catchCause(Runnable r) {
    try {
      r.run();
    } catch (TemplateException ex) {
      return ex.getCause();
    }
    throw new AssertionError("no failure");
  }

  @Test
  void anyAllTruthyFalsy() {
    assertThat(is("any", List.of(true, false))).isTrue();
    assertThat(is("any", List.of())).isFalse();
    assertThat(is("all", List.of())).isTrue();
    assertThat(is("all", "ab")).isTrue();
    assertThat(is("any", Map.of("a", 1))).isTrue();
    assertThatThrownBy(() -> is("any", 1)).hasMessage("'int' object is not iterable");
    assertThat(is("truthy", "false")).isTrue();
    assertThat(is("truthy", List.of(""))).isTrue();
    Map<String, Object> convert = Map.of("convert_bool", true);
    assertThat(isNamed("truthy", "off", convert)).isFalse();
    assertThat(isNamed("truthy", "fred", convert)).isTrue();
    assertThat(isNamed("truthy", " No ", convert)).isFalse();
    assertThat(isNamed("truthy", 2, convert)).isTrue();
    assertThat(isNamed("truthy", 0.0, convert)).isFalse();
    assertThat(is("truthy", "off", true)).isFalse();
    assertThat(isNamed("falsy", "y", convert)).isFalse();
    assertThat(is("falsy", "")).isTrue();
    assertThat(is("vault_encrypted", "$ANSIBLE_VAULT;1.1;AES256")).isFalse();
    assertThat(is("vault_encrypted", (CoreTests.Encrypted) () -> true)).isTrue();
  }

  @Test
  void fileTests() {
    assertThat(is("directory", "/etc")).isTrue();
    assertThat(is("is_dir", "/etc/passwd")).isFalse();
    assertThat(is("directory", "")).isFalse();
    assertThat(is("file", "/etc/passwd")).isTrue();
    assertThat(is("is_file", "/etc")).isFalse();
    assertThat(is("exists", "/nonexistent")).isFalse();
    assertThat(is("link", "/etc/passwd")).isFalse();
    assertThat(is("link_exists", "/etc/passwd")).isTrue();
    assertThat(is("abs", "/etc")).isTrue();
    assertThat(is("is_abs", "~/x")).isFalse();
    assertThat(is("abs", "")).isFalse();
    assertThat(is("mount", "/")).isTrue();
    assertThat(is("is_mount", "/proc")).isTrue();
    assertThat(is("mount", "/etc")).isFalse();
    assertThat(is("mount", "/nonexistent")).isFalse();
    assertThat(is("same_file", "/etc/passwd", "/etc/../etc/passwd")).isTrue();
    assertThat(is("is_same_file", "/etc/passwd", "/etc/group")).isFalse();
  }

  @Test
  void setAndNanTests() {
    assertThat(is("subset", List.of(1), List.of(1, 2))).isTrue();
    assertThat(is("issubset", List.of(1, 1), List.of(1))).isTrue();
    assertThat(is("subset", "ab", "abc")).isTrue();
    assertThat(is("superset", Map.of("a", 1), List.of("a"))).isTrue();
    assertThat(is("issuperset", List.of(2), List.of(1))).isFalse();
    assertThat(is("subset", List.of(1.0), List.of(1))).isTrue();
    assertThatThrownBy(() -> is("subset", List.of(List.of(1)), List.of(List.of(1))))
        .hasMessage("unhashable type: 'list'");
    assertThatThrownBy(() -> is("subset", 1, List.of(1))).hasMessage("'int' object is not iterable");
    assertThat(is("contains", List.of(1), 1)).isTrue();
    assertThat(is("contains", "abc", "b")).isTrue();
    assertThat(is("contains", List.of(1), 2)).isFalse();
    assertThat(is("nan", Double.NaN)).isTrue();
    assertThat(is("isnan", "bad")).isFalse();
    assertThat(is("nan", 1)).isFalse();
    assertThat(is("nan", Tuple.of())).isFalse();
  }

  @Test
  void uriTests() {
    assertThat(is("uri", "foo")).isTrue();
    assertThat(is("uri", "")).isTrue();
    assertThat(is("uri", "http://x", List.of("https"))).isFalse();
    assertThat(is("uri", 5)).isFalse();
    assertThat(is("uri", "HTTP://x", List.of("http"))).isTrue();
    assertThat(is("uri", "ht://x", "http")).isTrue();
    assertThat(is("url", "file:///etc")).isTrue();
    assertThat(is("url", "mailto:a@b")).isFalse();
    assertThat(is("url", "http://[::1")).isFalse();
    assertThat(is("url", "//host/x")).isTrue();
    assertThat(is("urn", "URN:x")).isTrue();
    assertThat(is("urn", "urn")).isFalse();
    assertThat(is("uri", "1urn:x")).isTrue();
    assertThat(is("uri", "a+b.c-d:x", List.of("a+b.c-d"))).isTrue();
  }
}
