package io.tightbeam.module;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The awk half of setup.sh on its own: collector records in, the JSON result out. Expected values
 * follow ansible-core 2.14's collectors (the cmdline ones are its parser's output for the same line).
 */
class SetupRecordsTest {
  private static final String ALL = " network cmdline caps ";

  @SuppressWarnings("unchecked")
  private static Map<String, Object> build(String collect, String filter, String... records)
      throws IOException, InterruptedException {
    String body = SetupScript.BODY.substring(0, SetupScript.BODY.lastIndexOf("tb_facts | tb_json"));
    String script =
        "tb_collect='" + collect + "'\ntb_filter='" + filter + "'\ntb_subset='[\"all\"]'\n"
            + body + "tb_json <<'TB_RECORDS'\n" + String.join("\n", records) + "\nTB_RECORDS\n";
    Process p = new ProcessBuilder("/bin/sh", "-c", script).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(out).isZero();
    Map<String, Object> result = RemoteRun.parseObject(out);
    assertThat(result).as(out).isNotNull();
    return (Map<String, Object>) result.get("ansible_facts");
  }

  @Test
  void recordsNestAndKeepTheirTypes() throws Exception {
    Map<String, Object> f =
        build(" ", "",
            "s\ta/b/c\tx \"q\" \\ y", "n\ta/n\t42", "n\ta/bad\tnot a number", "b\ta/t\ttrue", "z\ta/z\t",
            "a\tl\t", "s\tl/+\tone", "s\tl/+\ttwo", "o\te\t", "h\tsize\t2097152 512",
            "s\t:discovered_interpreter_python\t/usr/bin/python3");
    Map<String, Object> a = new java.util.HashMap<>();
    a.put("b", Map.of("c", "x \"q\" \\ y"));
    a.put("n", 42);
    a.put("t", true);
    a.put("z", null);
    assertThat(f)
        .containsEntry("ansible_a", a)
        .containsEntry("ansible_l", List.of("one", "two"))
        .containsEntry("ansible_e", Map.of())
        .containsEntry("ansible_size", "1.00 GB")
        .containsEntry("discovered_interpreter_python", "/usr/bin/python3")
        .containsEntry("gather_subset", List.of("all"))
        .containsEntry("module_setup", true);
  }

  @Test
  @SuppressWarnings("unchecked")
  void ipAddressOutputGivesInterfacesAndTheDefaultRoutesDetails() throws Exception {
    Map<String, Object> f =
        build(ALL, "",
            "N\teth0\t", "s\teth0/device\teth0", "s\teth0/macaddress\t02:fc:00:00:00:01", "n\teth0/mtu\t1400",
            "s\teth0/type\tether", "N\tlo\t", "s\tlo/device\tlo", "n\tlo/mtu\t65536", "s\tlo/type\tloopback",
            "R\t4\t8.8.8.8 via 192.0.2.1 dev eth0 src 192.0.2.2 uid 0",
            "R\t6\t2404:6800:400a:800::1012 from :: via fd00::1 dev eth0 src fd00::2 metric 1024 pref medium",
            "I\t\t1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN group default qlen 1000",
            "I\t\t    inet 127.0.0.1/8 scope host lo",
            "I\t\t    inet6 ::1/128 scope host",
            "I\t\t2: eth0@if9: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1400 qdisc noqueue state UP",
            "I\t\t    inet 192.0.2.2/24 brd 192.0.2.255 scope global eth0",
            "I\t\t    inet 192.0.2.9/24 brd 192.0.2.255 scope global secondary eth0",
            "I\t\t    inet 10.1.2.3/20 scope global eth0:1",
            "I\t\t    inet6 fd00::2/64 scope global",
            "I\t\t    inet6 fe80::fc:ff:fe00:1/64 scope link");
    assertThat(f.get("ansible_interfaces")).isEqualTo(List.of("eth0", "lo", "eth0_1"));
    assertThat(f.get("ansible_all_ipv4_addresses")).isEqualTo(List.of("192.0.2.2", "192.0.2.9", "10.1.2.3"));
    assertThat(f.get("ansible_all_ipv6_addresses")).isEqualTo(List.of("fd00::2", "fe80::fc:ff:fe00:1"));
    Map<String, Object> eth0 = (Map<String, Object>) f.get("ansible_eth0");
    assertThat(eth0.get("ipv4"))
        .isEqualTo(Map.of("address", "192.0.2.2", "broadcast", "192.0.2.255", "netmask", "255.255.255.0",
            "network", "192.0.2.0", "prefix", "24"));
    assertThat(eth0.get("ipv4_secondaries"))
        .isEqualTo(List.of(Map.of("address", "192.0.2.9", "broadcast", "192.0.2.255", "netmask", "255.255.255.0",
            "network", "192.0.2.0", "prefix", "24")));
    assertThat(eth0.get("ipv6"))
        .isEqualTo(List.of(Map.of("address", "fd00::2", "prefix", "64", "scope", "global"),
            Map.of("address", "fe80::fc:ff:fe00:1", "prefix", "64", "scope", "link")));
    assertThat(f.get("ansible_eth0_1"))
        .isEqualTo(Map.of("ipv4", Map.of("address", "10.1.2.3", "broadcast", "", "netmask", "255.255.240.0",
            "network", "10.1.0.0", "prefix", "20")));
    assertThat(((Map<String, Object>) f.get("ansible_lo")).get("ipv4"))
        .isEqualTo(Map.of("address", "127.0.0.1", "broadcast", "", "netmask", "255.0.0.0", "network", "127.0.0.0", "prefix", "8"));
    assertThat(f.get("ansible_default_ipv4"))
        .isEqualTo(Map.ofEntries(Map.entry("address", "192.0.2.2"), Map.entry("alias", "eth0"),
            Map.entry("broadcast", "192.0.2.255"), Map.entry("gateway", "192.0.2.1"), Map.entry("interface", "eth0"),
            Map.entry("macaddress", "02:fc:00:00:00:01"), Map.entry("mtu", 1400), Map.entry("netmask", "255.255.255.0"),
            Map.entry("network", "192.0.2.0"), Map.entry("prefix", "24"), Map.entry("type", "ether")));
    assertThat(f.get("ansible_default_ipv6"))
        .isEqualTo(Map.of("address", "fd00::2", "gateway", "fd00::1", "interface", "eth0", "macaddress", "02:fc:00:00:00:01",
            "mtu", 1400, "prefix", "64", "scope", "global", "type", "ether"));
  }

