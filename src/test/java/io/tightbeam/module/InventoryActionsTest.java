package io.tightbeam.module;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tightbeam.template.Templar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * add_host, group_by and set_stats return what ansible-playbook 2.14 registers for them (the
 * executor then applies add_host and group_by to the inventory and sets changed).
 */
class InventoryActionsTest {
  private final Modules modules = Modules.builtin();

  private Map<String, Object> run(String action, Map<String, Object> args) {
    ActionContext context = new ActionContext(new Templar(), Map.of(), "h1", false, 0);
    return modules.action(action).orElseThrow().run(new LinkedHashMap<>(args), context);
  }

  @Test
  void addHostSplitsNameGroupsAndHostVars() {
    Map<String, Object> r = run("add_host", Map.of("name", "h1", "groups", "web,g2"));
    assertThat(r).containsEntry("changed", false).containsEntry("add_host",
        Map.of("host_name", "h1", "groups", List.of("web", "g2"), "host_vars", Map.of()));
    r = run("add_host", Map.of("name", "new_1", "groups", "g1", "foo", "bar"));
    assertThat(r.get("add_host")).isEqualTo(
        Map.of("host_name", "new_1", "groups", List.of("g1"), "host_vars", Map.of("foo", "bar")));
    assertThat(modules.action("add_host").orElseThrow().bypassHostLoop()).isTrue();
    assertThat(modules.action("group_by").orElseThrow().bypassHostLoop()).isFalse();
  }

  @Test
  void addHostTakesAPortFromTheNameAndADictAsRawParameters() {
    assertThat(run("add_host", Map.of("name", "127.0.1.1:2222")).get("add_host")).isEqualTo(
        Map.of("host_name", "127.0.1.1", "groups", List.of(), "host_vars", Map.of("ansible_ssh_port", 2222)));
    Map<String, Object> raw = Map.of("hostname", "newdynamichost2", "ansible_port", "2222");
    assertThat(run("add_host", Map.of("_raw_params", raw)).get("add_host")).isEqualTo(
        Map.of("host_name", "newdynamichost2", "groups", List.of(), "host_vars", Map.of("ansible_port", "2222")));
  }

  @Test
  void addHostRefusesWordsAndAMissingName() {
    assertThatThrownBy(() -> run("add_host", Map.of("_raw_params", "namenewdynamichost groupsx")))
        .isInstanceOf(ActionFailure.class)
        .hasMessage("Invalid raw parameters passed, requires a dictonary/mapping got a  <class 'str'>");
    assertThatThrownBy(() -> run("add_host", Map.of("groups", "x")))
        .isInstanceOf(ActionFailure.class)
        .hasMessage("name, host or hostname needs to be provided");
  }

  @Test
  void groupByNamesTheGroupAndItsParents() {
    assertThat(run("group_by", Map.of("key", "os_h1", "parents", "parentg")))
        .containsEntry("changed", false)
        .containsEntry("add_group", "os_h1")
        .containsEntry("parent_groups", List.of("parentg"));
    assertThat(run("group_by", Map.of("key", "a b"))).containsEntry("add_group", "a-b")
        .containsEntry("parent_groups", List.of("all"));
    assertThat(run("group_by", Map.of()))
        .containsEntry("failed", true)
        .containsEntry("msg", "the 'key' param is required when using group_by");
    assertThatThrownBy(() -> run("group_by", Map.of("key", "x", "foo", 1)))
        .isInstanceOf(ActionFailure.class)
        .hasMessage("Invalid options for group_by: foo");
  }

  @Test
  void setStatsReturnsItsDataAndOptions() {
    assertThat(run("set_stats", Map.of("data", Map.of("a", 1), "per_host", "yes", "aggregate", "no")))
        .containsEntry("changed", false)
        .containsEntry("ansible_stats", Map.of("data", Map.of("a", 1), "per_host", true, "aggregate", false));
    assertThat(run("set_stats", Map.of()))
        .containsEntry("ansible_stats", Map.of("data", Map.of(), "per_host", false, "aggregate", true));
    assertThat(run("set_stats", Map.of("data", Map.of("1a", 1)))).containsEntry("failed", true)
        .containsEntry("msg", "The variable name '1a' is not valid. Variables must start with a letter"
            + " or underscore character, and contain only letters, numbers and underscores.");
    assertThat(run("set_stats", Map.of("data", List.of(1)))).containsEntry("failed", true)
        .containsEntry("msg", "The 'data' option needs to be a dictionary/hash");
  }
}
