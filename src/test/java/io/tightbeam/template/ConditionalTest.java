package io.tightbeam.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConditionalTest {
  private final Templar templar = new Templar();

  @Test
  void untilFinishedOnIntegerOneAndZero() {
    assertThat(templar.isTrue("async_poll_results.finished",
        Map.of("async_poll_results", Map.of("finished", 1)))).isTrue();
    assertThat(templar.isTrue("async_poll_results.finished",
        Map.of("async_poll_results", Map.of("finished", 0)))).isFalse();
    assertThat(templar.isTrue("not job_result.finished", Map.of("job_result", Map.of("finished", 0)))).isTrue();
  }

  @Test
  void bareExpressionsWithComparisonsAndTests() {
    Map<String, Object> vars = Map.of("r", Map.of("rc", 0, "stdout", "xyz", "failed", false), "item",
        Map.of("failed", true));
    assertThat(templar.isTrue("r.rc == 0 and 'x' in r.stdout", vars)).isTrue();
    assertThat(templar.isTrue("r.rc != 0 or 'q' in r.stdout", vars)).isFalse();
    assertThat(templar.isTrue("item is failed", vars)).isTrue();
    assertThat(templar.isTrue("r is failed", vars)).isFalse();
  }

  @Test
  void booleansListsAndTemplatedStrings() {
    Map<String, Object> vars = new HashMap<>(Map.of("yes_var", true, "s", "False", "t", "True", "n", 0));
    assertThat(templar.isTrue(true, vars)).isTrue();
    assertThat(templar.isTrue(false, vars)).isFalse();
    assertThat(templar.isTrue(List.of("yes_var", "n == 0"), vars)).isTrue();
    assertThat(templar.isTrue(List.of("yes_var", "n == 1"), vars)).isFalse();
    assertThat(templar.isTrue("{{ yes_var }}", vars)).isTrue();
    assertThat(templar.isTrue("{{ s }}", vars)).isFalse();
    assertThat(templar.isTrue("{{ t }}", vars)).isTrue();
    assertThat(templar.isTrue("{{ n }}", vars)).isFalse();
  }

  @Test
  void pythonComparisonAndTruthSemantics() {
    assertThat(templar.isTrue("True == 1", Map.of())).isTrue();
    assertThat(templar.isTrue("x == 1", Map.of("x", true))).isTrue();
    assertThat(templar.isTrue("False == 0", Map.of())).isTrue();
    // Python: a non-empty string is true, even "false"; use | bool to parse it.
    assertThat(templar.isTrue("x", Map.of("x", "false"))).isTrue();
    assertThat(templar.isTrue("x | bool", Map.of("x", "false"))).isFalse();
    assertThat(templar.isTrue("not x", Map.of("x", "false"))).isFalse();
    assertThat(templar.isTrue("x", Map.of("x", List.of()))).isFalse();
  }

  @Test
  void undefinedInConditionalFails() {
    assertThatThrownBy(() -> templar.isTrue("nope", Map.of()))
        .isInstanceOf(TemplateException.class)
        .hasMessage("error while evaluating conditional (nope): 'nope' is undefined");
    assertThat(templar.isTrue("nope is not defined", Map.of())).isTrue();
  }

  @Test
  void evaluateTemplatesAsDebugVarDoes() {
    assertThat(templar.evaluate("x.y", Map.of("x", Map.of("y", List.of(1, 2))))).isEqualTo(List.of(1, 2));
    // debug's var= templates "{{ expr }}": a computed number is text, as ansible-playbook shows it
    assertThat(templar.evaluate("results[-1].finished",
        Map.of("results", List.of(Map.of("finished", 0), Map.of("finished", 1))))).isEqualTo("1");
    assertThat(templar.evaluate("n", Map.of("n", 5))).isEqualTo(5);
  }
}
