package io.tightbeam.module;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** gather_facts as a task: setup's options and facts, as ansible-playbook 2.14 registers them. */
class GatherFactsModuleTest {
  private final RemoteModule module = Modules.builtin().remote("ansible.builtin.gather_facts").orElseThrow();

  @Test
  void takesSetupsOptionsAndParallel() {
    assertThat(module.checkArgs(Map.of("gather_subset", "distribution", "parallel", true)))
        .containsEntry("gather_subset", List.of("distribution"));
    assertThatThrownBy(() -> module.checkArgs(Map.of("foo", 1))).hasMessageContaining(
        "Unsupported parameters for (setup) module: foo. Supported parameters include: fact_path,"
            + " filter, gather_subset, gather_timeout.");
  }

  @Test
  void marksTheFactsGatheredAndAddsWarningsAndDeprecations() {
    // registered keys in 2.14: ansible_facts, warnings, deprecations, failed, changed
    Map<String, Object> r = GatherFactsModule.gathered(
        Map.of("ansible_facts", Map.of("ansible_os_family", "Debian"), "changed", false));
    assertThat(r).containsEntry("ansible_facts",
            Map.of("ansible_os_family", "Debian", "_ansible_facts_gathered", true))
        .containsEntry("warnings", List.of()).containsEntry("deprecations", List.of());
  }
}
