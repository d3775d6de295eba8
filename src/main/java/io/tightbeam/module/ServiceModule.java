package io.tightbeam.module;

import io.tightbeam.module.OptionSpec.Type;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Ansible's {@code service} and {@code systemd}: starts, stops, restarts or reloads a service and
 * enables or disables it at boot, through systemd when it is running, else SysV ({@code service}
 * or {@code /etc/init.d}). Changes only what differs from the current state.
 */
final class ServiceModule implements RemoteModule {
  private final String name;
  private final OptionSpec spec;

  private ServiceModule(String name, OptionSpec spec) {
    this.name = name;
    this.spec = spec;
  }

  static ServiceModule service() {
    return new ServiceModule("service", common("service")
        .add("pattern", Type.STR).add("sleep", Type.INT).add("arguments", Type.STR).add("runlevel", Type.STR)
        .add(new OptionSpec.Option("use", Type.STR, "auto", List.of(), List.of(), false)));
  }

  static ServiceModule systemd() {
    return new ServiceModule("systemd", common("systemd")
        .aliased("daemon_reload", Type.BOOL, "daemon-reload").aliased("daemon_reexec", Type.BOOL, "daemon-reexec")
        .add("masked", Type.BOOL).add("no_block", Type.BOOL, false).add("force", Type.BOOL)
        .add(new OptionSpec.Option("scope", Type.STR, "system", List.of("global", "system", "user"), List.of(), false)));
  }

  private static OptionSpec common(String module) {
    return new OptionSpec(module)
        .aliased("name", Type.STR, module.equals("systemd") ? new String[] {"service", "unit"} : new String[] {})
        .add(new OptionSpec.Option("state", Type.STR, null,
            List.of("reloaded", "restarted", "started", "stopped"), List.of(), false))
        .add("enabled", Type.BOOL);
  }

  private static final String BODY =
      """
      [ -n "$name" ] || tb_fail "missing required arguments: name"
      run() { tb_changed=1; [ "$tb_check" = 1 ] && return 0; tb_e=$("$@" 2>&1) || tb_fail "Unable to $verb service $name: $tb_e"; }
      if [ "$daemon_reload" = 1 ] && command -v systemctl >/dev/null 2>&1; then systemctl daemon-reload >/dev/null 2>&1; fi
      if [ "$use" = systemd ] || { [ "$use" = auto ] && [ -d /run/systemd/system ] && command -v systemctl >/dev/null 2>&1; }; then
        load=$(systemctl show -p LoadState --value "$name" 2>/dev/null)
        [ "$load" = not-found ] || [ -z "$load" ] && tb_fail "Could not find the requested service $name: host"
        active=$(systemctl is-active "$name" 2>/dev/null); boot=$(systemctl is-enabled "$name" 2>/dev/null)
        case "$state" in
          started) [ "$active" = active ] || { verb=start; run systemctl start "$name"; } ;;
          stopped) [ "$active" = active ] && { verb=stop; run systemctl stop "$name"; } ;;
          restarted) verb=restart; run systemctl restart "$name" ;;
          reloaded) verb=reload; if [ "$active" = active ]; then run systemctl reload-or-restart "$name"; else run systemctl start "$name"; fi ;;
        esac
        if [ "$enabled" = 1 ] && [ "$boot" != enabled ]; then verb=enable; run systemctl enable "$name"; fi
        if [ "$enabled" = 0 ] && [ "$boot" = enabled ]; then verb=disable; run systemctl disable "$name"; fi
        [ "$masked" = 1 ] && [ "$boot" != masked ] && { verb=mask; run systemctl mask "$name"; }
        [ "$masked" = 0 ] && [ "$boot" = masked ] && { verb=unmask; run systemctl unmask "$name"; }
        st="{\\"ActiveState\\":$(printf '%s' "$(systemctl is-active "$name" 2>/dev/null)" | tb_json),\\"UnitFileState\\":$(printf '%s' "$(systemctl is-enabled "$name" 2>/dev/null)" | tb_json)}"
      else
        if [ -x "/etc/init.d/$name" ]; then ctl() { "/etc/init.d/$name" "$@"; }
        elif command -v service >/dev/null 2>&1; then ctl() { service "$name" "$@"; }
        else tb_fail "Could not find the requested service $name: host (neither systemd nor SysV init is available)"; fi
        out=$(ctl status 2>&1); rc=$?
        case "$out" in *"unrecognized service"*|*"not found"*|*"could not be found"*) tb_fail "Could not find the requested service $name: host" ;; esac
        running=0; [ "$rc" = 0 ] && running=1
        case "$state" in
          started) [ "$running" = 1 ] || { verb=start; run ctl start; } ;;
          stopped) [ "$running" = 1 ] && { verb=stop; run ctl stop; } ;;
          restarted) verb=restart; run ctl restart ;;
          reloaded) verb=reload; if [ "$running" = 1 ]; then run ctl reload; else run ctl start; fi ;;
        esac
        if [ -n "$enabled" ]; then
          on=0; ls /etc/rc[2345].d/S??"$name" >/dev/null 2>&1 && on=1
          if [ "$enabled" != "$on" ]; then
            if [ "$enabled" = 1 ]; then word=enable; flag=on; else word=disable; flag=off; fi
            verb=$word
            if command -v update-rc.d >/dev/null 2>&1; then run update-rc.d "$name" "$word"
            elif command -v chkconfig >/dev/null 2>&1; then run chkconfig "$name" "$flag"
            else tb_fail "Unable to $word service $name: neither update-rc.d nor chkconfig exists"; fi
          fi
        fi
        ctl status >/dev/null 2>&1 && now=true || now=false
        st="{\\"running\\":$now}"
      fi
      tb_ks name "$name"
      [ -n "$state" ] && tb_ks state "$state"
      [ -n "$enabled" ] && tb_kb enabled "$enabled"
      tb_kv status "$st"; tb_kb changed "$tb_changed"; tb_emit
      """;

  @Override
  public String name() {
    return name;
  }

  @Override
  public Map<String, Object> checkArgs(Map<String, Object> args) {
    Map<String, Object> a = spec.check(args);
    if (name.equals("service") && a.get("name") == null) {
      throw new ModuleArgumentException("missing required arguments: name");
    }
    if (a.get("state") == null && a.get("enabled") == null && !Boolean.TRUE.equals(a.get("daemon_reload"))
        && a.get("masked") == null) {
      throw new ModuleArgumentException("one of the following is required: state, enabled"
          + (name.equals("systemd") ? ", masked, daemon_reload" : ""));
    }
    return a;
  }

  @Override
  public RemoteScript script(Map<String, Object> args, TargetContext target) {
    Map<String, String> vars = new LinkedHashMap<>();
    vars.put("name", ScriptRun.str(args.get("name")));
    vars.put("state", ScriptRun.str(args.get("state")));
    vars.put("enabled", args.get("enabled") == null ? "" : ScriptRun.flag(args.get("enabled")));
    vars.put("masked", args.get("masked") == null ? "" : ScriptRun.flag(args.get("masked")));
    vars.put("daemon_reload", ScriptRun.flag(args.get("daemon_reload")));
    vars.put("use", name.equals("systemd") ? "systemd" : ScriptRun.str(args.getOrDefault("use", "auto")));
    return ScriptRun.script(vars, target, BODY);
  }

  @Override
  public CompletableFuture<Map<String, Object>> run(Map<String, Object> args, TargetContext target) {
    return ScriptRun.run(script(args, target), target);
  }

  @Override
  public boolean supportsCheckMode() {
    return true;
  }
}
