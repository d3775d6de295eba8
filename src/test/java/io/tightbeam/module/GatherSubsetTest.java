package io.tightbeam.module;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Expected sets are the fact names ansible-core 2.14's setup returned for each gather_subset here. */
class GatherSubsetTest {
  private static java.util.Set<String> of(String... subset) {
    return GatherSubset.collectors(List.of(subset));
  }

  @Test
  void allIsEveryCollectorAndEmptyMeansAll() {
    assertThat(of("all")).contains("hardware", "network", "virtual", "loadavg", "chroot").containsAll(GatherSubset.MIN);
    assertThat(of()).isEqualTo(of("all"));
  }

  @Test
  void notAllLeavesTheMinimalSetAndNotMinRemovesItToo() {
    assertThat(of("!all")).isEqualTo(GatherSubset.MIN);
    assertThat(of("min")).isEqualTo(GatherSubset.MIN);
    assertThat(of("!hardware")).as("without all only the minimal set is added").isEqualTo(GatherSubset.MIN);
    assertThat(of("!all", "!min")).isEmpty();
    assertThat(of("!min")).isEmpty();
    assertThat(of("!all", "!min", "!bogus")).as("an unknown exclusion is ignored").isEmpty();
  }

  @Test
  void aNamedCollectorBringsTheCollectorsItRequires() {
    assertThat(of("!all", "!min", "pkg_mgr")).containsExactlyInAnyOrder("pkg_mgr", "distribution");
    assertThat(of("!all", "!min", "interfaces")).containsExactlyInAnyOrder("network", "distribution", "platform");
    assertThat(of("!all", "!min", "virtual")).containsExactly("virtual");
    assertThat(of("!all", "!min", "platform")).containsExactly("platform");
  }

  @Test
  void aFactIdSelectsTheCollectorThatGathersIt() {
    assertThat(of("!all", "!min", "processor")).containsExactlyInAnyOrder("hardware", "platform");
    assertThat(of("!all", "!min", "devices")).containsExactlyInAnyOrder("hardware", "platform");
    assertThat(of("!all", "network")).contains("network").containsAll(GatherSubset.MIN);
  }

  @Test
  void anExplicitNameSurvivesANegationOfItsGroup() {
    assertThat(of("all", "!hardware")).doesNotContain("hardware").contains("network", "virtual");
    assertThat(of("!all", "!min", "facter")).as("facter and ohai are accepted; they gather nothing").containsExactly("facter");
  }

  @Test
  void anUnknownSubsetIsAnsiblesError() {
    assertThatThrownBy(() -> of("bogus"))
        .hasMessage(
            "Bad subset 'bogus' given to Ansible. gather_subset options allowed: all,"
                + " all_ipv4_addresses, all_ipv6_addresses, apparmor, architecture, caps, chroot,"
                + " cmdline, date_time, default_ipv4, default_ipv6, devices, distribution,"
                + " distribution_major_version, distribution_release, distribution_version, dns,"
                + " effective_group_ids, effective_user_id, env, facter, fibre_channel_wwn, fips,"
                + " hardware, interfaces, is_chroot, iscsi, kernel, kernel_version, loadavg, local,"
                + " lsb, machine, machine_id, mounts, network, nvme, ohai, os_family, pkg_mgr,"
                + " platform, processor, processor_cores, processor_count, python, python_version,"
                + " real_user_id, selinux, service_mgr, ssh_host_key_dsa_public,"
                + " ssh_host_key_ecdsa_public, ssh_host_key_ed25519_public, ssh_host_key_rsa_public,"
                + " ssh_host_pub_keys, ssh_pub_keys, system, system_capabilities,"
                + " system_capabilities_enforced, user, user_dir, user_gecos, user_gid, user_id,"
                + " user_shell, user_uid, virtual, virtualization_role, virtualization_tech_guest,"
                + " virtualization_tech_host, virtualization_type");
  }
}
