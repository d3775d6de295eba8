package io.tightbeam.module;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tightbeam.connection.Become;
import io.tightbeam.connection.ExecRequest;
import io.tightbeam.connection.LocalConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
        .containsKey("ansible_local")
        .containsEntry("gather_subset", List.of("all"))
        .containsKeys("ansible_mounts", "ansible_interfaces", "ansible_memory_mb", "ansible_lsb",
            "ansible_selinux", "ansible_virtualization_type", "ansible_cmdline", "ansible_dns");
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
            "ansible_distribution_major_version", "ansible_distribution_minor_version",
            "ansible_distribution_release", "ansible_distribution_file_path",
            "ansible_distribution_file_variety", "ansible_distribution_file_parsed",
            "ansible_system");
    assertThat(facts(Map.of("filter", "ansible_env")).keySet()).containsExactly("ansible_env");
    assertThat(facts(Map.of("filter", "ansible.env"))).isEmpty();
    // as ansible-core 2.14: a name without the prefix matches with it too
    assertThat(facts(Map.of("filter", List.of("date_time", "kernel")))).containsOnlyKeys("ansible_date_time", "ansible_kernel");
    assertThat(facts(Map.of("filter", List.of("module_setup")))).containsOnlyKeys("module_setup");
  }

  @Test
  void asyncScriptPrintsTheSameFacts() throws Exception {
    Map<String, Object> args = setup.checkArgs(Map.of("filter", List.of("ansible_user_*", "ansible_kernel*")));
    String out =
        conn.exec(ExecRequest.of(setup.script(args, target).body()).withEnvironment(target.environment()))
            .get(30, TimeUnit.SECONDS)
            .stdoutText();
    Map<String, Object> viaScript = RemoteRun.parseObject(out);
    assertThat(viaScript).isEqualTo(setup.run(args, target).get(30, TimeUnit.SECONDS));
    assertThat(viaScript.toString()).contains("ansible_user_uid", "ansible_kernel");
  }

  @Test
  @SuppressWarnings("unchecked")
  void pythonIsReportedWhenTheTargetHasOne() throws Exception {
    Map<String, Object> f = facts(Map.of("gather_subset", List.of("!all", "!min", "python", "platform")));
    if (!Files.isExecutable(Path.of("/usr/bin/python3"))) {
      assertThat(f).doesNotContainKey("ansible_python");
      return;
    }
    Map<String, Object> python = (Map<String, Object>) f.get("ansible_python");
    assertThat(python).containsEntry("executable", "/usr/bin/python3").containsEntry("type", "cpython");
    List<Object> info = (List<Object>) python.get("version_info");
    assertThat(info).hasSize(5);
    assertThat(f.get("ansible_python_version")).isEqualTo(info.get(0) + "." + info.get(1) + "." + info.get(2));
    assertThat(f).containsEntry("discovered_interpreter_python", "/usr/bin/python3");
  }

  @Test
  void gatherSubsetPicksTheCollectors() throws Exception {
    assertThat(facts(Map.of("gather_subset", List.of("!all", "!min", "virtual"))).keySet())
        .containsExactlyInAnyOrder(
            "ansible_virtualization_type", "ansible_virtualization_role",
            "ansible_virtualization_tech_guest", "ansible_virtualization_tech_host",
            "gather_subset", "module_setup", "discovered_interpreter_python");
    assertThat(facts(Map.of("gather_subset", "!all")))
        .containsKeys("ansible_distribution", "ansible_env", "ansible_user_id")
        .doesNotContainKeys("ansible_mounts", "ansible_interfaces", "ansible_virtualization_type");
  }

  @Test
  void anUnknownSubsetFailsWithAnsiblesMessage() throws Exception {
    Map<String, Object> result = setup.run(setup.checkArgs(Map.of("gather_subset", "bogus")), target).get(30, TimeUnit.SECONDS);
    assertThat(result).containsEntry("failed", true);
    assertThat((String) result.get("msg"))
        .startsWith("Bad subset 'bogus' given to Ansible. gather_subset options allowed: all, all_ipv4_addresses,");
  }

  @Test
  @SuppressWarnings("unchecked")
  void factsDirectoryHoldsJsonIniAndExecutableFacts(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("j.fact"), "{\"a\": 1, \"b\": [true, null, 2.5], \"c\": {\"d\": \"x\\\"y\\\\z\"}}\n");
    Files.writeString(dir.resolve("i.fact"), "# comment\n[Sect One]\nKey = value one\nother: two\n  continued\nempty =\n[s2]\nx=1\n");
    Files.writeString(dir.resolve("bad.fact"), "not json\nnor ini\n");
    Files.writeString(dir.resolve("dup.fact"), "[a]\nk=1\n[a]\nk=2\n");
    Files.writeString(dir.resolve("empty.fact"), "");
    Files.writeString(dir.resolve("num.fact"), "42\n");
    Files.writeString(dir.resolve("ignored.txt"), "{}");
    Path exe = Files.writeString(dir.resolve("exe.fact"), "#!/bin/sh\necho '{\"run\": true}'\n");
    Path fail = Files.writeString(dir.resolve("fail.fact"), "#!/bin/sh\necho oops >&2\nexit 3\n");
    Files.createSymbolicLink(dir.resolve("dead.fact"), dir.resolve("nowhere"));
    Files.setPosixFilePermissions(exe, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.setPosixFilePermissions(fail, PosixFilePermissions.fromString("rwxr-xr-x"));
    Map<String, Object> result =
        setup.run(setup.checkArgs(Map.of("fact_path", dir.toString(), "gather_subset", List.of("!all", "!min", "local"))), target)
            .get(30, TimeUnit.SECONDS);
    Map<String, Object> local = (Map<String, Object>) ((Map<String, Object>) result.get("ansible_facts")).get("ansible_local");
    // what ansible-core 2.14 gave for the same files
    String bad = "error loading facts as JSON or ini - please check content: " + dir.resolve("bad.fact");
    String dup = "error loading facts as JSON or ini - please check content: " + dir.resolve("dup.fact");
    String failed = "Failure executing fact script (" + fail + "), rc: 3, err: oops\n";
    String dead = "Could not stat fact (" + dir.resolve("dead.fact") + "): [Errno 2] No such file or directory: '" + dir.resolve("dead.fact") + "'";
    assertThat(local)
        .containsOnlyKeys("j", "i", "bad", "dead", "dup", "empty", "num", "exe", "fail")
        .containsEntry("dead", dead)
        .containsEntry("j", Map.of("a", 1, "b", java.util.Arrays.asList(true, null, 2.5), "c", Map.of("d", "x\"y\\z")))
        .containsEntry("i", Map.of("Sect One", Map.of("key", "value one", "other", "two\ncontinued", "empty", ""), "s2", Map.of("x", "1")))
        .containsEntry("bad", bad)
        .containsEntry("dup", dup)
        .containsEntry("empty", Map.of())
        .containsEntry("num", 42)
        .containsEntry("exe", Map.of("run", true))
        .containsEntry("fail", failed);
    assertThat(result.get("warnings")).isEqualTo(List.of(bad, dead, dup, failed));
  }

  @Test
  void aMissingFactsDirectoryGivesNoLocalFacts() throws Exception {
    assertThat(facts(Map.of("fact_path", "/nonexistent/facts.d", "filter", "ansible_local")))
        .containsEntry("ansible_local", Map.of());
  }

  /** sh, dash, bash and busybox sh, those of them this machine has. */
  static List<String> shells() {
    List<String> shells = new java.util.ArrayList<>(List.of("/bin/sh"));
    for (String[] shell : new String[][] {{"dash", "/usr/bin/dash"}, {"bash", "/bin/bash"}, {"busybox sh", "/usr/bin/busybox"}}) {
      if (Files.isExecutable(Path.of(shell[1]))) {
        shells.add(shell[0]);
      }
    }
    return shells;
  }

  @Test
  void everyShellGathersTheSameFactsWithTheSameTypes() throws Exception {
    String script = setup.script(setup.checkArgs(Map.of()), target).body();
    Object expected = null;
    for (String shell : shells()) {
      String out =
          conn.exec(ExecRequest.program(shell, script).withEnvironment(target.environment()))
              .get(60, TimeUnit.SECONDS)
              .stdoutText();
      Map<String, Object> result = RemoteRun.parseObject(out);
      assertThat(result).as(shell + ": " + out).isNotNull();
      @SuppressWarnings("unchecked")
      Map<String, Object> facts = new java.util.TreeMap<>((Map<String, Object>) result.get("ansible_facts"));
      assertThat(facts.remove("ansible_env")).as(shell).isInstanceOf(Map.class);
      Object shape = FactShape.of(facts);
      if (expected == null) {
        expected = shape;
      } else {
        assertThat(shape).as(shell + " against /bin/sh").isEqualTo(expected);
      }
    }
  }

  @Test
  void unknownArgumentIsRefused() {
    assertThatThrownBy(() -> setup.checkArgs(Map.of("filters", "x")))
        .hasMessage(
            "Unsupported parameters for (setup) module: filters. Supported parameters include:"
                + " fact_path, filter, gather_subset, gather_timeout.");
  }
}
