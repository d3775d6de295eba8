package io.tightbeam.module;

import io.tightbeam.module.OptionSpec.Type;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The modules that drive a tool of the target (tar and unzip, git, svn, pip, iptables, init
 * scripts, dpkg, gpg, expect, shutdown) by short name (the registry strips {@code ansible.builtin.}), for the
 * registry to merge into {@link Modules#builtin()}.
 */
public final class HostModules {
  private HostModules() {}

  /** Name to module, short and fully qualified; a new map on every call. */
  public static Map<String, RemoteModule> all() {
    Map<String, RemoteModule> all = new LinkedHashMap<>();
    add(all, new UnarchiveModule());
    add(all, new SystemModule("service_facts", new OptionSpec("service_facts")));
    return all;
  }

  private static void add(Map<String, RemoteModule> all, RemoteModule m) {
    all.put(m.name(), m); // the registry takes ansible.builtin. and ansible.legacy. off a name
  }

  static OptionSpec.Option choices(String name, Object defaultValue, String... choices) {
    return new OptionSpec.Option(name, Type.STR, defaultValue, List.of(choices), List.of(), false);
  }
}
