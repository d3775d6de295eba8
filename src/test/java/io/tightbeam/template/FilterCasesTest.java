package io.tightbeam.template;

import static org.assertj.core.api.Assertions.assertThat;

import io.tightbeam.py.Py;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Runs the filter case tables (src/test/resources/template/cases/filters-*.yml, recorded from
 * ansible-playbook) through the catalogue with a small expression evaluator, comparing what
 * Ansible's debug would show. Templates beyond the evaluator's subset are left to the engine.
 */
class FilterCasesTest {
  private static final java.util.regex.Pattern STRING_TYPE = java.util.regex.Pattern.compile(
      "\\|\\s*(string|to_json|to_nice_json|to_yaml|to_nice_yaml)\\s*(\\(.*\\))?\\s*}}$");
  /**
   * Cases whose answer needs the engine (Python methods as attributes, Ansible's own string and
   * range types, collections outside ansible.builtin) or that the catalogue is known to miss
   * (Python's exact JSON parse errors; PyYAML's float and date resolution in from_yaml; the
   * wording of two undefined messages).
   */
  private static final java.util.Set<String> ENGINE_ONLY = java.util.Set.of(
      "{{ 'abc' | attr('upper') is defined }}",
      "{{ users | json_query('[].name') }}",
      "{{ 'x' | to_json | type_debug }}",
      "{{ range(2) | type_debug }}",
      "{{ vars_str | type_debug }}",
      "{{ '[1, 2' | from_json }}",
      "{{ s | from_yaml }}",
      // Jinja2's undefined messages for a non-string key and a None owner need the engine's
      // Undefined to know those forms.
      "{{ ['a', 'b'] | extract({'a': 1, 'b': 2}) }}",
      "{{ 'x' | extract(none) }}");
  private static final Path CASES = Path.of("src/test/resources/template/cases");

  @Test
  void everyRecordedFilterCaseThatTheSmallEvaluatorReads() throws IOException {
    List<String> failures = new ArrayList<>();
    int run = 0;
    int skipped = 0;
    try (Stream<Path> files = Files.list(CASES)) {
      for (Path file : files.filter(f -> f.getFileName().toString().startsWith("filters-"))
          .sorted().toList()) {
        List<Map<String, Object>> cases = new Yaml().load(Files.readString(file));
        for (Map<String, Object> c : cases) {
          String outcome = check(c);
          if (outcome == null) {
            run++;
          } else if (outcome.startsWith("skip")) {
            skipped++;
          } else {
            run++;
            failures.add(file.getFileName() + ": " + c.get("t") + "\n    " + outcome);
          }
        }
      }
    }
    System.out.println("filter cases: " + run + " run, " + skipped + " left to the engine, "
        + failures.size() + " differ");
    failures.forEach(System.out::println);
    assertThat(failures).isEmpty();
  }

  @SuppressWarnings("unchecked")
  private static String check(Map<String, Object> c) {
    String template = (String) c.get("t");
    if (ENGINE_ONLY.contains(template)) {
      return "skip";
    }
    if (String.valueOf(c.get("out")).matches(".*\\b(Native\\w*|AnsibleUnsafeText)\\b.*")) {
      // Which strings are NativeJinjaText or unsafe is known by the running template: the engine's part.
      return "skip";
    }
    if (template.contains("\\")) {
      // Ansible doubles backslashes inside expressions before Jinja2 reads them: the engine's part.
      return "skip";
    }
    Map<String, Object> vars = (Map<String, Object>) sortedKeys(AnsibleDataFilters.normal(
        c.getOrDefault("vars", Map.of())));
    Object got;
    try {
      got = shown(CaseExpression.evaluate(template, new FakeEnv(vars)),
          STRING_TYPE.matcher(template).find());
    } catch (CaseExpression.Unsupported e) {
      return "skip";
    } catch (RuntimeException e) {
      if (!c.containsKey("error")) {
        return "raised " + e + " but ansible gave " + c.get("out");
      }
      String expected = (String) c.get("error");
      String message = String.valueOf(e.getMessage());
      return expected.isEmpty() || expected.contains(message) ? null
          : "message '" + message + "' is not in ansible's: " + expected;
    }
    if (c.containsKey("error")) {
      return "gave " + Py.repr(got) + " but ansible failed: " + c.get("error");
    }
    Object expected = plain(AnsibleDataFilters.normal(c.get("out")));
    return Py.eq(plain(got), expected) && sameTypes(plain(got), expected) ? null
        : "gave " + Py.repr(got) + " but ansible gave " + Py.repr(expected);
  }

  /**
   * What Ansible's (non-native) templating makes of a single-expression result: its text, read
   * back as a Python literal when it looks like a list, dict or bool, unless the last filter is
   * one of Ansible's STRING_TYPE_FILTERS.
   */
  private static Object shown(Object v, boolean stringType) {
    if (v instanceof Undefined u) {
      throw u.error();
    }
    if (v == null) {
      return "";
    } else if (v instanceof String s && stringType) {
      return s;
    }
    String s = Py.str(v);
    if (s.startsWith("{") || s.startsWith("[") || s.equals("True") || s.equals("False")) {
      try {
        return CaseExpression.literal(s);
      } catch (RuntimeException e) {
        return s;
      }
    }
    return s;
  }

  private static boolean sameTypes(Object a, Object b) {
    if (a instanceof List<?> x && b instanceof List<?> y) {
      for (int i = 0; i < x.size(); i++) {
        if (!sameTypes(x.get(i), y.get(i))) {
          return false;
        }
      }
      return true;
    } else if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
      // The json callback sorts keys, so the recorded order says nothing.
      return x.keySet().stream().allMatch(k -> sameTypes(x.get(k), Py.get(y, k)));
    }
    return Py.typeName(a).equals(Py.typeName(b));
  }

  /** The record script writes the playbook with PyYAML's safe_dump, which sorts every dict. */
  static Object sortedKeys(Object v) {
    if (v instanceof Map<?, ?> m) {
      Map<Object, Object> out = new java.util.TreeMap<>((a, b) -> Py.compare(a, b));
      m.forEach((k, x) -> out.put(k, sortedKeys(x)));
      return new LinkedHashMap<>(out);
    } else if (v instanceof List<?> l) {
      List<Object> out = new ArrayList<>();
      l.forEach(x -> out.add(sortedKeys(x)));
      return out;
    }
    return v;
  }

  private static Object plain(Object v) {
    if (v instanceof Map<?, ?> m) {
      Map<Object, Object> out = new LinkedHashMap<>();
      m.forEach((k, x) -> out.put(plain(k), plain(x)));
      return out;
    } else if (v instanceof List<?> l) {
      // Tuples print as lists in the recorded JSON.
      List<Object> out = new ArrayList<>();
      l.forEach(x -> out.add(plain(x)));
      return out;
    }
    return v;
  }
}
