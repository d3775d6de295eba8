package io.tightbeam.module;

import io.tightbeam.module.OptionSpec.Type;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The package modules: {@code apt}, {@code yum}, {@code dnf} and {@code package} (which picks
 * apt, dnf, yum or apk by what the target has, or by {@code use}). Idempotent through the package
 * database ({@code dpkg-query}, {@code rpm -q}, {@code apk info}); waits for the manager's lock.
 * The managers' options become their flags; yum/dnf {@code list} and {@code allow_downgrade} are
 * refused.
 */
final class PackageModule implements RemoteModule {
  private final String name;
  private final OptionSpec spec;

  private PackageModule(String name, OptionSpec spec) {
    this.name = name;
    this.spec = spec;
  }

  static PackageModule apt() {
    return new PackageModule("apt", new OptionSpec("apt")
        .aliased("name", Type.LIST, "package", "pkg")
        .add(new OptionSpec.Option("state", Type.STR, "present",
            List.of("absent", "build-dep", "latest", "present", "fixed"), List.of(), false))
        .aliased("update_cache", Type.BOOL, "update-cache")
        .add("cache_valid_time", Type.INT, 0)
        .add("deb", Type.STR)
        .add("purge", Type.BOOL, false)
        .add("autoremove", Type.BOOL, false)
        .aliased("install_recommends", Type.BOOL, "install-recommends")
        .add("force", Type.BOOL, false)
        .add("lock_timeout", Type.INT, 60)
        .add("default_release", Type.STR)
        .add(new OptionSpec.Option("upgrade", Type.STR, "no", List.of("dist", "full", "no", "safe", "yes"),
            List.of(), false))
        .add("dpkg_options", Type.STR, "force-confdef,force-confold")
        .add("allow_unauthenticated", Type.BOOL, false)
        .add("only_upgrade", Type.BOOL, false));
  }

  static PackageModule yum(String name) {
    return new PackageModule(name, new OptionSpec(name)
        .aliased("name", Type.LIST, "pkg")
        .add(new OptionSpec.Option("state", Type.STR, "present",
            List.of("absent", "installed", "latest", "present", "removed"), List.of(), false))
        .add("enablerepo", Type.LIST)
        .add("disablerepo", Type.LIST)
        .aliased("update_cache", Type.BOOL, "expire-cache")
        .add("lock_timeout", Type.INT, 30)
        .add("disable_gpg_check", Type.BOOL, false)
        .add("exclude", Type.LIST)
        .refuse("list", Type.STR, null, "to list packages, run rpm or dnf with the command module")
        .add("conf_file", Type.STR)
        .add("security", Type.BOOL, false)
        .add("bugfix", Type.BOOL, false)
        .add("update_only", Type.BOOL, false)
        .add("installroot", Type.STR)
        .add("releasever", Type.STR)
        .add("autoremove", Type.BOOL, false)
        .add("download_only", Type.BOOL, false)
        .refuse("allow_downgrade", Type.BOOL, false, "tightbeam never installs an older version over a newer one")
        .add("skip_broken", Type.BOOL, false)
        .add("validate_certs", Type.BOOL, true));
  }

