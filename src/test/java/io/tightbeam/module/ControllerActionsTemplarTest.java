package io.tightbeam.module;

import static org.assertj.core.api.Assertions.assertThat;

import io.tightbeam.template.Templar;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * debug's {@code var} and assert's {@code that} against the real Templar. These need the template
 * package's implementation; until it is merged they fail with its stub's
 * UnsupportedOperationException (run the rest with {@code -DexcludedGroups=needs-templar}).
 */
@Tag("needs-templar")
class ControllerActionsTemplarTest {
  private final Map<String, Object> vars = Map.of("job_result", Map.of("finished", 1), "n", 3);

  private Map<String, Object> run(String action, Map<String, Object> args) {
    ActionContext context = new ActionContext(new Templar(), vars, "h1", false, 0);
    return Modules.builtin().action(action).orElseThrow().run(args, context);
  }

  @Test
  void debugVarIsKeyedByTheExpression() {
    // ansible-playbook 2.14 shows a dotted var= expression that yields a number as text: "1"
    assertThat(run("debug", Map.of("var", "job_result.finished")))
        .containsEntry("job_result.finished", "1")
        .containsEntry("changed", false);
  }

  @Test
  void debugVarUndefinedSaysSo() {
    assertThat(run("debug", Map.of("var", "nope")))
        .containsEntry("nope", "VARIABLE IS NOT DEFINED!");
  }

  @Test
  void debugVarFailsOnAFilterError() {
    // ansible-playbook 2.14 fails the task: {"msg": "urlsplit: unknown URL component: bad_filter"}
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> run("debug",
            Map.of("var", "'http://www.acme.com:9000/dir/index.html' | urlsplit('bad_filter')")))
        .hasMessage("urlsplit: unknown URL component: bad_filter");
  }

  @Test
  void assertEvaluatesThatAsWrittenAndWarnsOfATemplateInside() {
    // ansible-playbook 2.14 (assert target, nested_tmpl): passes, warns "conditional statements
    // should not include jinja2 templating delimiters such as {{ }} or {% %}. Found: "{{ n }}" == "3""
    Templar templar = new Templar();
    Map<String, Object> written = Map.of("that", List.of("\"{{ n }}\" == \"3\"", "n == 3"));
    Map<String, Object> templated = Map.of("that", List.of("\"3\" == \"3\"", "n == 3"));
    ActionContext context = new ActionContext(templar, vars, "h1", false, 0, written);
    assertThat(Modules.builtin().action("assert").orElseThrow().run(templated, context))
        .containsEntry("msg", "All assertions passed");
    assertThat(templar.drainWarnings()).containsExactly("conditional statements should not include jinja2 "
        + "templating delimiters such as {{ }} or {% %}. Found: \"{{ n }}\" == \"3\"");
  }

  @Test
  void assertNamesTheWrittenAssertionThatFailed() {
    // ansible-playbook 2.14: "assertion": "{{ cond }}" for that: ["{{ cond }}"] with cond "1 == 2"
    Map<String, Object> v = Map.of("cond", "1 == 2");
    ActionContext context = new ActionContext(new Templar(), v, "h1", false, 0, Map.of("that", List.of("{{ cond }}")));
    assertThat(Modules.builtin().action("assert").orElseThrow().run(Map.of("that", List.of("1 == 2")), context))
        .containsEntry("failed", true)
        .containsEntry("assertion", "{{ cond }}");
  }

  @Test
  void assertPassesWhenAllHold() {
    assertThat(run("assert", Map.of("that", List.of("n > 2", "job_result.finished"))))
        .containsEntry("msg", "All assertions passed")
        .containsEntry("changed", false)
        .doesNotContainKey("failed");
  }

  @Test
  void assertNamesTheFirstFailingExpression() {
    assertThat(run("assert", Map.of("that", List.of("n > 2", "n == 4", "n == 5"), "fail_msg", "bad n")))
        .containsEntry("failed", true)
        .containsEntry("assertion", "n == 4")
        .containsEntry("evaluated_to", false)
        .containsEntry("msg", "bad n");
  }
}
