package io.tightbeam.module;

import io.tightbeam.module.OptionSpec.Type;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Ansible's {@code wait_for}: waits on the target until a TCP port opens or closes, or a file
 * appears (optionally containing {@code search_regex}) or disappears. Ports are probed with
 * {@code nc -z}, bash's {@code /dev/tcp}, or {@code ss}/{@code netstat} for local listeners.
 */
final class WaitForModule implements RemoteModule {
  private static final OptionSpec SPEC =
      new OptionSpec("wait_for")
          .add("host", Type.STR, "127.0.0.1")
          .add("port", Type.INT)
          .aliased("path", Type.STR, "dest")
          .aliased("search_regex", Type.STR, "regexp")
          .add(new OptionSpec.Option("state", Type.STR, "started",
              List.of("absent", "drained", "present", "started", "stopped"), List.of(), false))
          .add("timeout", Type.INT, 300)
          .add("delay", Type.INT, 0)
          .add("sleep", Type.INT, 1)
          .add("connect_timeout", Type.INT, 5)
          .add("msg", Type.STR)
          .add("exclude_hosts", Type.LIST)
          .add("active_connection_states", Type.LIST);

  private static final String BODY =
      """
      start=$(date +%s)
      [ "$delay" -gt 0 ] && sleep "$delay"
      port_open() {
        if command -v nc >/dev/null 2>&1; then nc -z -w "$connect_timeout" "$host" "$port" >/dev/null 2>&1; return
        fi
        if command -v bash >/dev/null 2>&1; then
          tmo=''; command -v timeout >/dev/null 2>&1 && tmo="timeout $connect_timeout"
          $tmo bash -c 'exec 3<>"/dev/tcp/$1/$2"' _ "$host" "$port" >/dev/null 2>&1; return
        fi
        if command -v ss >/dev/null 2>&1; then ss -ltn 2>/dev/null | awk -v p=":$port" '$4 ~ p"$" {f=1} END {exit !f}'; return; fi
        netstat -ltn 2>/dev/null | awk -v p=":$port" '$4 ~ p"$" {f=1} END {exit !f}'
      }
      ready() {
        if [ -n "$port" ]; then
          case "$state" in started|present) port_open ;; *) ! port_open ;; esac
        elif [ -n "$path" ]; then
          case "$state" in
            absent|stopped) [ ! -e "$path" ] ;;
            *) [ -e "$path" ] && { [ -z "$re" ] || grep -Eq -- "$re" "$path" 2>/dev/null; } ;;
          esac
        else false; fi
      }
      if [ -z "$port" ] && [ -z "$path" ]; then
        sleep "$timeout"
      else
        until ready; do
          now=$(date +%s)
          if [ $(( now - start )) -ge "$timeout" ]; then
            tb_kv elapsed "$(( now - start ))"
            if [ -n "$msg" ]; then tb_fail "$msg"; fi
            if [ -n "$port" ]; then
              case "$state" in started|present) tb_fail "Timeout when waiting for $host:$port" ;;
                *) tb_fail "Timeout when waiting for $host:$port to stop." ;; esac
            fi
            case "$state" in
              absent|stopped) tb_fail "Timeout when waiting for $path to be absent." ;;
              *) [ -n "$re" ] && tb_fail "Timeout when waiting for search string $re_shown in $path"
                 tb_fail "Timeout when waiting for file $path" ;;
            esac
          fi
          sleep "$sleep"
        done
      fi
      tb_kv elapsed "$(( $(date +%s) - start ))"; tb_ks state "$state"
      [ -n "$port" ] && tb_kv port "$port"
      [ -n "$path" ] && tb_ks path "$path"
      if [ -n "$re" ]; then tb_ks search_regex "$re_shown"; tb_kv match_groups '[]'; tb_kv match_groupdict '{}'; fi
      tb_kb changed 0; tb_emit
      """;

  @Override
  public String name() {
    return "wait_for";
  }

  @Override
  public Map<String, Object> checkArgs(Map<String, Object> args) {
    Map<String, Object> a = SPEC.check(args);
    if (a.get("port") != null && a.get("path") != null) {
      throw new ModuleArgumentException("parameters are mutually exclusive: port|path");
    }
    if (a.get("search_regex") != null && a.get("port") != null) {
      throw new ModuleArgumentException("search_regex is only supported with path by Tightbeam's wait_for");
    }
    return a;
  }

  @Override
  public RemoteScript script(Map<String, Object> args, TargetContext target) {
    Map<String, String> vars = new LinkedHashMap<>();
    vars.put("host", ScriptRun.str(args.get("host")));
    vars.put("port", ScriptRun.str(args.get("port")));
    vars.put("path", ScriptRun.str(args.get("path")));
    String re = ScriptRun.str(args.get("search_regex"));
    vars.put("re", re.isEmpty() ? "" : LineInFileModule.ere(re));
    vars.put("re_shown", re);
    vars.put("state", ScriptRun.str(args.get("state")));
    vars.put("timeout", ScriptRun.str(args.get("timeout")));
    vars.put("delay", ScriptRun.str(args.get("delay")));
    vars.put("sleep", ScriptRun.str(args.get("sleep")));
    vars.put("connect_timeout", ScriptRun.str(args.get("connect_timeout")));
    vars.put("msg", ScriptRun.str(args.get("msg")));
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
