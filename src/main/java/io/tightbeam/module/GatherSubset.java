package io.tightbeam.module;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Ansible's {@code gather_subset} on Linux: which fact collectors a list such as {@code [all,
 * !hardware]} selects. The minimal set is always added first; a name is a collector or one of the
 * fact ids it answers to; negations drop a collector with its fact ids unless named explicitly;
 * the collectors a chosen one requires come along (pkg_mgr brings distribution).
 */
final class GatherSubset {
  /** Collector name to the fact ids it also answers to, as ansible-core 2.14 lists them. */
  private static final Map<String, List<String>> FACT_IDS = new LinkedHashMap<>();
  private static final Map<String, List<String>> REQUIRES =
      Map.of(
          "hardware", List.of("platform"),
          "network", List.of("distribution", "platform"),
          "pkg_mgr", List.of("distribution"),
          "service_mgr", List.of("platform", "distribution"));
  static final Set<String> MIN =
      Set.of(
          "apparmor", "caps", "cmdline", "date_time", "distribution", "dns", "env", "fips", "local",
          "lsb", "pkg_mgr", "platform", "python", "selinux", "service_mgr", "ssh_pub_keys", "user");

  static {
    FACT_IDS.put("platform", List.of("system", "kernel", "kernel_version", "machine", "python_version", "architecture", "machine_id"));
    FACT_IDS.put("distribution", List.of("distribution_version", "distribution_release", "distribution_major_version", "os_family"));
    FACT_IDS.put("user", List.of("user_id", "user_uid", "user_gid", "user_gecos", "user_dir", "user_shell", "real_user_id", "effective_user_id", "effective_group_ids"));
    FACT_IDS.put("caps", List.of("system_capabilities", "system_capabilities_enforced"));
    FACT_IDS.put("chroot", List.of("is_chroot"));
    FACT_IDS.put("ssh_pub_keys", List.of("ssh_host_pub_keys", "ssh_host_key_dsa_public", "ssh_host_key_rsa_public", "ssh_host_key_ecdsa_public", "ssh_host_key_ed25519_public"));
    FACT_IDS.put("hardware", List.of("processor", "processor_cores", "processor_count", "mounts", "devices"));
    FACT_IDS.put("network", List.of("interfaces", "default_ipv4", "default_ipv6", "all_ipv4_addresses", "all_ipv6_addresses"));
    FACT_IDS.put("virtual", List.of("virtualization_type", "virtualization_role", "virtualization_tech_guest", "virtualization_tech_host"));
    for (String plain :
        List.of("apparmor", "cmdline", "date_time", "dns", "env", "fips", "local", "lsb", "pkg_mgr",
            "python", "selinux", "service_mgr", "loadavg", "iscsi", "nvme", "fibre_channel_wwn",
            "facter", "ohai")) {
      FACT_IDS.put(plain, List.of());
    }
  }

  private GatherSubset() {}

  /**
   * The collectors to run, or an {@link IllegalArgumentException} with Ansible's message for a
   * name it does not know ({@code Bad subset 'x' given to Ansible. gather_subset options allowed:
   * all, ...}).
   */
  static Set<String> collectors(List<String> gatherSubset) {
    Set<String> valid = valid();
    Set<String> added = new LinkedHashSet<>();
    Set<String> excluded = new LinkedHashSet<>();
    Set<String> explicit = new LinkedHashSet<>();
    List<String> spec = new ArrayList<>(List.of("min"));
    spec.addAll(gatherSubset.isEmpty() ? List.of("all") : gatherSubset);
    for (String subset : spec) {
      if (subset.equals("min")) {
        added.addAll(MIN);
      } else if (subset.equals("all")) {
        added.addAll(valid);
      } else if (subset.equals("!min")) {
        excluded.addAll(MIN);
      } else if (subset.equals("!all")) {
        valid.stream().filter(s -> !MIN.contains(s)).forEach(excluded::add);
      } else if (subset.startsWith("!")) {
        String name = subset.substring(1);
        excluded.add(name);
        excluded.addAll(FACT_IDS.getOrDefault(name, List.of()));
      } else if (valid.contains(subset)) {
        explicit.add(subset);
        added.add(subset);
      } else {
        throw new IllegalArgumentException(
            "Bad subset '" + subset + "' given to Ansible. gather_subset options allowed: all, "
                + String.join(", ", new TreeSet<>(valid)));
      }
    }
    excluded.removeAll(explicit);
    added.removeAll(excluded);
    Set<String> chosen = new LinkedHashSet<>();
    for (String name : added) {
      require(owner(name), chosen);
    }
    return chosen;
  }

  private static void require(String collector, Set<String> chosen) {
    if (chosen.add(collector)) {
      REQUIRES.getOrDefault(collector, List.of()).forEach(r -> require(r, chosen));
    }
  }

  private static String owner(String name) {
    if (FACT_IDS.containsKey(name)) {
      return name;
    }
    return FACT_IDS.entrySet().stream()
        .filter(e -> e.getValue().contains(name))
        .findFirst()
        .orElseThrow()
        .getKey();
  }

  private static Set<String> valid() {
    Set<String> valid = new LinkedHashSet<>(FACT_IDS.keySet());
    FACT_IDS.values().forEach(valid::addAll);
    return valid;
  }
}
