package io.tightbeam.module;

import io.tightbeam.module.OptionSpec.Type;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Ansible's {@code yum_repository}: one section of a {@code .repo} file. The controller turns the
 * arguments into the section's sorted {@code key = value} items (booleans 1/0, lists joined), the
 * target's {@code yum_repository.sh} rewrites the file as Python's configparser writes it.
 */
final class YumRepository {
  private YumRepository() {}

  /** Options that become the section's items by their own name (description becomes {@code name}). */
  private static final Set<String> STRINGS = Set.of("bandwidth", "cost", "deltarpm_metadata_percentage",
      "deltarpm_percentage", "gpgcakey", "include", "metadata_expire", "metalink", "mirrorlist", "mirrorlist_expire",
      "password", "priority", "proxy", "proxy_password", "proxy_username", "retries", "sslcacert", "sslclientcert",
      "sslclientkey", "throttle", "timeout", "ui_repoid_vars", "username");
  private static final Set<String> BOOLS = Set.of("async", "enabled", "enablegroups", "gpgcheck", "module_hotfixes",
      "keepalive", "protect", "repo_gpgcheck", "s3_enabled", "skip_if_unavailable", "ssl_check_cert_permissions",
      "sslverify");
  /** Lists written one item a line (configparser continues them on indented lines) or space separated. */
  private static final Set<String> LINES = Set.of("baseurl", "gpgkey");
  private static final Set<String> WORDS = Set.of("exclude", "includepkgs");

  static RemoteModule module() {
    OptionSpec spec = FileAttributes.addTo(new OptionSpec("yum_repository"));
    STRINGS.stream().sorted().forEach(name -> spec.add(name, Type.STR));
    BOOLS.stream().sorted().forEach(name -> spec.add(name, Type.BOOL));
    LINES.forEach(name -> spec.add(name, Type.LIST));
    WORDS.forEach(name -> spec.add(name, Type.LIST));
    spec.add(new OptionSpec.Option("sslcacert", Type.STR, null, List.of(), List.of("ca_cert"), false))
        .add(new OptionSpec.Option("sslclientcert", Type.STR, null, List.of(), List.of("client_cert"), false))
        .add(new OptionSpec.Option("sslclientkey", Type.STR, null, List.of(), List.of("client_key"), false))
        .add(new OptionSpec.Option("sslverify", Type.BOOL, null, List.of(), List.of("validate_certs"), false))
        .required("name", Type.STR).add("description", Type.STR).add("file", Type.STR)
        .add("reposdir", Type.STR, "/etc/yum.repos.d").add("params", Type.RAW)
        .choice("state", "present", "present", "absent")
        .choice("failovermethod", null, "roundrobin", "priority")
        .choice("http_caching", null, "all", "packages", "none")
        .choice("ip_resolve", null, "4", "6", "IPv4", "IPv6", "whatever")
        .choice("keepcache", null, "0", "1")
        .choice("metadata_expire_filter", null, "never", "read-only:past", "read-only:present", "read-only:future");
    return new SystemModule("yum_repository", spec, YumRepository::rules);
  }

  private static void rules(Map<String, Object> a) {
    if (a.get("params") != null && !(a.get("params") instanceof Map<?, ?> m && m.isEmpty())) {
      throw new ModuleArgumentException("The params option to yum_repository was removed in Ansible 2.5 since it"
          + " circumvents Ansible's option handling");
    }
    if ("present".equals(a.get("state"))) {
      if (a.get("baseurl") == null && a.get("metalink") == null && a.get("mirrorlist") == null) {
        throw new ModuleArgumentException("Parameter 'baseurl', 'metalink' or 'mirrorlist' is required.");
      }
      if (a.get("description") == null) {
        throw new ModuleArgumentException("Parameter 'description' is required.");
      }
    }
    a.replace("file", null, a.get("name"));
    a.put("mode", a.get("mode") == null ? null : OptionSpec.mode(a.get("mode")));
    a.put("items", items(a));
    a.remove("params");
  }

  /** The section's items, sorted by key: key, a 0x01 byte, the value, then a 0x02 byte each. */
  static String items(Map<String, Object> a) {
    Map<String, String> items = new TreeMap<>();
    a.forEach((key, value) -> {
      if (value == null) {
        return;
      }
      if (STRINGS.contains(key) || key.equals("description")) {
        items.put(key.equals("description") ? "name" : key, value.toString());
      } else if (BOOLS.contains(key)) {
        items.put(key, Boolean.TRUE.equals(value) ? "1" : "0");
      } else if (LINES.contains(key) || WORDS.contains(key)) {
        List<?> list = (List<?>) value;
        items.put(key, String.join(LINES.contains(key) ? "\n" : " ", list.stream().map(String::valueOf).toList()));
      } else if (key.equals("failovermethod") || key.equals("http_caching") || key.equals("ip_resolve")
          || key.equals("keepcache") || key.equals("metadata_expire_filter")) {
        items.put(key, value.toString());
      }
    });
    StringBuilder s = new StringBuilder();
    items.forEach((k, v) -> s.append(k).append('\u0001').append(v).append('\u0002'));
    return s.toString();
  }
}
