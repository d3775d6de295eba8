package io.tightbeam.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tightbeam.py.Py;
import io.tightbeam.yaml.YamlLoader;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The template case tables in {@code src/test/resources/template/cases}: each template's value,
 * or its error, as ansible-playbook 2.14 gave it (recorded by {@code template/record}).
 */
class TemplateCasesTest {
  private static final Templar TEMPLAR = new Templar();
  /** For the files named {@code *.native.yml}, recorded with {@code ANSIBLE_JINJA2_NATIVE=1}. */
  private static final Templar NATIVE = new Templar(List.of(), true);

  @TestFactory
  Stream<DynamicTest> everyCaseRendersAsAnsibleDid() throws IOException, URISyntaxException {
    Path dir = Path.of(TemplateCasesTest.class.getResource("/template/cases").toURI());
    List<DynamicTest> tests = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.sorted().toList()) {
        // Read as a playbook is: the vars' strings are AnsibleUnicode, as in the recording play.
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> cases = (List<Map<String, Object>>) new YamlLoader().load(file).root();
        if (cases == null) {
          continue;
        }
        int n = 0;
        Templar templar = file.getFileName().toString().endsWith(".native.yml") ? NATIVE : TEMPLAR;
        for (Map<String, Object> c : cases) {
          n++;
          String name = file.getFileName() + " #" + n + " " + c.get("t");
          tests.add(DynamicTest.dynamicTest(name, () -> {
            if (c.containsKey("known_difference")) {
              // Listed in docs/compatibility.md; this fails once the engine matches, so the
              // mark and the row there go away with the difference.
              assertThatThrownBy(() -> check(templar, c)).as("now matches Ansible: drop known_difference");
            } else {
              check(templar, c);
            }
          }));
        }
      }
    }
    return tests.stream();
  }

  @SuppressWarnings("unchecked")
  private static void check(Templar templar, Map<String, Object> c) {
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put("omit", Templar.OMIT);
    // The record script's play runs on localhost: its magic variables are there for every case.
    vars.put("inventory_hostname", "localhost");
    vars.put("ansible_play_hosts", List.of("localhost"));
    if (c.get("vars") instanceof Map<?, ?> m) {
      vars.putAll((Map<String, Object>) FilterCasesTest.sortedKeys(m));
    }
    String template = String.valueOf(c.get("t"));
    if (c.containsKey("error")) {
      String expected = String.valueOf(c.get("error"));
      assertThatThrownBy(() -> templar.template(template, vars), "%s gave no error", template)
          .satisfies(e -> {
            if (!expected.isEmpty()) {
              assertThat(asAnsibleShowsIt(e, template)).as(template).isEqualTo(expected);
            }
          });
      return;
    }
    Object actual = asJson(templar.template(template, vars));
    Object expected = c.get("out");
    assertThat(Py.eq(actual, expected))
        .as("%s rendered %s, ansible %s", template, Py.repr(actual), Py.repr(expected))
        .isTrue();
    assertThat(Py.typeName(actual)).isEqualTo(Py.typeName(expected));
  }

  /** The value as debug's JSON output has it: tuples are lists. */
  private static Object asJson(Object v) {
    if (v instanceof List<?> l) {
      List<Object> out = new ArrayList<>();
      l.forEach(x -> out.add(asJson(x)));
      return out;
    } else if (v instanceof Map<?, ?> m) {
      Map<Object, Object> out = new LinkedHashMap<>();
      m.forEach((k, x) -> out.put(k, asJson(x)));
      return out;
    }
    return v;
  }

  /** The task failure message the executor makes of a template error. */
  static String asAnsibleShowsIt(Throwable e, String template) {
    if (e instanceof TemplateException t && t.isValueError()) {
      return "the field 'args' has an invalid value (" + io.tightbeam.py.Py.repr(Map.of("msg", template))
          + "), and could not be converted to an dict.The error was: " + t.getMessage();
    }
    if (e instanceof TemplateException t && t.isUndefined()) {
      return "The task includes an option with an undefined variable. The error was: " + t.getMessage()
          + ". " + t.getMessage();
    }
    return e.getMessage();
  }
}