  static PackageModule generic() {
    return new PackageModule("package", new OptionSpec("package")
        .required("name", Type.LIST)
        .add(new OptionSpec.Option("state", Type.STR, null,
            List.of("absent", "installed", "latest", "present", "removed"), List.of(), true))
        .add(new OptionSpec.Option("use", Type.STR, "auto",
            List.of("auto", "apt", "apk", "dnf", "yum"), List.of(), false)));
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Map<String, Object> checkArgs(Map<String, Object> args) {
    Map<String, Object> rest = new LinkedHashMap<>(args);
    if (rest.get("upgrade") instanceof Boolean b) {
      // Ansible's choices take YAML's yes/no as booleans
      rest.put("upgrade", b ? "yes" : "no");
    }
    Map<String, Object> a = spec.check(rest);
    @SuppressWarnings("unchecked")
    List<String> names = (List<String>) a.get("name");
    if (names != null) {
      for (String n : names) {
        if (n.startsWith("-") || n.isBlank() || n.matches(".*\\s.*")) {
          throw new ModuleArgumentException("invalid package name for (" + name + ") module: '" + n + "'");
        }
      }
    }
    boolean hasWork = names != null && !names.isEmpty();
    if (name.equals("apt") && !hasWork && a.get("deb") == null && !Boolean.TRUE.equals(a.get("update_cache"))
        && "no".equals(a.get("upgrade"))) {
      throw new ModuleArgumentException("one of the following is required: name, package, deb, update_cache, upgrade");
    }
    if (!name.equals("apt") && !name.equals("package") && !hasWork && !Boolean.TRUE.equals(a.get("update_cache"))
        && a.get("list") == null) {
      throw new ModuleArgumentException("one of the following is required: name, list, update_cache");
    }
    return a;
  }

  @Override
  public RemoteScript script(Map<String, Object> args, TargetContext target) {
    Map<String, String> vars = new LinkedHashMap<>();
    vars.put("names", words(args.get("name")));
    vars.put("state", ScriptRun.str(args.get("state")));
    vars.put("update_cache", ScriptRun.flag(args.get("update_cache")));
    vars.put("cache_valid_time", String.valueOf(args.getOrDefault("cache_valid_time", 0)));
    vars.put("lock_timeout", String.valueOf(args.get("lock_timeout") == null ? 30 : args.get("lock_timeout")));
    vars.put("deb", ScriptRun.str(args.get("deb")));
    vars.put("purge", ScriptRun.flag(args.get("purge")));
    vars.put("autoremove", ScriptRun.flag(args.get("autoremove")));
    Object recommends = args.get("install_recommends");
    vars.put("install_recommends", recommends == null ? "" : ScriptRun.flag(recommends));
    vars.put("enablerepo", words(args.get("enablerepo")));
    vars.put("disablerepo", words(args.get("disablerepo")));
    vars.put("pm", name.equals("package") ? ScriptRun.str(args.get("use")) : name);
    if (name.equals("apt")) {
      vars.put("upgrade", "no".equals(args.get("upgrade")) ? "" : ScriptRun.str(args.get("upgrade")));
      vars.put("dpkg_options", ScriptRun.str(args.get("dpkg_options")));
      vars.put("default_release", ScriptRun.str(args.get("default_release")));
      for (String flag : List.of("allow_unauthenticated", "force", "only_upgrade")) {
        vars.put(flag, ScriptRun.flag(args.get(flag)));
      }
    } else if (!name.equals("package")) {
      for (String flag : List.of("disable_gpg_check", "security", "bugfix", "update_only", "download_only",
          "skip_broken")) {
        vars.put(flag, ScriptRun.flag(args.get(flag)));
      }
      vars.put("validate_certs", ScriptRun.flag(args.get("validate_certs")));
      vars.put("exclude", words(args.get("exclude")));
      vars.put("conf_file", ScriptRun.str(args.get("conf_file")));
      vars.put("installroot", ScriptRun.str(args.get("installroot")));
      vars.put("releasever", ScriptRun.str(args.get("releasever")));
    }
    String body =
        PackageShell.COMMON + PackageShell.APT + PackageShell.YUM + PackageShell.APK
            + switch (name) {
              case "apt" -> "tb_apt\n";
              case "yum", "dnf" -> "tb_yum\n";
              default -> DISPATCH;
            };
    return ScriptRun.script(vars, target, body);
  }

  private static final String DISPATCH =
      """
      if [ "$pm" = auto ]; then
        if command -v apt-get >/dev/null 2>&1 && command -v dpkg-query >/dev/null 2>&1; then pm=apt
        elif command -v dnf >/dev/null 2>&1; then pm=dnf
        elif command -v yum >/dev/null 2>&1; then pm=yum
        elif command -v apk >/dev/null 2>&1; then pm=apk
        else tb_fail "Could not find a package manager (apt, dnf, yum or apk) on the target"; fi
      fi
      case "$pm" in apt) tb_apt ;; yum|dnf) tb_yum ;; apk) tb_apk ;; esac
      """;

  @Override
  public CompletableFuture<Map<String, Object>> run(Map<String, Object> args, TargetContext target) {
    return ScriptRun.run(script(args, target), target);
  }

  @Override
  public boolean supportsCheckMode() {
    return true;
  }

  private static String words(Object list) {
    return list instanceof List<?> l ? String.join(" ", l.stream().map(String::valueOf).toList()) : "";
  }
}
