package io.tightbeam.inventory;

import static io.tightbeam.inventory.Fixtures.names;
import static io.tightbeam.inventory.Fixtures.path;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tightbeam.yaml.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InventorySourcesTest {
  @TempDir Path tmp;

  @Test
  void aHostNamedByANumberMakesTheYamlSourceUnreadable() throws IOException {
    // ansible-inventory 2.14 (inventory_yaml target, test_int_hostname.yml): the yaml plugin fails so
    Files.writeString(tmp.resolve("int.yml"), "all:\n  children:\n    kids:\n      hosts:\n        1234: {}\n");
    Inventory inv = Inventory.load(List.of("int.yml"), tmp);

    assertThat(inv.parsed()).isFalse();
    assertThat(inv.warnings()).anyMatch(w -> w.endsWith(
        "with yaml plugin: Host pattern 1234 must be a string. Enclose integers/floats in quotation marks."));
  }

  @Test
  void groupNamesThatAreNoIdentifiersAreKeptWithOneWarning() throws IOException {
    // ansible-playbook 2.14 with a group the-maid and an empty commented-out hosts key (inventory_yaml/test.yml)
    Files.writeString(tmp.resolve("inv.yml"), "all:\n  children:\n    the-maid:\n      hosts:\n        alice:\n"
        + "    web-2:\n      hosts:\n        bob:\n    cousins:\n      children:\n        redheads:\n          hosts:\n"
        + "            #oliver:\n");
    Inventory inv = Inventory.load(List.of("inv.yml"), tmp);

    assertThat(inv.warnings()).containsExactly(
        "Invalid characters were found in group names but not replaced, use -vvvv to see details");
    assertThat(inv.groups().get("the-maid")).containsExactly("alice");
    assertThat(inv.groups()).containsKey("redheads");
  }

  /**
   * ansible 2.14 with ANSIBLE_INVENTORY_ENABLED=advanced_host_list (target
   * inventory_advanced_host_list): ranges expand, a range without an end stays as written with a
   * -vvv note, a range that is no number fails the source; host_list keeps the range as a name.
   */
  @Test
  void advancedHostListExpandsRangesWhereHostListDoesNot() {
    List<String> advanced = List.of("advanced_host_list");
    assertThat(names(Inventory.load(List.of("local100,local[100:110:2]"), tmp, List.of(),
        HashBehaviour.REPLACE, advanced).all()))
        .containsExactly("local100", "local102", "local104", "local106", "local108", "local110");
    Inventory open = Inventory.load(List.of("local[1:],"), tmp, List.of(), HashBehaviour.REPLACE, advanced);
    assertThat(names(open.all())).containsExactly("local[1:]");
    assertThat(open.notes()).containsExactly(
        "Unable to parse address from hostname, leaving unchanged: host range must specify end value");
    Inventory bad = Inventory.load(List.of("local[1:j],"), tmp, List.of(), HashBehaviour.REPLACE, advanced);
    assertThat(bad.parsed()).isFalse();
    assertThat(bad.warnings()).containsExactly(
        " * Failed to parse local[1:j], with advanced_host_list plugin: Invalid data from string, could not"
            + " parse: invalid literal for int() with base 10: 'j'",
        "Unable to parse local[1:j], as an inventory source",
        "No inventory was parsed, only implicit localhost is available");
    assertThat(names(Inventory.load(List.of("local[0:2],"), tmp).all())).containsExactly("local[0:2]");
  }

  @Test
  void commaListWithTrailingCommaIsOneHost() {
    Inventory inv = Inventory.load(List.of("localhost,"), tmp);

    assertThat(inv.parsed()).isTrue();
    assertThat(inv.warnings()).isEmpty();
    assertThat(names(inv.all())).containsExactly("localhost");
    assertThat(inv.groups().get("ungrouped")).containsExactly("localhost");
    assertThat(inv.isImplicit(inv.host("localhost").orElseThrow())).isFalse();
  }

  @Test
  void commaListTakesPortsAndSkipsBlanks() {
    Inventory inv = Inventory.load(List.of(" h1 , h2:2222,,h1"), tmp);

    assertThat(names(inv.all())).containsExactly("h1", "h2");
    assertThat(inv.host("h2").orElseThrow().vars()).containsEntry("ansible_port", 2222);
  }

  @Test
  void existingFileWithACommaInItsNameIsAFile() throws IOException {
    Files.writeString(tmp.resolve("a,b"), "fromfile\n");

    Inventory inv = Inventory.load(List.of("a,b"), tmp);

    assertThat(names(inv.all())).containsExactly("fromfile");
  }

  @Test
  void missingFileWarnsAndLeavesOnlyImplicitLocalhost() {
    Inventory inv = Inventory.load(List.of("missing.ini"), tmp);

    assertThat(inv.parsed()).isFalse();
    assertThat(inv.warnings())
        .containsExactly(
            "Unable to parse " + tmp.resolve("missing.ini") + " as an inventory source",
            "No inventory was parsed, only implicit localhost is available");
    assertThat(inv.all()).isEmpty();
    assertThat(names(inv.select("localhost"))).containsExactly("localhost");
  }

  @Test
  void missingDefaultSourceIsNotNamedInTheWarnings() {
    Inventory inv = Inventory.load(List.of("/etc/ansible/hosts"), tmp);

    boolean present = Files.exists(Path.of("/etc/ansible/hosts"));
    assertThat(inv.warnings().stream().anyMatch(w -> w.startsWith("Unable to parse")))
        .isEqualTo(present && !inv.parsed());
  }

  @Test
  void oneBadSourceDoesNotStopTheOthers() {
    Inventory inv =
        Inventory.load(List.of(tmp.resolve("nope").toString(), "x1,x2"), tmp);

    assertThat(inv.parsed()).isTrue();
    assertThat(names(inv.all())).containsExactly("x1", "x2");
    assertThat(inv.warnings()).hasSize(1);
  }

  @Test
  void directoryReadsEveryInventoryFileButIgnoredOnes() {
    Inventory inv = Inventory.load(List.of(path("dir-source").toString()), tmp);

    assertThat(inv.parsed()).isTrue();
    assertThat(inv.groups()).containsKeys("web", "db").doesNotContainKey("ignored");
    assertThat(inv.groups().get("all")).containsExactlyInAnyOrder("w1", "d1", "s1");
    assertThat(inv.warnings()).isEmpty();
    assertThat(inv.hostVars(inv.host("w1").orElseThrow(), null))
        .containsEntry("from_dir_group_vars", true);
  }

  @Test
  void severalSourcesMergeHostsAndGroups() {
    Inventory inv =
        Inventory.load(
            List.of(path("basic.ini").toString(), path("inventory.yml").toString()), tmp);

    assertThat(inv.groups().get("web"))
        .containsExactly(
            "web01.example.com", "web02.example.com", "web03.example.com", "www.example.com",
            "web1", "web2", "www");
  }

  @Test
  void executableScriptIsReportedAsUnsupported() throws IOException {
    Path script = tmp.resolve("inv.sh");
    Files.writeString(script, "#!/bin/sh\necho '{}'\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));

    Inventory inv = Inventory.load(List.of(script.toString()), tmp);

    assertThat(inv.parsed()).isFalse();
    assertThat(inv.warnings().get(0))
        .isEqualTo(
            " * Failed to parse " + script
                + " with script plugin: executable inventory scripts are not supported by"
                + " Tightbeam");
  }

  @Test
  void hostAndGroupWithTheSameNameIsWarned() throws IOException {
    Files.writeString(tmp.resolve("hosts"), "[web]\nweb\n");

    Inventory inv = Inventory.load(List.of("hosts"), tmp);

    assertThat(inv.warnings()).containsExactly("Found both group and host with same name: web");
    assertThat(names(inv.select("web"))).containsExactly("web");
  }

  @Test
  void emptyFileParsesAsAnEmptyInventory() throws IOException {
    Files.writeString(tmp.resolve("empty"), "");

    Inventory inv = Inventory.load(List.of("empty"), tmp);

    assertThat(inv.parsed()).isTrue();
    assertThat(inv.all()).isEmpty();
  }

  @Test
  void brokenVarsFileIsAnInputError() throws IOException {
    Files.writeString(tmp.resolve("hosts"), "h1\n");
    Files.createDirectories(tmp.resolve("host_vars"));
    Files.writeString(tmp.resolve("host_vars/h1.yml"), "- a list\n- not a mapping\n");
    Inventory inv = Inventory.load(List.of("hosts"), tmp);

    assertThatThrownBy(() -> inv.hostVars(inv.host("h1").orElseThrow(), null))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("expected dicts")
        .hasMessageContaining(tmp.resolve("host_vars/h1.yml").toString());
  }

  @Test
  void vaultAndUnsafeTagsLoadAsText() throws IOException {
    Files.writeString(tmp.resolve("hosts"), "h1\n");
    Files.createDirectories(tmp.resolve("group_vars"));
    Files.writeString(
        tmp.resolve("group_vars/all.yml"),
        "secret: !vault |\n  $ANSIBLE_VAULT;1.1;AES256\n  6162\nraw: !unsafe '{{ x }}'\n");
    Inventory inv = Inventory.load(List.of("hosts"), tmp);

    Map<String, Object> vars = inv.hostVars(inv.host("h1").orElseThrow(), null);
    // An inline vault value stays vaulted until used: its text is the envelope as written.
    assertThat(vars.get("secret")).isInstanceOfSatisfying(io.tightbeam.vault.EncryptedString.class,
        e -> assertThat(e.vaulttext()).isEqualTo("$ANSIBLE_VAULT;1.1;AES256\n6162\n"));
    assertThat(vars).containsEntry("raw", "{{ '{{' }} x }}"); // renders as written (yaml.UnsafeText)
  }

  @Test
  void varsFileSyntaxErrorNamesFileAndLine() throws IOException {
    Files.writeString(tmp.resolve("hosts"), "h1\n");
    Files.createDirectories(tmp.resolve("group_vars"));
    Path bad = Files.writeString(tmp.resolve("group_vars/all.yml"), "a: 1\nb: [unclosed\n");
    Inventory inv = Inventory.load(List.of("hosts"), tmp);

    assertThatThrownBy(() -> inv.hostVars(inv.host("h1").orElseThrow(), null))
        .isInstanceOfSatisfying(
            InputException.class,
            e -> {
              assertThat(e.exitCode()).isEqualTo(4);
              assertThat(e.diagnostics().get(0).pos().file()).isEqualTo(bad.toString());
              assertThat(e.diagnostics().get(0).pos().line()).isGreaterThanOrEqualTo(2);
              assertThat(e.getMessage()).contains(bad.toString());
            });
  }
}
