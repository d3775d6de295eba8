package io.tightbeam.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * add_host and group_by change the run's inventory as ansible-playbook 2.14 showed for the same
 * steps (groups, group_names, changed), on the inventory {@code h1, h2 in web}.
 */
class DynamicInventoryTest {
  @Test
  void addHostAndGroupByChangeGroupsAsAnsibleDoes(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("hosts"), "h1 ansible_connection=local\nh2 ansible_connection=local\n[web]\nh2\n");
    Inventory inv = Inventory.load(List.of(dir.resolve("hosts").toString()), dir);

    assertThat(inv.addHost("new_1", List.of("g1"), Map.of("foo", "bar"))).isTrue();
    assertThat(inv.addHost("new_2", List.of("g1"), Map.of("foo", "bar"))).isTrue();
    assertThat(inv.addHost("new_2", List.of("g1"), Map.of("foo", "bar"))).isFalse();
    assertThat(inv.addHost("h1", List.of("web", "g2"), Map.of())).isTrue();
    assertThat(inv.groups()).isEqualTo(Map.of("all", List.of("new_1", "new_2", "h2", "h1"),
        "ungrouped", List.of(), "web", List.of("h2", "h1"), "g1", List.of("new_1", "new_2"), "g2", List.of("h1")));
    assertThat(List.copyOf(inv.groups().keySet())).containsExactly("all", "ungrouped", "web", "g1", "g2");
    assertThat(Inventory.groupNames(inv.host("h1").orElseThrow())).containsExactly("g2", "web");
    assertThat(inv.host("new_1").orElseThrow().vars()).isEqualTo(Map.of("foo", "bar"));
    assertThat(inv.select("g1").stream().map(Host::name)).containsExactly("new_1", "new_2");

    assertThat(inv.addToGroup("h1", "os_h1", List.of("parentg"))).isTrue();
    assertThat(inv.addToGroup("h2", "os_h2", List.of("parentg"))).isTrue();
    assertThat(inv.addToGroup("h2", "os_h2", List.of("parentg"))).isFalse();
    assertThat(inv.groups()).containsEntry("os_h1", List.of("h1")).containsEntry("parentg", List.of("h1", "h2"));
    assertThat(Inventory.groupNames(inv.host("h1").orElseThrow())).containsExactly("g2", "os_h1", "parentg", "web");
  }
}
