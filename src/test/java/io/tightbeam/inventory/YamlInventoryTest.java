package io.tightbeam.inventory;

import static io.tightbeam.inventory.Fixtures.load;
import static io.tightbeam.inventory.Fixtures.names;
import static io.tightbeam.inventory.Fixtures.path;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class YamlInventoryTest {
  @Test
  void readsHostsChildrenAndVars() {
    Inventory inv = load("inventory.yml");

    assertThat(inv.parsed()).isTrue();
    assertThat(names(inv.all())).containsExactly("lone", "web1", "web2", "www", "db1");
    assertThat(inv.groups().get("web")).containsExactly("web1", "web2", "www");
    assertThat(inv.groups().get("dc")).containsExactly("db1", "web1", "web2", "www");
    assertThat(inv.groups().get("ungrouped")).containsExactly("lone");
    assertThat(inv.host("www").orElseThrow().vars())
        .containsEntry("ansible_port", 2222)
        .containsEntry("weight", 3);
    assertThat(inv.host("lone").orElseThrow().vars()).containsEntry("ansible_host", "192.0.2.1");
  }

  @Test
  void yamlValuesKeepYamlTypes() {
    Inventory inv = load("inventory.yml");

    assertThat(inv.hostVars(inv.host("web1").orElseThrow(), null))
        .containsEntry("http_port", 80)
        .containsEntry("enabled", true)
        .containsEntry("ntp", "pool.example.org");
  }

  @Test
  void unexpectedKeyIsSkippedWithAnsiblesWarning() {
    Inventory inv = load("inventory.yml");

    assertThat(inv.warnings())
        .containsExactly(
            "Skipping unexpected key (bogus) in group (dc), only \"vars\", \"children\" and"
                + " \"hosts\" are valid",
            "Skipping key (extra) in group (dc) as it is not a mapping, it is a <class 'int'>");
  }

  @Test
  void yamlThatIsNotAMappingFallsBackToIniAndReportsBoth() {
    Inventory inv = load("not-a-mapping.yml");
    String file = path("not-a-mapping.yml").toString();

    assertThat(inv.parsed()).isFalse();
    assertThat(inv.warnings().get(0))
        .isEqualTo(
            " * Failed to parse " + file + " with yaml plugin: YAML inventory has invalid"
                + " structure, it should be a dictionary, got: <class 'list'>");
    assertThat(inv.warnings().get(1)).startsWith(" * Failed to parse " + file + " with ini plugin: " + file + ":1: ");
    assertThat(inv.warnings().get(2)).isEqualTo("Unable to parse " + file + " as an inventory source");
  }
}
