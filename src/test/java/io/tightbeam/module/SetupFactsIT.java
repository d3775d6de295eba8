package io.tightbeam.module;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tightbeam.connection.Become;
import io.tightbeam.connection.LocalConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ansible-core's {@code setup} and ours on this machine, side by side: the same fact names, the
 * same nested keys and Python types, and the same values for facts that do not move between runs.
 */
class SetupFactsIT {
  /** Facts whose values a role branches on and which stay put between two runs a second apart. */
  private static final List<String> STABLE =
      List.of(
          "ansible_distribution", "ansible_distribution_version", "ansible_distribution_major_version",
          "ansible_distribution_minor_version", "ansible_distribution_release", "ansible_distribution_file_path",
          "ansible_distribution_file_variety", "ansible_os_family", "ansible_pkg_mgr", "ansible_service_mgr",
          "ansible_system", "ansible_kernel", "ansible_kernel_version", "ansible_machine", "ansible_architecture",
          "ansible_userspace_bits", "ansible_hostname", "ansible_nodename", "ansible_fqdn", "ansible_domain",
          "ansible_user_id", "ansible_user_uid", "ansible_user_gid", "ansible_user_dir", "ansible_user_shell",
          "ansible_user_gecos", "ansible_real_user_id", "ansible_effective_user_id", "ansible_lsb",
          "ansible_selinux", "ansible_apparmor", "ansible_fips", "ansible_is_chroot", "ansible_virtualization_type",
          "ansible_virtualization_role",
          "ansible_processor", "ansible_processor_count", "ansible_processor_cores", "ansible_processor_vcpus",
          "ansible_processor_threads_per_core", "ansible_processor_nproc", "ansible_memtotal_mb",
          "ansible_swaptotal_mb", "ansible_dns", "ansible_cmdline", "ansible_proc_cmdline", "ansible_python",
          "ansible_python_version", "ansible_default_ipv4", "ansible_default_ipv6", "ansible_all_ipv4_addresses",
          "ansible_system_capabilities", "ansible_system_capabilities_enforced", "ansible_machine_id",
          "ansible_local", "ansible_lvm", "ansible_product_name", "ansible_system_vendor", "ansible_form_factor");

  /** Lists in an order Ansible does not fix (a directory listing, a Python set). */
  private static final Set<String> UNORDERED =
      Set.of("ansible_interfaces", "ansible_all_ipv6_addresses", "ansible_all_ipv4_addresses",
          "ansible_virtualization_tech_guest", "ansible_virtualization_tech_host");

  @Test
  @SuppressWarnings("unchecked")
  void setupGivesAnsiblesFactNamesTypesAndValues(@TempDir Path dir) throws Exception {
    assumeTrue(onPath("ansible"), "ansible is not installed");
    Path inventory = Files.writeString(dir.resolve("hosts"), "localhost ansible_connection=local\n");
    Process p =
        new ProcessBuilder("ansible", "localhost", "-i", inventory.toString(), "-m", "setup")
            .redirectErrorStream(false)
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    Map<String, Object> ansible =
        (Map<String, Object>) RemoteRun.parseObject(out.substring(out.indexOf("=> ") + 3)).get("ansible_facts");

    Map<String, Object> ours;
    try (LocalConnection conn = new LocalConnection("localhost")) {
      TargetContext target = new TargetContext(conn, Become.NONE, Map.of(), false, false, dir);
      RemoteModule setup = Modules.builtin().remote("setup").orElseThrow();
      ours = (Map<String, Object>) setup.run(setup.checkArgs(Map.of()), target).get(60, TimeUnit.SECONDS).get("ansible_facts");
    }

    assertThat(new TreeMap<>(ours).keySet()).isEqualTo(new TreeMap<>(ansible).keySet());
    for (String name : ansible.keySet()) {
      Object theirs = ansible.get(name);
      Object mine = ours.get(name);
      if (name.equals("ansible_env")) {
        assertThat(((Map<String, Object>) mine).keySet()).as(name).containsAll(Set.of("PATH", "HOME"));
      } else if (UNORDERED.contains(name)) {
        assertThat((List<Object>) mine).as(name).containsExactlyInAnyOrderElementsOf((List<Object>) theirs);
        continue;
      } else {
        assertThat(FactShape.of(mine)).as(name).isEqualTo(FactShape.of(theirs));
      }
      if (STABLE.contains(name)) {
        assertThat(mine).as(name).isEqualTo(theirs);
      }
    }
  }

  private static boolean onPath(String program) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
        return true;
      }
    }
    return false;
  }
}