  @Test
  void withoutARouteTheDefaultsAreEmpty() throws Exception {
    Map<String, Object> f = build(ALL, "", "N\tlo\t", "s\tlo/device\tlo", "R\t4\tRTNETLINK answers: Network is unreachable");
    assertThat(f).containsEntry("ansible_default_ipv4", Map.of()).containsEntry("ansible_default_ipv6", Map.of())
        .containsEntry("ansible_all_ipv4_addresses", List.of());
  }

  @Test
  void kernelCommandLineAsAnsibleReadsIt() throws Exception {
    // ansible's CmdLineFactCollector on this line
    Map<String, Object> f =
        build(ALL, "", "C\t\tBOOT_IMAGE=/vmlinuz root=UUID=ab ro console=tty0 console=ttyS0,115200 quiet a.b=1 quiet");
    assertThat(f.get("ansible_cmdline"))
        .isEqualTo(Map.of("BOOT_IMAGE", "/vmlinuz", "root", "UUID=ab", "ro", true, "console", "ttyS0,115200",
            "quiet", true, "a.b", "1"));
    assertThat(f.get("ansible_proc_cmdline"))
        .isEqualTo(Map.of("BOOT_IMAGE", "/vmlinuz", "root", "UUID=ab", "ro", true,
            "console", List.of("tty0", "ttyS0,115200"), "quiet", true, "a.b", "1"));
  }

  @Test
  void capabilitiesFromCapshsCurrentLine() throws Exception {
    assertThat(build(ALL, "", "K\t\tCurrent: =ep"))
        .containsEntry("ansible_system_capabilities_enforced", "False")
        .containsEntry("ansible_system_capabilities", List.of());
    assertThat(build(ALL, "", "K\t\tCurrent: cap_chown,cap_kill=ep cap_sys_resource-ep"))
        .containsEntry("ansible_system_capabilities_enforced", "True")
        .containsEntry("ansible_system_capabilities", List.of("ep cap_sys_resource-ep"));
  }

  @Test
  void filterAppliesToPrefixedNames() throws Exception {
    Map<String, Object> f = build(" ", "^(ansible_k.*|module_setup)$", "s\tkernel\t6", "s\tsystem\tLinux");
    assertThat(f).containsOnlyKeys("ansible_kernel", "module_setup");
  }
}
