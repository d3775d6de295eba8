package io.tightbeam.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the case tables cannot say: Literal data, keys, files, caching between calls. Values and
 * messages of templates are in {@code template/cases/*.yml}, recorded from ansible-playbook.
 */
class TemplarTest {
  private final Templar templar = new Templar();

  private Map<String, Object> vars(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  private Object t(String template, Object... kv) {
    return templar.template(template, vars(kv));
  }

  // --- native values and output style

  @Test
  void stringWithoutMarkupIsReturnedAsIs() {
    String s = "plain {not a template}";
    assertThat(templar.template(s, Map.of())).isSameAs(s);
  }

  @Test
  void templateFilesTrimBlocksAsAnsiblesTemplateModuleDoesAndLstripOnRequest() {
    String text = "{% if true %}\n  x\n{% endif %}\n  {% if true %}\ny\n  {% endif %}\nend\n";
    // the outputs of ansible-playbook 2.14's template module for the same text
    assertThat(templar.renderFile(text, Map.of(), true, false)).isEqualTo("  x\n  y\n  end\n");
    assertThat(templar.renderFile(text, Map.of(), false, false)).isEqualTo("\n  x\n\n  \ny\n  \nend\n");
    assertThat(templar.renderFile(text, Map.of(), true, true)).isEqualTo("  x\ny\nend\n");
    assertThat(templar.renderFile("{{ d }}", vars("d", Map.of("a", 1)), true, false)).isEqualTo("{'a': 1}");
  }

  @Test
  void listsAndMapsAreTemplatedElementByElementIncludingKeys() {
    Object out = templar.template(
        Map.of("{{ k }}", List.of("{{ a }}", "x-{{ a }}", 3)), vars("k", "key", "a", 1));
    assertThat(out).isEqualTo(Map.of("key", List.of(1, "x-1", 3)));
  }

  // --- lazy vars, literals, cycles

  @Test
  void literalValuesAreNeverTemplated() {
    Map<String, Object> v = vars("r", new Literal(Map.of("stdout", "{{ 7 * 7 }}")), "s", new Literal("{{ nope }}"));
    assertThat(templar.template("{{ r.stdout }}", v)).isEqualTo("{{ 7 * 7 }}");
    assertThat(templar.template("out: {{ r.stdout }}", v)).isEqualTo("out: {{ 7 * 7 }}");
    assertThat(templar.template("{{ s }}", v)).isEqualTo("{{ nope }}");
    assertThat(templar.template(new Literal("{{ x }}"), v)).isEqualTo("{{ x }}");
  }

  @Test
  void literalDataIsNeverTemplatedAgainAsALookupTerm() {
    // ansible-playbook 2.14 on a registered command result: a lookup does not template its
    // strings again (template/unsafe.yml); a lookup's own results are AnsibleUnsafeText.
    Map<String, Object> v = vars("r", new Literal(Map.of("lines", List.of("{{ 7 * 7 }}"))), "s", new Literal("{{ 1 }}"));
    assertThat(templar.template("{{ query('items', s, r.lines[0]) }}", v)).isEqualTo(List.of("{{ 1 }}", "{{ 7 * 7 }}"));
    assertThat(templar.template("{{ query('items', '{{ 1 }}') }}", v)).isEqualTo(List.of("1"));
    assertThat(templar.template("{{ query('items', {'k': ['x']})[0].k[0] | type_debug }}", v))
        .isEqualTo("AnsibleUnsafeText");
  }

  @Test
  void unsafeTextStaysUnsafeAfterTheTemplateThatMadeIt() {
    // ansible-playbook 2.14 (semantics/unsafe_text): a !unsafe var and a lookup's text keep
    // AnsibleUnsafeText through set_fact; the data a lookup read stays str.
    List<Object> shared = List.of("kept");
    Map<String, Object> v = vars("u", io.tightbeam.yaml.UnsafeText.of("other"), "shared", shared,
        "w", io.tightbeam.yaml.UnsafeText.of("{{ other }}"));
    Object fromVar = templar.template("{{ u }}", v);
    Object written = templar.template("{{ w }}", v);
    Object listed = templar.template("{{ lookup('list', shared) }}", v);
    assertThat(fromVar).isEqualTo("other");
    assertThat(written).isEqualTo("{{ other }}");
    assertThat(io.tightbeam.py.AnsibleUnsafe.isUnsafe(fromVar)).isTrue();
    assertThat(io.tightbeam.py.AnsibleUnsafe.isUnsafe(written)).isTrue();
    assertThat(io.tightbeam.py.AnsibleUnsafe.isUnsafe(((List<?>) listed).get(0))).isTrue();
    assertThat(io.tightbeam.py.AnsibleUnsafe.isUnsafe(shared.get(0))).isFalse();
    assertThat(io.tightbeam.py.AnsibleUnsafe.isUnsafe(new String("other"))).isFalse();
    Map<String, Object> later = vars("s", new Literal(fromVar), "l", new Literal(listed), "shared", shared);
    assertThat(templar.template("{{ s | type_debug }} {{ l[0] | type_debug }} {{ shared[0] | type_debug }}", later))
        .isEqualTo("AnsibleUnsafeText AnsibleUnsafeText str");
    // text marked unsafe (a lookup's, kept by set_fact) is never templated, wherever it sits
    Map<String, Object> marked = vars("p", List.of(io.tightbeam.py.AnsibleUnsafe.mark(new String("{{ 7 * 7 }}"))));
    assertThat(templar.template("{{ p[0] }}", marked)).isEqualTo("{{ 7 * 7 }}");
    assertThat(templar.template(marked.get("p"), marked)).isEqualTo(List.of("{{ 7 * 7 }}"));
  }

  @Test
  void cyclesAreDetected() {
    assertThatThrownBy(() -> t("{{ a }}", "a", "{{ b }}", "b", "{{ a }}"))
        .isInstanceOf(TemplateException.class)
        .hasMessageContaining("recursive loop detected in template string: {{ a }}");
  }

  // --- undefined

  @Test
  void omitIsBound() {
    assertThat(t("{{ foo | default(omit) }}")).isEqualTo(Templar.OMIT);
  }

  @Test
  void reusedInterpretersDoNotLeakStateBetweenCalls() {
    assertThat(t("{% set leaked = 1 %}{{ leaked }}")).isEqualTo("1");
    assertThatThrownBy(() -> t("{{ leaked }}")).hasMessage("'leaked' is undefined");
    assertThatThrownBy(() -> t("{{ 1 | nosuch }}")).isInstanceOf(TemplateException.class);
    assertThat(t("{{ 1 + 1 }}")).isEqualTo("2");
  }

  @Test
  void nullVarsAndNonStringValuesPassThrough() {
    assertThat(templar.template(42, null)).isEqualTo(42);
    assertThat(templar.template("{{ 1 }}", null)).isEqualTo("1");
    assertThat(templar.template(null, Map.of())).isNull();
  }

  @Test
  void literalsInsideHostvarsStyleMapsStayRaw() {
    Map<String, Object> hostvars = Map.of("web1", Map.of(
        "facts", new Literal(Map.of("motd", "{{ boom }}")), "port", "{{ base_port + 1 }}"));
    Map<String, Object> v = vars("hostvars", hostvars, "base_port", 8000);
    assertThat(templar.template("{{ hostvars['web1'].facts.motd }}", v)).isEqualTo("{{ boom }}");
    assertThat(templar.template("{{ hostvars.web1.port }}", v)).isEqualTo("8001");
  }

  @Test
  void lookupsSearchTheExecutorsLiteralSearchPath(@TempDir Path role) throws Exception {
    // ansible-playbook 2.14: first_found in roles/r/tasks/main.yml finds roles/r/tasks/default.yml
    Files.createDirectories(role.resolve("tasks"));
    Files.writeString(role.resolve("tasks/default.yml"), "[]");
    Object searchPath = new Literal(List.of(role.toString(), role.resolve("tasks").toString()));
    assertThat(t("{{ lookup('first_found', 'default.yml') }}", "ansible_search_path", searchPath,
        "role_path", role.toString())).isEqualTo(role.resolve("tasks/default.yml").toString());
  }
}
