package io.tightbeam.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Values as ansible-playbook 2.14 showed them (semantics case hash_merge). */
class HashBehaviourTest {
  private static Map<String, Object> vars() {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("h", Map.of("over", "all", "deep", Map.of("a", 1, "b", List.of(1, 2))));
    return v;
  }

  @Test
  void mergeCombinesDictsAtEveryDepthAndReplacesLists() {
    Map<String, Object> v = vars();
    HashBehaviour.MERGE.update(v, Map.of("h", Map.of("over", "task", "deep", Map.of("b", List.of(3), "c", 3))));
    assertThat(v.get("h")).isEqualTo(
        Map.of("over", "task", "deep", Map.of("a", 1, "b", List.of(3), "c", 3)));
  }

  @Test
  void replaceTakesTheNewDictWhole() {
    Map<String, Object> v = vars();
    HashBehaviour.REPLACE.update(v, Map.of("h", Map.of("task", 1)));
    assertThat(v.get("h")).isEqualTo(Map.of("task", 1));
  }

  @Test
  void aDictOverAScalarReplacesItUnderMergeToo() {
    Map<String, Object> v = new LinkedHashMap<>(Map.of("h", "text"));
    HashBehaviour.MERGE.set(v, "h", Map.of("a", 1));
    assertThat(v.get("h")).isEqualTo(Map.of("a", 1));
  }
}
