package io.tightbeam.module;

import io.tightbeam.module.OptionSpec.Type;
import io.tightbeam.py.Py;
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
    add(all, new RebootModule());
    add(all, new SystemModule("service_facts", new OptionSpec("service_facts")));
    add(all, new SystemModule("dpkg_selections", new OptionSpec("dpkg_selections").required("name", Type.STR)
        .add(new OptionSpec.Option("selection", Type.STR, null, List.of("install", "hold", "deinstall", "purge"), List.of(), true))));
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
    add(all, iptables());
    add(all, new SystemModule("sysvinit", new OptionSpec("sysvinit").required("name", Type.STR, "service")
        .add(choices("state", null, "started", "stopped", "restarted", "reloaded")).add("enabled", Type.BOOL)
        .add("sleep", Type.INT, 1).add("pattern", Type.STR).add("runlevels", Type.LIST)
        .aliased("arguments", Type.STR, "args").add("daemonize", Type.BOOL, false), args -> {
          if (args.get("state") == null && args.get("enabled") == null) {
            throw new ModuleArgumentException("one of the following is required: state, enabled");
          }
        }));
    add(all, new SystemModule("apt_key", new OptionSpec("apt_key").add("id", Type.STR).add("url", Type.STR)
        .add("data", Type.STR).add("file", Type.STR).add("keyring", Type.STR).add("validate_certs", Type.BOOL, true)
        .add("keyserver", Type.STR).add(choices("state", "present", "absent", "present")), args -> {
          long sources = java.util.stream.Stream.of("data", "file", "keyserver", "url").filter(k -> args.get(k) != null).count();
          if (sources > 1) {
            throw new ModuleArgumentException("parameters are mutually exclusive: data|file|keyserver|url");
          }
        }, ShellSource.load("http.sh")));
    add(all, new SystemModule("subversion", new OptionSpec("subversion").required("repo", Type.STR, "name", "repository")
        .add("dest", Type.STR).add(new OptionSpec.Option("revision", Type.STR, "HEAD", List.of(), List.of("rev", "version"), false))
        .add("force", Type.BOOL, false).add("in_place", Type.BOOL, false).add("username", Type.STR).add("password", Type.STR)
        .add("executable", Type.STR).add("checkout", Type.BOOL, true).add("update", Type.BOOL, true)
        .add("export", Type.BOOL, false).add("switch", Type.BOOL, true).add("validate_certs", Type.BOOL, false)));
    add(all, new SystemModule("expect", new OptionSpec("expect").required("command", Type.STR)
        .required("responses", Type.RAW).add("creates", Type.STR).add("removes", Type.STR).add("chdir", Type.STR)
        .add("echo", Type.BOOL, false).add("timeout", Type.INT, 30), HostModules::responses));
    add(all, new SystemModule("pip", new OptionSpec("pip").add("name", Type.LIST).add("version", Type.STR)
        .add("requirements", Type.STR).add("virtualenv", Type.STR).add("virtualenv_site_packages", Type.BOOL, false)
        .add("virtualenv_command", Type.STR, "virtualenv").add("virtualenv_python", Type.STR)
        .add(choices("state", "present", "present", "absent", "latest", "forcereinstall")).add("extra_args", Type.STR)
        .add("editable", Type.BOOL, false).add("chdir", Type.STR).add("executable", Type.STR).add("umask", Type.STR),
        args -> {
          if (args.get("name") == null && args.get("requirements") == null) {
            throw new ModuleArgumentException("one of the following is required: name, requirements");
          }
          if (args.get("name") != null && args.get("requirements") != null) {
            throw new ModuleArgumentException("parameters are mutually exclusive: name|requirements");
          }
          if (args.get("executable") != null && args.get("virtualenv") != null) {
            throw new ModuleArgumentException("parameters are mutually exclusive: executable|virtualenv");
          }
          if (args.get("version") != null && args.get("name") instanceof List<?> names && names.size() > 1) {
            throw new ModuleArgumentException("'version' argument is ambiguous when installing multiple package distributions. "
                + "Please specify version restrictions next to each package in 'name' argument.");
          }
        }));
    return all;
  }

  private static RemoteModule iptables() {
    OptionSpec spec = new OptionSpec("iptables").add(choices("table", "filter", "filter", "nat", "mangle", "raw", "security"))
        .add(choices("state", "present", "absent", "present")).add(choices("action", "append", "append", "insert"))
        .add(choices("ip_version", "ipv4", "ipv4", "ipv6")).add("chain", Type.STR).add("rule_num", Type.STR)
        .add("protocol", Type.STR).add("source", Type.STR).add("destination", Type.STR).add("tcp_flags", Type.RAW)
        .add("match", Type.LIST, List.of()).add("jump", Type.STR).add("gateway", Type.STR).add("log_prefix", Type.STR)
        .add(choices("log_level", null, "0", "1", "2", "3", "4", "5", "6", "7", "emerg", "alert", "crit", "error",
            "warning", "notice", "info", "debug"))
        .add("goto", Type.STR).add("in_interface", Type.STR).add("out_interface", Type.STR).add("fragment", Type.STR)
        .add("set_counters", Type.STR).add("source_port", Type.STR).add("destination_port", Type.STR)
        .add("destination_ports", Type.LIST).add("to_ports", Type.STR).add("to_destination", Type.STR)
        .add("to_source", Type.STR).add(choices("syn", "ignore", "ignore", "match", "negate"))
        .add("set_dscp_mark", Type.STR).add("set_dscp_mark_class", Type.STR).add("comment", Type.STR)
        .add("ctstate", Type.LIST, List.of()).add("src_range", Type.STR).add("dst_range", Type.STR)
        .add("match_set", Type.STR).add(choices("match_set_flags", null, "src", "dst", "src,dst", "dst,src"))
        .add("limit", Type.STR).add("limit_burst", Type.STR).add("uid_owner", Type.STR).add("gid_owner", Type.STR)
        .add("reject_with", Type.STR).add("icmp_type", Type.STR).add("flush", Type.BOOL, false)
        .add(choices("policy", null, "ACCEPT", "DROP", "QUEUE", "RETURN")).add("wait", Type.STR)
        .add("chain_management", Type.BOOL, false);
    return new SystemModule("iptables", spec, args -> {
      if (args.get("set_dscp_mark") != null && args.get("set_dscp_mark_class") != null) {
        throw new ModuleArgumentException("parameters are mutually exclusive: set_dscp_mark|set_dscp_mark_class");
      }
      if (args.get("flush") == Boolean.TRUE && args.get("policy") != null) {
        throw new ModuleArgumentException("parameters are mutually exclusive: flush|policy");
      }
      Object flags = args.remove("tcp_flags");
      if (flags instanceof Map<?, ?> m && m.get("flags") != null) {
        args.put("tcp_flags_flags", csv(m.get("flags")));
        args.put("tcp_flags_check", csv(m.get("flags_set")));
      }
    });
  }

  /** expect's responses as lines "pattern TAB answer", a list of answers one line each, in order. */
  private static void responses(Map<String, Object> args) {
    if (!(args.get("responses") instanceof Map<?, ?> responses)) {
      throw new ModuleArgumentException("argument 'responses' is of type <class '" + Py.typeName(args.get("responses")) + "'>"
          + " and we were unable to convert to dict: dictionary requested, could not parse JSON or key=value");
    }
    StringBuilder lines = new StringBuilder();
    responses.forEach((pattern, answer) -> {
      for (Object a : answer instanceof List<?> l ? l : List.of(answer)) {
        lines.append(pattern).append('\t').append(a).append('\n');
      }
    });
    args.put("responses", lines.toString());
    // the command's words as Ansible splits them (shlex, no shell), one a line for spawn
    args.put("words", args.get("command") == null ? null : ShellWords.split(String.valueOf(args.get("command"))));
  }

  /** A list (or a comma-separated string) as one comma-separated word. */
  private static String csv(Object value) {
    return value instanceof List<?> l ? String.join(",", l.stream().map(String::valueOf).toList()) : String.valueOf(value);
  }

  private static void add(Map<String, RemoteModule> all, RemoteModule m) {
    all.put(m.name(), m); // the registry takes ansible.builtin. and ansible.legacy. off a name
  }

  static OptionSpec.Option choices(String name, Object defaultValue, String... choices) {
    return new OptionSpec.Option(name, Type.STR, defaultValue, List.of(choices), List.of(), false);
  }
}
