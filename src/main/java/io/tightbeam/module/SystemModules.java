package io.tightbeam.module;

import io.tightbeam.module.OptionSpec.Type;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The system-administration modules (users, groups, cron, kernel and boot settings, repositories,
 * package and service facts) by short name and by their collection names, for the registry to
 * merge into {@link Modules#builtin()}.
 */
public final class SystemModules {
  private SystemModules() {}

  private static final String UNSUPPORTED = "not supported by tightbeam";

  /** Name to module, short and fully qualified; a new map on every call. */
  public static Map<String, RemoteModule> all() {
    Map<String, RemoteModule> all = new LinkedHashMap<>();
    add(all, "ansible.builtin", user());
    add(all, "ansible.builtin", new SystemModule("group", new OptionSpec("group")
        .required("name", Type.STR).add(choices("state", "present", "absent", "present"))
        .add("gid", Type.INT).add("system", Type.BOOL, false).add("non_unique", Type.BOOL, false)
        .refuse("local", Type.BOOL, false, "lgroupadd is " + UNSUPPORTED)));
    add(all, "ansible.posix", new SystemModule("sysctl", new OptionSpec("sysctl")
        .required("name", Type.STR, "key").aliased("value", Type.STR, "val")
        .add(choices("state", "present", "present", "absent")).add("reload", Type.BOOL, true)
        .add("sysctl_file", Type.STR, "/etc/sysctl.conf").add("sysctl_set", Type.BOOL, false)
        .add("ignoreerrors", Type.BOOL, false), args -> {
          if ("present".equals(args.get("state")) && args.get("value") == null) {
            throw new ModuleArgumentException("state is present but all of the following are missing: value");
          }
        }));
    add(all, "community.general", new SystemModule("ini_file", FileAttributes.addTo(new OptionSpec("ini_file"))
        .required("path", Type.STR, "dest").add("section", Type.STR).add("option", Type.STR)
        .add("value", Type.STR).add("values", Type.LIST).add(choices("state", "present", "absent", "present"))
        .add("exclusive", Type.BOOL, true).add("backup", Type.BOOL, false).add("create", Type.BOOL, true)
        .add("no_extra_spaces", Type.BOOL, false).add("allow_no_value", Type.BOOL, false), args -> {
          fileRules(args);
          if (args.get("value") != null && args.get("values") != null) {
            throw new ModuleArgumentException("parameters are mutually exclusive: value|values");
          }
          given(args, "section", "value", "values");
        }));
    add(all, "ansible.posix", new SystemModule("authorized_key", new OptionSpec("authorized_key")
        .required("user", Type.STR).required("key", Type.STR).add("path", Type.STR)
        .add("manage_dir", Type.BOOL, true).add(choices("state", "present", "absent", "present"))
        .add("key_options", Type.STR).add("exclusive", Type.BOOL, false).add("validate_certs", Type.BOOL, true)
        .add("comment", Type.STR).add("follow", Type.BOOL, false),
        args -> given(args, "comment", "key_options", "path")));
    add(all, "ansible.posix", new SystemModule("mount", new OptionSpec("mount")
        .add("boot", Type.BOOL, true).add("dump", Type.STR, "0").add("fstab", Type.STR).add("fstype", Type.STR)
        .required("path", Type.STR, "name").add("opts", Type.STR).add("passno", Type.STR, "0").add("src", Type.STR)
        .add("backup", Type.BOOL, false)
        .add(new OptionSpec.Option("state", Type.STR, null, List.of("absent", "absent_from_fstab", "mounted", "present",
            "unmounted", "remounted", "ephemeral"), List.of(), true)), args -> {
          if (List.of("mounted", "present", "ephemeral").contains(args.get("state"))) {
            requiredIf(args, "state", "src", "fstype");
          }
          given(args, "src", "fstype");
        }));
    add(all, "community.general", new SystemModule("pkgng", new OptionSpec("pkgng")
        .add(choices("state", "present", "present", "latest", "absent")).required("name", Type.LIST, "pkg")
        .add("cached", Type.BOOL, false).add("ignore_osver", Type.BOOL, false).add("annotation", Type.LIST)
        .add("pkgsite", Type.STR).add("rootdir", Type.STR).add("chroot", Type.STR).add("jail", Type.STR)
        .add("autoremove", Type.BOOL, false), args -> {
          exclusive(args, "rootdir", "chroot", "jail");
          given(args, "annotation");
        }));
    add(all, "ansible.posix", new SystemModule("selinux", new OptionSpec("selinux").add("policy", Type.STR)
        .add(new OptionSpec.Option("state", Type.STR, null, List.of("enforcing", "permissive", "disabled"), List.of(), true))
        .add(new OptionSpec.Option("configfile", Type.STR, "/etc/selinux/config", List.of(), List.of("conf", "file"), false))
        .add("update_kernel_param", Type.BOOL, false)));
    add(all, "community.general", new SystemModule("pam_limits", new OptionSpec("pam_limits")
        .required("domain", Type.STR)
        .add(new OptionSpec.Option("limit_type", Type.STR, null, List.of("soft", "hard", "-"), List.of(), true))
        .add(new OptionSpec.Option("limit_item", Type.STR, null, List.of("core", "data", "fsize", "memlock", "nofile",
            "rss", "stack", "cpu", "nproc", "as", "maxlogins", "maxsyslogins", "priority", "locks", "sigpending",
            "msgqueue", "nice", "rtprio", "chroot"), List.of(), true))
        .required("value", Type.STR).add("use_max", Type.BOOL, false).add("use_min", Type.BOOL, false)
        .add("backup", Type.BOOL, false).add("dest", Type.STR, "/etc/security/limits.conf").add("comment", Type.STR, "")));
    add(all, "community.general", new SystemModule("pkg5", new OptionSpec("pkg5").required("name", Type.LIST)
        .add(choices("state", "present", "absent", "installed", "latest", "present", "removed", "uninstalled"))
        .add(new OptionSpec.Option("accept_licenses", Type.BOOL, false, List.of(), List.of("accept", "accept_licences"), false))
        .add("be_name", Type.STR).add("refresh", Type.BOOL, true)));
    add(all, "community.general", new SystemModule("zypper_repository", new OptionSpec("zypper_repository")
        .add("name", Type.STR).add("repo", Type.STR).add(choices("state", "present", "present", "absent"))
        .add("runrefresh", Type.BOOL, false).add("description", Type.STR).add("disable_gpg_check", Type.BOOL, false)
        .add(new OptionSpec.Option("autorefresh", Type.BOOL, true, List.of(), List.of("refresh"), false))
        .add("priority", Type.INT).add("enabled", Type.BOOL, true).add("overwrite_multiple", Type.BOOL, false)
        .add("auto_import_keys", Type.BOOL, false)).withoutCheckMode());
    add(all, "ansible.builtin", new SystemModule("cron", new OptionSpec("cron")
        .required("name", Type.STR).aliased("job", Type.STR, "value").add(choices("state", "present", "absent", "present"))
        .add("user", Type.STR).add("cron_file", Type.STR).add("backup", Type.BOOL, false)
        .add("minute", Type.STR, "*").add("hour", Type.STR, "*").aliased("day", Type.STR, "dom")
        .add("month", Type.STR, "*").aliased("weekday", Type.STR, "dow")
        .add(choices("special_time", null, "annually", "daily", "hourly", "monthly", "reboot", "weekly", "yearly"))
        .add("disabled", Type.BOOL, false).add("env", Type.BOOL, false)
        .add("insertafter", Type.STR).add("insertbefore", Type.STR), args -> {
          args.replace("day", null, "*");
          args.replace("weekday", null, "*");
          if (args.get("insertafter") != null && args.get("insertbefore") != null) {
            throw new ModuleArgumentException("parameters are mutually exclusive: insertafter|insertbefore");
          }
        }));
    add(all, "ansible.builtin", new SystemModule("hostname", new OptionSpec("hostname").required("name", Type.STR)
        .add(choices("use", null, "alpine", "debian", "freebsd", "generic", "macos", "macosx", "darwin", "openbsd",
            "openrc", "redhat", "sles", "solaris", "systemd"))));
    add(all, "ansible.builtin", new SystemModule("known_hosts", new OptionSpec("known_hosts")
        .required("name", Type.STR, "host").add("key", Type.STR).add("path", Type.STR, "~/.ssh/known_hosts")
        .add("hash_host", Type.BOOL, false).add(choices("state", "present", "absent", "present")),
        args -> given(args, "key")));
    add(all, "ansible.builtin", YumRepository.module());
    add(all, "ansible.builtin", AptRepository.module());
    add(all, "ansible.builtin", new SystemModule("rpm_key", new OptionSpec("rpm_key")
        .add(choices("state", "present", "absent", "present")).required("key", Type.STR)
        .add("fingerprint", Type.STR).add("validate_certs", Type.BOOL, true), args -> {},
        ShellSource.load("http.sh")));
    add(all, "ansible.builtin", new SystemModule("debconf", new OptionSpec("debconf")
        .required("name", Type.STR, "pkg").aliased("question", Type.STR, "selection", "setting")
        .add(choices("vtype", null, "boolean", "error", "multiselect", "note", "password", "seen", "select", "string",
            "text", "title"))
        .aliased("value", Type.STR, "answer").add("unseen", Type.BOOL, false), args -> {
          long given = java.util.stream.Stream.of("question", "vtype", "value").filter(k -> args.get(k) != null).count();
          if (given > 0 && given < 3) {
            throw new ModuleArgumentException("parameters are required together: question, vtype, value");
          }
        }));
    add(all, "ansible.builtin", new SystemModule("package_facts", new OptionSpec("package_facts")
        .add("manager", Type.LIST, List.of("auto")).add(choices("strategy", "first", "first", "all")),
        SystemModules::packageManagers));
    add(all, "community.general", new SystemModule("timezone", new OptionSpec("timezone").add("name", Type.STR)
        .add(new OptionSpec.Option("hwclock", Type.STR, null, List.of("local", "UTC"), List.of("rtc"), false)),
        args -> {
          if (args.get("name") == null && args.get("hwclock") == null) {
            throw new ModuleArgumentException("one of the following is required: hwclock, name");
          }
        }));
    return all;
  }

  /** package_facts' managers in Ansible's order, without repeats: {@code auto} is every one after those named. */
  private static final List<String> PACKAGE_MANAGERS = List.of("pacman", "rpm", "apk", "pkg", "apt", "pkg_info", "portage");

  private static void packageManagers(Map<String, Object> args) {
    List<String> asked = ((List<?>) args.get("manager")).stream().map(m -> String.valueOf(m).toLowerCase(java.util.Locale.ROOT)).toList();
    List<String> managers = new java.util.ArrayList<>(asked);
    if (managers.contains("auto")) {
      managers.addAll(PACKAGE_MANAGERS);
      managers.remove("auto");
    }
    List<String> unsupported = managers.stream().filter(m -> !PACKAGE_MANAGERS.contains(m)).distinct().toList();
    if (!unsupported.isEmpty()) {
      throw new ModuleArgumentException(asked.contains("auto")
          ? "Could not auto detect a usable package manager, check warnings for details."
          : "Unsupported package managers requested: " + String.join(", ", unsupported));
    }
    args.put("managers", managers.stream().distinct().toList());
    args.put("managers_repr", managers.stream().map(m -> "'" + m + "'").collect(java.util.stream.Collectors.joining(", ", "[", "]")));
  }

  /** Ansible's required_if message when {@code key}'s value needs {@code names} and some are unset. */
  static void requiredIf(Map<String, Object> args, String key, String... names) {
    List<String> missing = java.util.Arrays.stream(names).filter(n -> args.get(n) == null).toList();
    if (!missing.isEmpty()) {
      throw new ModuleArgumentException(key + " is " + args.get(key) + " but all of the following are missing: "
          + String.join(", ", missing));
    }
  }

  /** Ansible's mutually_exclusive message when more than one of {@code names} is set. */
  static void exclusive(Map<String, Object> args, String... names) {
    if (java.util.Arrays.stream(names).filter(n -> args.get(n) != null).count() > 1) {
      throw new ModuleArgumentException("parameters are mutually exclusive: " + String.join("|", names));
    }
  }

  /** Marks which of {@code names} were given ({@code NAME_given}), for scripts that tell unset from ''. */
  private static void given(Map<String, Object> args, String... names) {
    for (String name : names) {
      if (args.get(name) != null) {
        args.put(name + "_given", true);
      }
    }
  }

  /** The common file arguments as {@code tb_attrs} takes them: the mode normalised, the SELinux parts named. */
  private static void fileRules(Map<String, Object> args) {
    args.put("mode", args.get("mode") == null ? null : OptionSpec.mode(args.get("mode")));
    Map<String, String> vars = new LinkedHashMap<>();
    FileAttributes.putVars(args, vars);
    args.put("selinux", vars.get("selinux"));
  }

  private static void add(Map<String, RemoteModule> all, String collection, RemoteModule m) {
    all.put(m.name(), m);
    if (!collection.equals("ansible.builtin")) {
      all.put(collection + "." + m.name(), m);
    }
  }

  static OptionSpec.Option choices(String name, Object defaultValue, String... choices) {
    return new OptionSpec.Option(name, Type.STR, defaultValue, List.of(choices), List.of(), false);
  }

  private static RemoteModule user() {
    OptionSpec spec = new OptionSpec("user")
        .required("name", Type.STR, "user")
        .add(choices("state", "present", "absent", "present"))
        .add("uid", Type.INT).add("non_unique", Type.BOOL, false)
        .add("group", Type.STR).add("groups", Type.LIST).add("append", Type.BOOL, false)
        .add("comment", Type.STR).add("home", Type.STR).add("shell", Type.STR)
        .add("password", Type.STR).add(choices("update_password", "always", "always", "on_create"))
        .add("password_lock", Type.BOOL).add("system", Type.BOOL, false)
        .add(new OptionSpec.Option("create_home", Type.BOOL, true, List.of(), List.of("createhome"), false))
        .add("move_home", Type.BOOL, false).add("skeleton", Type.STR).add("umask", Type.STR)
        .add("remove", Type.BOOL, false).add("force", Type.BOOL, false)
        .add("generate_ssh_key", Type.BOOL, false).add("ssh_key_bits", Type.INT)
        .add("ssh_key_type", Type.STR, "rsa").add("ssh_key_file", Type.STR)
        .add("ssh_key_comment", Type.STR).add("ssh_key_passphrase", Type.STR)
        .refuse("expires", Type.RAW, null, UNSUPPORTED)
        .refuse("password_expire_max", Type.INT, null, UNSUPPORTED)
        .refuse("password_expire_min", Type.INT, null, UNSUPPORTED)
        .refuse("local", Type.BOOL, false, "luseradd is " + UNSUPPORTED)
        .refuse("hidden", Type.BOOL, null, "macOS only")
        .refuse("login_class", Type.STR, null, "BSD only")
        .refuse("authorization", Type.STR, null, "Solaris only")
        .refuse("profile", Type.STR, null, "Solaris only")
        .refuse("role", Type.STR, null, "Solaris only")
        .refuse("seuser", Type.STR, null, "SELinux users are " + UNSUPPORTED);
    return new SystemModule("user", spec, args -> {
      given(args, "groups");
    });
  }
}
