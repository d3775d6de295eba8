package io.tightbeam.module;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tightbeam.connection.Become;
import io.tightbeam.connection.ExecRequest;
import io.tightbeam.connection.LocalConnection;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SetupModuleTest {
  private final LocalConnection conn = new LocalConnection("localhost");
  private final TargetContext target =
      new TargetContext(conn, Become.NONE, Map.of("TB_MARK", "a \"b\"\n\tc"), false, false, Path.of("."));
  private final RemoteModule setup = Modules.builtin().remote("setup").orElseThrow();

  @AfterEach
  void close() {
    conn.close();
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> facts(Map<String, Object> args) throws Exception {
    Map<String, Object> result = setup.run(setup.checkArgs(args), target).get(30, TimeUnit.SECONDS);
    assertThat(result).containsEntry("changed", false).doesNotContainKey("failed");
    return (Map<String, Object>) result.get("ansible_facts");
  }

  @Test
  @SuppressWarnings("unchecked")
  void gathersTypedFactsWithTheAnsiblePrefix() throws Exception {
    Map<String, Object> f = facts(Map.of());
    assertThat(f)
        .containsKeys(
            "ansible_hostname", "ansible_nodename", "ansible_fqdn", "ansible_domain",
            "ansible_distribution", "ansible_distribution_version",
            "ansible_distribution_major_version", "ansible_distribution_release",
            "ansible_os_family", "ansible_kernel", "ansible_architecture", "ansible_machine",
            "ansible_user_dir", "ansible_user_shell", "ansible_pkg_mgr", "ansible_service_mgr")
        .containsEntry("ansible_system", "Linux")
        .containsEntry("ansible_user_id", System.getProperty("user.name"))
        .containsEntry("ansible_local", Map.of())
        .containsEntry("gather_subset", List.of("all"))
        .doesNotContainKeys("ansible_python", "ansible_python_version");
    assertThat(f.get("ansible_user_uid")).isInstanceOf(Integer.class);
    assertThat(f.get("ansible_user_gid")).isInstanceOf(Integer.class);
    assertThat((Integer) f.get("ansible_processor_vcpus")).isPositive();
    assertThat((Integer) f.get("ansible_processor_nproc")).isPositive();
    assertThat((Integer) f.get("ansible_memtotal_mb")).isPositive();
    assertThat((String) f.get("ansible_nodename")).startsWith((String) f.get("ansible_hostname"));
    assertThat((String) f.get("ansible_hostname")).doesNotContain(".");
    assertThat((String) f.get("ansible_distribution_version"))
        .startsWith((String) f.get("ansible_distribution_major_version"));

    Map<String, Object> env = (Map<String, Object>) f.get("ansible_env");
    assertThat(env).containsEntry("TB_MARK", "a \"b\"\n\tc").containsKey("PATH");

    Map<String, Object> time = (Map<String, Object>) f.get("ansible_date_time");
    long epoch = Long.parseLong((String) time.get("epoch"));
    assertThat(epoch).isCloseTo(System.currentTimeMillis() / 1000, org.assertj.core.data.Offset.offset(120L));
    assertThat((String) time.get("date")).matches("\\d{4}-\\d\\d-\\d\\d");
    assertThat((String) time.get("iso8601")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
    assertThat((String) time.get("iso8601_micro")).matches(".*\\.\\d{6}Z");
    if (f.containsKey("ansible_default_ipv4")) {
      Map<String, Object> ip = (Map<String, Object>) f.get("ansible_default_ipv4");
      assertThat((String) ip.get("address")).matches("\\d+\\.\\d+\\.\\d+\\.\\d+");
    }
  }

  @Test
  void filterKeepsOnlyMatchingFactNames() throws Exception {
    Map<String, Object> f = facts(Map.of("filter", List.of("ansible_distribution*", "ansible_s?stem")));
    assertThat(f.keySet())
        .containsExactlyInAnyOrder(
            "ansible_distribution", "ansible_distribution_version",
            "ansible_distribution_major_version", "ansible_distribution_release",
            "ansible_system");
    assertThat(facts(Map.of("filter", "ansible_env")).keySet()).containsExactly("ansible_env");
    assertThat(facts(Map.of("filter", "ansible.env"))).isEmpty();
  }

  @Test
  void asyncScriptPrintsTheSameFacts() throws Exception {
    Map<String, Object> args = setup.checkArgs(Map.of("filter", "ansible_[uk]*"));
    String out =
        conn.exec(ExecRequest.of(setup.script(args, target).body()).withEnvironment(target.environment()))
            .get(30, TimeUnit.SECONDS)
            .stdoutText();
    Map<String, Object> viaScript = RemoteRun.parseObject(out);
    assertThat(viaScript).isEqualTo(setup.run(args, target).get(30, TimeUnit.SECONDS));
    assertThat(viaScript.toString()).contains("ansible_user_uid", "ansible_kernel");
  }

  @Test
  void unknownArgumentIsRefused() {
    assertThatThrownBy(() -> setup.checkArgs(Map.of("filters", "x")))
        .hasMessage(
            "Unsupported parameters for (setup) module: filters. Supported parameters include:"
                + " fact_path, filter, gather_subset, gather_timeout.");
  }
}
