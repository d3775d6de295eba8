package io.tightbeam.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JinjaTestsTest {
  private final Templar templar = new Templar();

  private Object t(String template, Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return templar.template(template, m);
  }

  @Test
  void typeTests() {
    assertThat(t("{{ x is none }}", "x", null)).isEqualTo(true);
    assertThat(t("{{ 'a' is string }}")).isEqualTo(true);
    assertThat(t("{{ 1 is string }}")).isEqualTo(false);
    assertThat(t("{{ 1.5 is number }}")).isEqualTo(true);
    assertThat(t("{{ x is mapping }}", "x", Map.of())).isEqualTo(true);
    assertThat(t("{{ x is mapping }}", "x", List.of())).isEqualTo(false);
    assertThat(t("{{ x is iterable }}", "x", List.of())).isEqualTo(true);
    assertThat(t("{{ 3 is iterable }}")).isEqualTo(false);
    assertThat(t("{{ x is sequence }}", "x", List.of())).isEqualTo(true);
    assertThat(t("{{ 2 is in [1, 2] }}")).isEqualTo(true);
    assertThat(t("{{ 'b' is in 'abc' }}")).isEqualTo(true);
    assertThat(t("{{ 5 is in [1, 2] }}")).isEqualTo(false);
  }

  @Test
  void regexTests() {
    assertThat(t("{{ 'abc' is match('ab') }}")).isEqualTo(true);
    assertThat(t("{{ 'abc' is match('bc') }}")).isEqualTo(false);
    assertThat(t("{{ 'abc' is search('bc') }}")).isEqualTo(true);
    assertThat(t("{{ 'ABC' is search('bc', ignorecase=true) }}")).isEqualTo(true);
    assertThat(t("{{ 'abc' is regex('b') }}")).isEqualTo(true);
    assertThat(t("{{ 'abc' is regex('b', match_type='match') }}")).isEqualTo(false);
  }

  @Test
  void versionTest() {
    assertThat(t("{{ '2.1' is version('2.0', '>=') }}")).isEqualTo(true);
    assertThat(t("{{ '2.10' is version('2.9', 'gt') }}")).isEqualTo(true);
    assertThat(t("{{ '1.0' is version('1.0', '==') }}")).isEqualTo(true);
    assertThat(t("{{ '1.0' is version('1.0.1', '<') }}")).isEqualTo(true);
    assertThat(t("{{ '2.14.5' is version('2.15', 'lt') }}")).isEqualTo(true);
  }

  @Test
  void resultTests() {
    Map<String, Object> ok = Map.of("changed", true, "rc", 0);
    Map<String, Object> bad = Map.of("failed", true, "changed", false);
    Map<String, Object> skip = Map.of("skipped", true);
    Map<String, Object> loop = Map.of("results", List.of(Map.of("changed", false), Map.of("changed", true)));
    assertThat(t("{{ r is succeeded }}", "r", ok)).isEqualTo(true);
    assertThat(t("{{ r is success }}", "r", bad)).isEqualTo(false);
    assertThat(t("{{ r is failed }}", "r", bad)).isEqualTo(true);
    assertThat(t("{{ r is failure }}", "r", ok)).isEqualTo(false);
    assertThat(t("{{ r is not failed }}", "r", ok)).isEqualTo(true);
    assertThat(t("{{ r is changed }}", "r", ok)).isEqualTo(true);
    assertThat(t("{{ r is change }}", "r", bad)).isEqualTo(false);
    assertThat(t("{{ r is changed }}", "r", loop)).isEqualTo(true);
    assertThat(t("{{ r is skipped }}", "r", skip)).isEqualTo(true);
    assertThat(t("{{ r is skip }}", "r", ok)).isEqualTo(false);
    assertThatThrownBy(() -> t("{{ 'x' is failed }}")).hasMessage("The 'failed' test expects a dictionary");
  }

  @Test
  void finishedAndStartedFollowTheAsyncSpec() {
    assertThat(t("{{ r is finished }}", "r", Map.of("finished", 1))).isEqualTo(true);
    assertThat(t("{{ r is finished }}", "r", Map.of("finished", 0))).isEqualTo(false);
    assertThat(t("{{ r is started }}", "r", Map.of("started", 1))).isEqualTo(true);
    assertThat(templar.drainWarnings()).isEmpty();

    assertThat(t("{{ r is finished }}", "r", Map.of("rc", 0))).isEqualTo(true);
    assertThat(t("{{ r is started }}", "r", Map.of("rc", 0))).isEqualTo(true);
    assertThat(templar.drainWarnings()).containsExactly(
        "The 'finished' test expects an async task, but a non-async task was tested",
        "The 'started' test expects an async task, but a non-async task was tested");
    assertThat(templar.drainWarnings()).isEmpty();

    assertThatThrownBy(() -> t("{{ r is finished }}", "r", List.of(1)))
        .isInstanceOf(TemplateException.class)
        .hasMessage("The 'finished' test expects a dictionary");
    assertThatThrownBy(() -> t("{{ 'x' is started }}")).hasMessage("The 'started' test expects a dictionary");
  }
}
