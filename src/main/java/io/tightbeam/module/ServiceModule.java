package io.tightbeam.module;

import io.tightbeam.module.OptionSpec.Type;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Ansible's {@code service} and {@code systemd}: starts, stops, restarts or reloads a service and
 * enables or disables it at boot, through systemd when it is running, else SysV ({@code service}
 * or {@code /etc/init.d}, with {@code pattern} standing in for a missing status). Changes only what
 * differs from the current state. OpenRC's {@code runlevel} is refused.
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
        .add("pattern", Type.STR).add("sleep", Type.INT).aliased("arguments", Type.STR, "args")
        .refuse("runlevel", Type.STR, null, "runlevels are OpenRC's, which tightbeam does not drive")
        .add(new OptionSpec.Option("use", Type.STR, "auto", List.of("auto", "service", "systemd", "sysvinit"),
            List.of(), false)));
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
      # restarted with sleep: stop, wait, start, as Ansible's service module does
      restart() {
        if [ -n "$pause" ]; then verb=stop; run "$@" stop; [ "$tb_check" = 1 ] || sleep "$pause"; verb=start; run "$@" start
        else verb=restart; run "$@" restart; fi
      }
      sc() { systemctl $scope "$@"; }
      [ "$scope" = --user ] && [ -z "$XDG_RUNTIME_DIR" ] && export XDG_RUNTIME_DIR="/run/user/$(id -u)"
      if [ "$daemon_reload" = 1 ] && command -v systemctl >/dev/null 2>&1; then sc daemon-reload >/dev/null 2>&1; fi
      if [ "$daemon_reexec" = 1 ] && command -v systemctl >/dev/null 2>&1; then
        tb_e=$(sc daemon-reexec 2>&1) || tb_fail "failure running systemctl daemon-reexec: $tb_e"
      fi
      if [ "$use" = systemd ] || { [ "$use" = auto ] && [ -d /run/systemd/system ] && command -v systemctl >/dev/null 2>&1; }; then
        load=$(sc show -p LoadState --value "$name" 2>/dev/null)
        [ "$load" = not-found ] || [ -z "$load" ] && tb_fail "Could not find the requested service $name: host"
        active=$(sc is-active "$name" 2>/dev/null); boot=$(sc is-enabled "$name" 2>/dev/null)
        act() { sc $no_block "$1" "$name" $arguments; }
        case "$state" in
          started) [ "$active" = active ] || { verb=start; run act start; } ;;
          stopped) [ "$active" = active ] && { verb=stop; run act stop; } ;;
          restarted) restart act ;;
          reloaded) verb=reload; if [ "$active" = active ]; then run act reload-or-restart; else run act start; fi ;;
        esac
        if [ "$enabled" = 1 ] && [ "$boot" != enabled ]; then verb=enable; run sc $force enable "$name"; fi
        if [ "$enabled" = 0 ] && [ "$boot" = enabled ]; then verb=disable; run sc $force disable "$name"; fi
        [ "$masked" = 1 ] && [ "$boot" != masked ] && { verb=mask; run sc $force mask "$name"; }
        [ "$masked" = 0 ] && [ "$boot" = masked ] && { verb=unmask; run sc unmask "$name"; }
        st="{\\"ActiveState\\":$(printf '%s' "$(sc is-active "$name" 2>/dev/null)" | tb_json),\\"UnitFileState\\":$(printf '%s' "$(sc is-enabled "$name" 2>/dev/null)" | tb_json)}"
      else
        if [ -x "/etc/init.d/$name" ]; then ctl() { "/etc/init.d/$name" "$@" $arguments; }
        elif command -v service >/dev/null 2>&1; then ctl() { service "$name" "$@" $arguments; }
        else tb_fail "Could not find the requested service $name: host (neither systemd nor SysV init is available)"; fi
        out=$(ctl status 2>&1); rc=$?
        # pattern: a service whose script has no usable status is running when ps shows the text
        # (this script's own processes hold "pattern=" and are left out, as Ansible leaves out its own)
        by_ps() { ps -eo args 2>/dev/null | TB_P=$pattern awk 'index($0, ENVIRON["TB_P"]) && !index($0, "pattern=") { f = 1 } END { exit !f }'; }
        if [ -n "$pattern" ]; then
          rc=1; by_ps && rc=0
        else
          case "$out" in *"unrecognized service"*|*"not found"*|*"could not be found"*) tb_fail "Could not find the requested service $name: host" ;; esac
        fi
        running=0; [ "$rc" = 0 ] && running=1
        # as Ansible's service module: a failed action's stderr is the message (its stdout when
        # stderr is empty), with nothing before it
        sysv() { f=$(mktemp) || tb_fail "cannot make a temporary file"
          o=$(ctl "$1" 2>"$f"; r=$?; echo .; exit $r); r=$?; o=${o%.}; e=$(cat -- "$f"; echo .); e=${e%.}; rm -f -- "$f"; }
        act() { tb_changed=1; [ "$tb_check" = 1 ] && return 0; sysv "$1"
          [ "$r" = 0 ] || { [ -n "$e" ] && tb_fail "$e"; tb_fail "$o"; }; }
        # restarted is a stop then a start, a failed stop forgiven when the start succeeds (apache2's
        # init script fails a restart it would have done as stop and start when nginx holds port 80)
        restart_sysv() { tb_changed=1; [ "$tb_check" = 1 ] && return 0
          sysv stop; o1=$o; e1=$e; r1=$r; [ -n "$pause" ] && sleep "$pause"; sysv start
          [ "$r" = 0 ] && return 0
          [ -n "$e1$e" ] && tb_fail "$e1$e"; tb_fail "$o1$o"; }
        case "$state" in
          started) [ "$running" = 1 ] || act start ;;
          stopped) [ "$running" = 1 ] && act stop ;;
          restarted) restart_sysv ;;
          reloaded) if [ "$running" = 1 ]; then act reload; else act start; fi ;;
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
        if [ -n "$pattern" ]; then
          now=false; by_ps && now=true
        else ctl status >/dev/null 2>&1 && now=true || now=false; fi
        st="{\\"running\\":$now}"
        # Ansible's service module shows what it ran: a restart or reload leaves the service started
        case "$state" in restarted|reloaded) state=started ;; esac
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
    vars.put("daemon_reexec", ScriptRun.flag(args.get("daemon_reexec")));
    vars.put("pattern", ScriptRun.str(args.get("pattern")));
    vars.put("pause", ScriptRun.str(args.get("sleep")));
    vars.put("arguments", ScriptRun.str(args.get("arguments")));
    vars.put("no_block", Boolean.TRUE.equals(args.get("no_block")) ? "--no-block" : "");
    vars.put("force", Boolean.TRUE.equals(args.get("force")) ? "--force" : "");
    Object scope = args.get("scope");
    vars.put("scope", scope == null || "system".equals(scope) ? "" : "--" + scope);
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
