package io.tightbeam.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The template lookup's custom markers; expected values from ansible-playbook 2.14 rendering
 * {@code lookup('template', ...)} of the same text with the same options.
 */
class DelimitersTest {
  private static final String TEXT =
      "Hello [% who %]! {{ kept }} {#x#} [# gone #]{% if true %}yes{% endif %}";

  private static Object render(Map<String, Object> options) {
    return new Templar().template(Delimiters.of(options).toDefault(TEXT), Map.of("who", "World"));
  }

  @Test
  void customVariableAndCommentMarkers() {
    assertThat(render(Map.of("variable_start_string", "[%", "variable_end_string", "%]",
        "comment_start_string", "[#", "comment_end_string", "#]")))
        .isEqualTo("Hello World! {{ kept }} {#x#} yes");
  }

  @Test
  void customVariableMarkersOnly() {
    assertThat(render(Map.of("variable_start_string", "[%", "variable_end_string", "%]")))
        .isEqualTo("Hello World! {{ kept }}  [# gone #]yes");
  }

  @Test
  void defaultMarkersLeaveTheTextAlone() {
    assertThat(Delimiters.of(Map.of()).toDefault(TEXT)).isSameAs(TEXT);
  }

  // The template module's files; each expected text is what ansible-playbook 2.14 wrote.
  private static String file(String text, Map<String, Object> options) {
    return new Templar().renderFile(text, Map.of(), options);
  }

  @Test
  void templateModuleTakesBlockVariableAndCommentMarkers() {
    assertThat(file("[% if 1 -%]\n<< 3 >> {{ 2 }} {% x %} [# c #]\n[% endif %]\n",
        Map.of("block_start_string", "[%", "block_end_string", "%]", "variable_start_string", "<<",
            "variable_end_string", ">>", "comment_start_string", "[#", "comment_end_string", "#]")))
        .isEqualTo("3 {{ 2 }} {% x %} \n");
    assertThat(file("Before\n[# Test comment_start_string #]\nAfter\n",
        Map.of("comment_start_string", "[#", "comment_end_string", "#]")))
        .isEqualTo("Before\nAfter\n");
  }

  @Test
  void aJinja2FirstLineSetsMarkersLinePrefixesAndBlockWhitespace() {
    assertThat(file("#jinja2: line_statement_prefix:\":\", line_comment_prefix: \"##\"\n"
        + ": if true\nfoo ## c\n  ## d\n: endif\nbar\n#jinja2:x\n", Map.of()))
        .isEqualTo("foo\n\nbar\n#jinja2:x\n");
    assertThat(file("#jinja2: variable_start_string: \"[[\", variable_end_string: \"]]\", trim_blocks: False\n"
        + "[[ 1 + 1 ]] {{ x }} {% if 1 %}\ny{% endif %}\n", Map.of("trim_blocks", true)))
        .isEqualTo("2 {{ x }} \ny\n");
    assertThat(file("#jinja2: foo: 1\nx\n", Map.of())).isEqualTo("x\n");
  }

  @Test
  void aJinja2FirstLineWithoutColonsIsAnsiblesError() {
    assertThatThrownBy(() -> file("#jinja2: lstrip_blocks=True\nx\n", Map.of()))
        .hasMessage("failed to parse jinja2 override 'lstrip_blocks=True'. Did you use something different"
            + " from colon as key-value separator?");
  }
}
