package io.tightbeam.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tightbeam.py.PyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Python plugins through the Templar, on the plugin files of the SemanticsIT case {@code
 * python_plugins}; the expected values are those ansible-playbook 2.14 printed for that case.
 */
class PythonPluginsTest {
  private static final Path CASE = Path.of("src/test/resources/semantics/python_plugins").toAbsolutePath();

  private final PythonPlugins plugins = new PythonPlugins(List.of(), List.of(),
      List.of(CASE.resolve("more_lookups")), "python3");
  private final Templar templar = new Templar(List.of(), plugins);

  PythonPluginsTest() {
    plugins.addBase(CASE);
  }

  @AfterEach
  void close() {
    plugins.close();
  }

  private Object render(String template) {
    return templar.template(template, Map.of("greeting", "hello there"));
  }

  @Test
  void filtersTakeArgumentsAndOverrideBuiltinShortNames() {
    assertThat(render("{{ 'hi' | shout }} {{ 'hi' | shout(2, sep='-') }} {{ {'b': 1, 'a': 2} | keys_sorted }}"))
        .isEqualTo("HI! HI!-HI! ['a', 'b']");
    assertThat(render("{{ 'abc' | upper }} / {{ [1] | to_json }} / {{ [1] | ansible.builtin.to_json }}"))
        .isEqualTo("custom upper of abc / custom to_json / [1]");
  }

  @Test
  void aFileThatDoesNotImportIsSkippedWithAnsiblesWarning() {
    assertThat(render("{{ 'hi' | shout }}")).isEqualTo("HI!");
    assertThat(templar.drainWarnings()).containsExactly("Skipping plugin ("
        + CASE.resolve("filter_plugins/needs_library.py") + "), cannot load: this plugin needs a library that is not installed");
  }

  @Test
  void testsWorkWithIsAndSelect() {
    assertThat(render("{{ 12 is multiple_of(4) }} {{ 13 is multiple_of(4) }} {{ [3, -1, 2] | select('positive') | list }}"))
        .isEqualTo("True False [3, 2]");
  }

  @Test
  void lookupsGetTermsKeywordsAndVariables() {
    assertThat(render("{{ lookup('words', 'a b', 'c') }} {{ query('words', 'x,y', sep=',') }} {{ lookup('words', 'greeting') }}"))
        .isEqualTo("a,b,c ['x', 'y'] hello there");
    assertThat(render("{{ lookup('lines_upper', 'abc', 'def', wantlist=True) }}")).isEqualTo(List.of("ABC", "DEF"));
    assertThat(render("{{ lookup('mapping', wantlist=True) }} {{ lookup('mapping') }}"))
        .isEqualTo("{'one': 1, 'two': 2} one,two");
    assertThat(templar.query("words", List.of("p q"), Map.of())).containsExactly("p", "q");
  }

  @Test
  void pluginErrorsAreWordedAsAnsibleWordsThem() {
    assertThatThrownBy(() -> render("{{ 'x' | strict_int }}")).isInstanceOf(TemplateException.class)
        .hasMessage("strict_int wants an int, got str");
    // a ValueError: the task's message is the field-conversion one (see the SemanticsIT case)
    assertThatThrownBy(() -> render("{{ 'x' | broken }}")).isInstanceOf(TemplateException.class)
        .hasMessage("cannot handle 'x'").hasCauseInstanceOf(PyException.class);
    assertThatThrownBy(() -> render("{{ 3 is multiple_of(0) }}")).hasMessage("multiple_of needs a non-zero divisor");
    assertThatThrownBy(() -> render("{{ lookup('words', 'fail') }}")).hasMessage("words cannot read \"fail\"");
    assertThatThrownBy(() -> render("{{ lookup('crash', 'x') }}")).hasMessage("An unhandled exception occurred "
        + "while running the lookup plugin 'crash'. Error was a <class 'ZeroDivisionError'>, original message: "
        + "integer division or modulo by zero. integer division or modulo by zero");
    assertThat(render("{{ lookup('words', 'fail', errors='ignore') }}")).isEqualTo("");
  }

  @Test
  void aRolesFiltersComeWhenTheRoleIsAdded() {
    assertThatThrownBy(() -> render("{{ 7 | square }}")).hasMessageContaining("Could not load \"square\"");
    plugins.addBase(CASE.resolve("roles/shapes"));
    assertThat(render("{{ 7 | square }}")).isEqualTo("49"); // a number is text unless a lone variable
  }

  @Test
  void withoutPythonBuiltinsStillWorkAndPluginNamesSayWhy(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("filter_plugins"));
    Files.writeString(dir.resolve("filter_plugins/f.py"), "class FilterModule:\n    def filters(self):\n        return {}\n");
    PythonPlugins none = new PythonPlugins(List.of(), List.of(), List.of(), "/nonexistent/python3");
    none.addBase(dir);
    none.addBase(CASE);
    Templar t = new Templar(List.of(), none);
    assertThat(t.template("{{ 'a' | upper }}", Map.of())).isEqualTo("A");
    assertThatThrownBy(() -> t.template("{{ 'a' | shout }}", Map.of()))
        .hasMessageContaining("Could not load \"shout\": the filter plugins in")
        .hasMessageContaining("/nonexistent/python3 is needed to run them");
    assertThatThrownBy(() -> t.template("{{ lookup('words', 'a') }}", Map.of()))
        .hasMessageContaining("lookup plugin (words) in " + CASE.resolve("lookup_plugins/words.py") + " is Python");
  }

  @Test
  void noPluginFoldersStartNoPython() {
    PythonPlugins none = PythonPlugins.none();
    Templar t = new Templar(List.of(), none);
    assertThat(t.template("{{ 'a' | upper }}", Map.of())).isEqualTo("A");
    assertThat(none.started()).isFalse();
  }
}
