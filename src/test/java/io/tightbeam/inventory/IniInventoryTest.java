package io.tightbeam.inventory;

import static io.tightbeam.inventory.Fixtures.load;
import static io.tightbeam.inventory.Fixtures.names;
import static io.tightbeam.inventory.Fixtures.path;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IniInventoryTest {
  @Test
  void readsGroupsChildrenRangesAndPorts() {
    Inventory inv = load("basic.ini");

    assertThat(inv.parsed()).isTrue();
    assertThat(inv.warnings()).isEmpty();
    assertThat(names(inv.all()))
        .containsExactly(
            "solo", "web01.example.com", "web02.example.com", "web03.example.com",
            "www.example.com", "db-a", "db-b", "db-c");
    assertThat(inv.groups().get("ungrouped")).containsExactly("solo");
    assertThat(inv.groups().get("prod"))
        .containsExactly(
            "web01.example.com", "web02.example.com", "web03.example.com", "www.example.com",
            "db-a", "db-b", "db-c");
    assertThat(inv.groups()).containsKeys("all", "ungrouped", "web", "db", "prod");
    assertThat(inv.groups().get("all")).hasSize(8);
    assertThat(inv.host("www.example.com").orElseThrow().vars()).containsEntry("ansible_port", 2222);
    assertThat(inv.host("db-b").orElseThrow().vars()).containsEntry("ansible_user", "postgres");
    assertThat(inv.host("web02.example.com").orElseThrow().vars()).containsEntry("http_port", 8080);
  }

  @Test
  void hostGroupsRunFromAllToMostSpecific() {
    Inventory inv = load("basic.ini");

    assertThat(inv.host("web01.example.com").orElseThrow().groups())
        .containsExactly("all", "prod", "web");
    assertThat(inv.host("solo").orElseThrow().groups()).containsExactly("all", "ungrouped");
  }

  @Test
  void groupNamesAreSortedWithoutAll() {
    Inventory inv = load("basic.ini");

    assertThat(Inventory.groupNames(inv.host("web01.example.com").orElseThrow()))
        .containsExactly("prod", "web");
    assertThat(Inventory.groupNames(inv.host("solo").orElseThrow())).containsExactly("ungrouped");
  }

  @Test
  void groupVarsAreLiteralEvaluatedLikeAnsibleCode() {
    Inventory inv = load("basic.ini");
    Map<String, Object> vars = inv.hostVars(inv.host("db-a").orElseThrow(), null);

    assertThat(vars)
        .containsEntry("env", "production")
        .containsEntry("count", 3)
        .containsEntry("flag", false)
        .containsEntry("shout", "FALSE")
        .containsEntry("list", List.of(1, "two"))
        .containsEntry("quoted", "a b")
        .doesNotContainKey("role");
  }

  @Test
  void inlineHostVarsAreTypedAsPythonLiterals() {
    Map<String, Object> vars = load("typed.ini").host("h1").orElseThrow().vars();

    assertThat(vars)
        .containsEntry("a", 1)
        .containsEntry("b", true)
        .containsEntry("c", "a b")
        .containsEntry("d", List.of(1, 2))
        .containsEntry("e", "0755")
        .containsEntry("f", "10.0.0.1")
        .containsEntry("g", 1.5)
        .containsEntry("h", null)
        .containsEntry("i", Map.of("k", "v"))
        .containsEntry("j", -7)
        .containsEntry("k", "yes");
  }

  @Test
  void inventoryFileAndDirAreHostVars() {
    Map<String, Object> vars = load("typed.ini").host("h1").orElseThrow().vars();

    assertThat(vars)
        .containsEntry("inventory_file", path("typed.ini").toString())
        .containsEntry("inventory_dir", path("typed.ini").getParent().toString());
  }

  @Test
  void badHostLineIsAWarningNamingFileAndLine() {
    Inventory inv = load("bad-host-line.ini");
    String file = path("bad-host-line.ini").toString();

    assertThat(inv.parsed()).isFalse();
    assertThat(inv.warnings())
        .containsExactly(
            " * Failed to parse " + file + " with ini plugin: " + file
                + ":3: Expected key=value host variable assignment, got: foo",
            "Unable to parse " + file + " as an inventory source",
            "No inventory was parsed, only implicit localhost is available");
  }

  @Test
  void childrenMayNameGroupsDeclaredLater() {
    Inventory inv = load("pending-children.ini");

    assertThat(inv.groups().get("parent")).containsExactly("h1");
    assertThat(inv.host("h1").orElseThrow().groups()).containsExactly("all", "parent", "child");
  }

  @Test
  void childrenNamingAnUndeclaredGroupFail() {
    Inventory inv = load("undefined-child.ini");

    assertThat(inv.warnings().get(0))
        .endsWith("undefined-child.ini:2: Section [parent:children] includes undefined group: ghost");
  }

  @Test
  void varsForAnUndeclaredGroupFail() {
    Inventory inv = load("vars-undefined-group.ini");

    assertThat(inv.warnings().get(0))
        .endsWith(
            "vars-undefined-group.ini:3: Section [nowhere:vars] not valid for undefined group:"
                + " nowhere");
  }

  @Test
  void hostListedInAGroupLeavesUngrouped() {
    Inventory inv = load("regrouped.ini");

    assertThat(inv.groups().get("ungrouped")).containsExactly("h1");
    assertThat(inv.groups().get("g")).containsExactly("h2");
    assertThat(inv.host("h2").orElseThrow().groups()).containsExactly("all", "g");
  }

  @Test
  void groupLoopIsAParseFailure() {
    Inventory inv = load("loop.ini");

    assertThat(inv.parsed()).isFalse();
    assertThat(inv.warnings().get(0))
        .endsWith("loop.ini:5: Adding group 'a' as child to 'b' creates a recursive dependency loop.");
  }
}
