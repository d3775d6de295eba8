package io.tightbeam.executor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** ansible-playbook 2.14 warned of lipsum, name and when (in a set's order) for these play vars. */
class ReservedNamesTest {
  @Test
  void keywordsAndTemplateGlobalsAreReservedButVarsIsNot() {
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put("when", "w");
    vars.put("foo", "z");
    vars.put("lipsum", "x");
    vars.put("name", "y");
    vars.put("vars", "v");
    assertThat(ReservedNames.in(vars)).containsExactly("lipsum", "name", "when");
  }
}
