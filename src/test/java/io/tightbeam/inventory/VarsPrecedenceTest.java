package io.tightbeam.inventory;

import static io.tightbeam.inventory.Fixtures.load;
import static io.tightbeam.inventory.Fixtures.path;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Fixture {@code precedence/}: layer N sets keys kN..k11 to "LN". Layers: 1 [all:vars], 2 inv group_vars/all, 3 play group_vars/all, 4 [parent:vars],
 * 5 [child:vars], 6 inv group_vars/parent, 7 inv group_vars/child/ (a directory), 8 play
 * group_vars/child.yaml, 9 inline host vars, 10 inv host_vars/h1, 11 play host_vars/h1.json.
 */
class VarsPrecedenceTest {
  private final Inventory inv = load("precedence/inv/hosts");

  @Test
  void layersOverrideEachOtherAsAnsibleOrdersThem() {
    Map<String, Object> vars =
        inv.hostVars(inv.host("h1").orElseThrow(), path("precedence/play"));

    // ansible-playbook 2.14 on this fixture: the group_vars/all files (layers 2, 3) rank above the
    // inventory file's vars of every group (4, 5), as its default VARIABLE_PRECEDENCE orders them
    List<String> seen = List.of("L1", "L2", "L3", "L3", "L3", "L6", "L7", "L8", "L9", "L10", "L11");
    for (int k = 1; k <= 11; k++) {
      assertThat(vars).as("k%d", k).containsEntry("k" + k, seen.get(k - 1));
    }
  }

  @Test
  void groupVarsDirectoryMergesItsFilesInNameOrder() {
    Map<String, Object> vars = inv.hostVars(inv.host("h2").orElseThrow(), null);

    assertThat(vars)
        .containsEntry("dirkey", "second")
        .containsEntry("only_first", "kept")
        .containsEntry("k7", "L7")
        .doesNotContainValue("from-txt-ignored");
  }

  @Test
  void withoutPlaybookDirOnlyInventorySideFilesApply() {
    Map<String, Object> vars = inv.hostVars(inv.host("h1").orElseThrow(), null);

    assertThat(vars)
        .containsEntry("k3", "L2")
        .containsEntry("k8", "L7")
        .containsEntry("k11", "L10");
  }

  @Test
  void fileWithoutExtensionShadowsTheYmlOne() {
    Map<String, Object> vars = inv.hostVars(inv.host("h1").orElseThrow(), null);

    assertThat(vars).doesNotContainKey("shadowed");
  }

  @Test
  void otherHostsGetOnlyGroupLayers() {
    Map<String, Object> vars =
        inv.hostVars(inv.host("h2").orElseThrow(), path("precedence/play"));

    assertThat(vars).containsEntry("k8", "L8").containsEntry("k11", "L8");
  }

  @Test
  void implicitLocalhostGetsAllGroupVarsOnly() {
    Map<String, Object> vars =
        inv.hostVars(inv.host("localhost").orElseThrow(), path("precedence/play"));

    assertThat(vars)
        .containsEntry("ansible_connection", "local")
        .containsEntry("k1", "L1")
        .containsEntry("k11", "L3");
  }

  @Test
  void groupsAtTheSameDepthMergeAlphabeticallyUnlessPrioritised() {
    Inventory prio = load("priority.ini");

    assertThat(prio.host("h1").orElseThrow().groups()).containsExactly("all", "alpha", "zeta");
    assertThat(prio.hostVars(prio.host("h1").orElseThrow(), null)).containsEntry("who", "zeta");
    assertThat(prio.host("h2").orElseThrow().groups()).containsExactly("all", "high", "low");
    assertThat(prio.hostVars(prio.host("h2").orElseThrow(), null)).containsEntry("who", "low");
  }
}
