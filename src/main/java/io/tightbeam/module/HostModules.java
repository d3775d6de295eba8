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
    add(all, new SystemModule("git", new OptionSpec("git").required("repo", Type.STR, "name").add("dest", Type.STR)
        .add("version", Type.STR, "HEAD").add("remote", Type.STR, "origin").add("refspec", Type.STR)
        .add("force", Type.BOOL, false).add("depth", Type.INT).add("clone", Type.BOOL, true).add("update", Type.BOOL, true)
        .add("accept_hostkey", Type.BOOL, false).add("accept_newhostkey", Type.BOOL, false).add("key_file", Type.STR)
        .add("ssh_opts", Type.STR).add("executable", Type.STR).add("bare", Type.BOOL, false).add("umask", Type.RAW)
        .add("recursive", Type.BOOL, true).add("single_branch", Type.BOOL, false).add("track_submodules", Type.BOOL, false)
        .add("reference", Type.STR).add("separate_git_dir", Type.STR).add("verify_commit", Type.BOOL, false)
        .add("gpg_whitelist", Type.LIST, List.of()).add("archive", Type.STR).add("archive_prefix", Type.STR),
        args -> {
          if (args.get("accept_hostkey") == Boolean.TRUE && args.get("accept_newhostkey") == Boolean.TRUE) {
            throw new ModuleArgumentException("parameters are mutually exclusive: accept_hostkey|accept_newhostkey");
          }
        }));
    return all;
  }

  private static void add(Map<String, RemoteModule> all, RemoteModule m) {
    all.put(m.name(), m); // the registry takes ansible.builtin. and ansible.legacy. off a name
  }

  static OptionSpec.Option choices(String name, Object defaultValue, String... choices) {
    return new OptionSpec.Option(name, Type.STR, defaultValue, List.of(choices), List.of(), false);
  }
}
