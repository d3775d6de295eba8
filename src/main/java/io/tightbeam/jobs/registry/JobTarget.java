package io.tightbeam.jobs.registry;

import java.util.Map;
import java.util.TreeMap;

/**
 * How to reach an async job's host again: the inventory name, Ansible's connection type, address,
 * port (0: the default), login user, become method and user, the async dir as configured
 * (unexpanded), the private key file and the SSH options that shape the login. Never a password:
 * {@code options} keeps only {@link #KEPT_OPTIONS}.
 */
public record JobTarget(
    String host,
    String connection,
    String address,
    int port,
    String user,
    String becomeMethod,
    String becomeUser,
    String asyncDir,
    String keyFile,
    Map<String, String> options) {

  /** The endpoint options worth keeping; the rest (passwords above all) are dropped. */
  static final java.util.Set<String> KEPT_OPTIONS = java.util.Set.of(
      "ansible_ssh_common_args", "ansible_ssh_extra_args", "host_key_checking", "ssh_args",
      "control_path_dir");

  public JobTarget {
    Map<String, String> kept = new TreeMap<>();
    if (options != null) {
      options.forEach((k, v) -> {
        if (KEPT_OPTIONS.contains(k) && v != null) {
          kept.put(k, v);
        }
      });
    }
    options = java.util.Collections.unmodifiableMap(kept);
  }
}
