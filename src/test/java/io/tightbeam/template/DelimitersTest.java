package io.tightbeam.template;

import static org.assertj.core.api.Assertions.assertThat;

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
}
