package io.tightbeam.inventory;

import static io.tightbeam.inventory.Fixtures.load;
import static io.tightbeam.inventory.Fixtures.names;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tightbeam.yaml.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostPatternSelectTest {
  private final Inventory inv = load("patterns.ini");

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        // Ansible walks all's children level by level: staging (top-level) before prod's web/db.
        "all               | web1 db1 web2 web3 db2",
        "*                 | web1 db1 web2 web3 db2",
        "web               | web1 web2 web3",
        "db2               | db2",
        "web:db            | web1 web2 web3 db1 db2",
        "db,web            | db1 db2 web1 web2 web3",
        "db, web1          | db1 db2 web1",
        "web:&staging      | web1",
        "prod:!staging     | web2 web3 db2",
        "!staging:web      | web2 web3",
        "&staging:db       | db1",
        "!web              | db1 db2",
        "web*              | web1 web2 web3",
        "db?               | db1 db2",
        "*1                | web1 db1",
        "w[a-e]b[!2]       | web1 web3",
        "web[0]            | web1",
        "web[-1]           | web3",
        "web[0:1]          | web1 web2",
        "web[1:]           | web2 web3",
        "prod[3]           | db1",
        "~web[12]          | web1 web2",
        "~[dw][be]b?1      | web1 db1",
        "~eb               | ''",
        "web:web1:web      | web1 web2 web3",
        "web2:web1         | web2 web1",
        "staging:web       | web1 db1 web2 web3",
      })
  void selectsLikeAnsible(String pattern, String expected) {
    List<String> want = expected.isBlank() ? List.of() : List.of(expected.strip().split(" "));
    assertThat(names(inv.select(pattern.strip()))).containsExactlyElementsOf(want);
  }

  @Test
  void unknownNameMatchesNothingAndIsReported() {
    PatternMatch m = inv.match("web:nosuch:!also-missing");

    assertThat(names(m.hosts())).containsExactly("web1", "web2", "web3");
    assertThat(m.unmatched()).containsExactly("nosuch", "also-missing");
  }

  @Test
  void emptyGroupMatchesNothingWithoutWarning() {
    PatternMatch m = inv.match("empty");

    assertThat(m.hosts()).isEmpty();
    assertThat(m.unmatched()).isEmpty();
  }

  @Test
  void subscriptOutOfRangeIsAnError() {
    assertThatThrownBy(() -> inv.select("web[7]"))
        .isInstanceOf(InputException.class)
        .hasMessage("No hosts matched the subscripted pattern 'web[7]'")
        .satisfies(e -> assertThat(((InputException) e).exitCode()).isEqualTo(1));
  }

  @Test
  void badRegexIsAnError() {
    assertThatThrownBy(() -> inv.select("~web(")).hasMessage("Invalid host list pattern: ~web(");
  }

  @Test
  void limitRestrictsThePattern() {
    assertThat(names(inv.match("prod", "staging").hosts())).containsExactly("web1", "db1");
    assertThat(names(inv.match("all", "db*:!db2").hosts())).containsExactly("db1");
  }

  @Test
  void limitMayReadHostsFromAFile(@TempDir Path tmp) throws IOException {
    Files.writeString(tmp.resolve("retry"), "web2\ndb2\n\n");
    Inventory here = Inventory.load(List.of(Fixtures.path("patterns.ini").toString()), tmp);

    assertThat(names(here.match("all", "@retry").hosts())).containsExactly("web2", "db2");
    assertThat(names(here.match("web", "@retry:web1").hosts())).containsExactly("web1", "web2");
    assertThatThrownBy(() -> here.match("all", "@nofile"))
        .hasMessage("Unable to find limit file " + tmp.resolve("nofile"));
  }

  @Test
  void implicitLocalhostWhenNamedButNotListed() {
    List<Host> hosts = inv.select("localhost");

    assertThat(names(hosts)).containsExactly("localhost");
    assertThat(hosts.get(0).vars()).containsEntry("ansible_connection", "local");
    // ansible 2.14 here: ansible localhost -m debug -a var=ansible_python_interpreter gives /usr/bin/python3
    if (java.nio.file.Files.isExecutable(java.nio.file.Path.of("/usr/bin/python3"))) {
      assertThat(hosts.get(0).vars()).containsEntry("ansible_python_interpreter", "/usr/bin/python3");
    }
    assertThat(inv.isImplicit(hosts.get(0))).isTrue();
    assertThat(names(inv.select("127.0.0.1"))).containsExactly("127.0.0.1");
    assertThat(inv.match("localhost").unmatched()).isEmpty();
  }

  @Test
  void implicitLocalhostIsNotMatchedByAllOrWildcards() {
    assertThat(names(inv.select("all"))).doesNotContain("localhost");
    assertThat(names(inv.select("local*"))).isEmpty();
    assertThat(names(inv.select("web:localhost"))).containsExactly("web1", "web2", "web3", "localhost");
    assertThat(inv.groups().get("all")).doesNotContain("localhost");
  }

  @Test
  void listedLocalhostIsTheInventoryHost() {
    Inventory withLocal = Inventory.load(List.of("localhost,other"), Fixtures.path(""));
    Host local = withLocal.select("localhost").get(0);

    assertThat(withLocal.isImplicit(local)).isFalse();
    assertThat(local.vars()).doesNotContainKey("ansible_connection");
    assertThat(names(withLocal.select("all"))).containsExactly("localhost", "other");
  }

  @Test
  void implicitLocalhostGetsGroupAllVars() {
    Inventory withVars = load("basic.ini");
    Host local = withVars.host("localhost").orElseThrow();

    assertThat(local.groups()).containsExactly("all");
    assertThat(withVars.hostVars(local, null)).containsEntry("ansible_connection", "local");
  }
}
