package io.tightbeam.module;

import io.tightbeam.module.OptionSpec.Type;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Ansible's {@code wait_for}: waits on the target until a TCP port opens or closes or is drained of
 * connections, or a file appears (optionally containing {@code search_regex}) or disappears. Ports
 * are probed with {@code nc -z}, bash's {@code /dev/tcp}, or {@code ss}/{@code netstat} for local
 * listeners; connections are counted in /proc/net/tcp.
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
          .add("active_connection_states", Type.LIST,
              List.of("ESTABLISHED", "FIN_WAIT1", "FIN_WAIT2", "SYN_RECV", "SYN_SENT", "TIME_WAIT"));

  /** Connection states as /proc/net/tcp numbers them. */
  private static final Map<String, String> STATE_IDS = Map.of("ESTABLISHED", "01", "SYN_SENT", "02",
      "SYN_RECV", "03", "FIN_WAIT1", "04", "FIN_WAIT2", "05", "TIME_WAIT", "06");

  /**
   * Counts the TCP connections to the port in /proc/net/tcp and tcp6 (Linux) in the given states
   * whose local address is one of the host's (or any, for 0.0.0.0 and ::) and whose peer is not
   * excluded, as Ansible's {@code drained} does. Addresses are written there as hex words; an IPv4
   * address mapped into IPv6 (a dual-stack server) counts as the IPv4 address, which Ansible misses.
   */
  private static final String CONNECTIONS =
      """
      function pad(g) { return substr("0000" g, length(g) + 1) }
      function hex(ip,   p, n, h, t, nh, nt, i, full, out, w, word) {
        if (ip !~ /:/) { split(ip, p, "."); return sprintf("%02X%02X%02X%02X", p[4], p[3], p[2], p[1]) }
        n = split(ip, p, "::"); nh = p[1] == "" ? 0 : split(p[1], h, ":"); nt = n > 1 && p[2] != "" ? split(p[2], t, ":") : 0
        full = ""; for (i = 1; i <= nh; i++) full = full pad(h[i])
        for (i = 0; i < 8 - nh - nt; i++) full = full "0000"
        for (i = 1; i <= nt; i++) full = full pad(t[i])
        full = toupper(full); out = ""
        for (w = 0; w < 4; w++) { word = substr(full, w * 8 + 1, 8); out = out substr(word, 7, 2) substr(word, 5, 2) substr(word, 3, 2) substr(word, 1, 2) }
        return out
      }
      BEGIN { n = split(ENVIRON["TB_HOSTS"], a, " "); for (i = 1; i <= n; i++) host[hex(a[i])] = 1
        n = split(ENVIRON["TB_EXCLUDED"], a, " "); for (i = 1; i <= n; i++) excluded[hex(a[i])] = 1
        n = split(ENVIRON["TB_STATES"], a, " "); for (i = 1; i <= n; i++) state[a[i]] = 1
        port = sprintf("%04X", ENVIRON["TB_PORT"]) }
      FNR == 1 { next }
      function v4(a) { return substr(a, 1, 24) == "0000000000000000FFFF0000" ? substr(a, 25) : a }
      { split($2, l, ":"); split($3, r, ":"); l[1] = v4(l[1]); r[1] = v4(r[1])
        if (!($4 in state) || l[2] != port || (r[1] in excluded)) next
        any = length(l[1]) == 8 ? "00000000" : "00000000000000000000000000000000"
        if ((l[1] in host) || (any in host)) count++ }
      END { print count + 0 }
      """;

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
      tb_ips() {
        case "$1" in *:* | *[!0-9.]*) ;; *) echo "$1"; return ;; esac
        case "$1" in *:*) echo "$1"; return ;; esac
        getent ahosts "$1" 2>/dev/null | awk '{ print $1 }' | sort -u
      }
      drained() {
        tb_h=''; for tb_x in $(tb_ips "$host"); do tb_h="$tb_h $tb_x"; done
        tb_x=''; for tb_y in $exclude_hosts; do tb_x="$tb_x $(tb_ips "$tb_y" | tr '\\n' ' ')"; done
        [ "$(TB_HOSTS=$tb_h TB_EXCLUDED=$tb_x TB_STATES=$state_ids TB_PORT=$port awk "$connections" /proc/net/tcp /proc/net/tcp6 2>/dev/null)" = 0 ]
      }
      # search_regex as Python's re.search (MULTILINE) over the file; perl, when the target has it,
      # also gives the groups (Python's (?P<name>...) is perl's too), else grep -E finds the match.
      groups='[]'; named='{}'
      found() {
        if command -v perl >/dev/null 2>&1; then
          tb_g=$(TB_RE=$re_shown perl -e '
            local $/; open(my $f, "<", $ARGV[0]) or exit 1; my $t = <$f>;
            $t =~ /$ENV{TB_RE}/m or exit 1;
            my @g = map { defined $-[$_] ? substr($t, $-[$_], $+[$_] - $-[$_]) : undef } 1 .. $#-;
            sub js { my $v = shift; return "null" unless defined $v; $v =~ s/(["\\\\])/\\\\$1/g;
              $v =~ s/\\n/\\\\n/g; $v =~ s/\\t/\\\\t/g; $v =~ s/([\\x00-\\x1f])/sprintf("\\\\u%04x", ord $1)/ge; "\\"$v\\"" }
            my %n = %+; print "[", join(",", map { js($_) } @g), "]\\n{",
              join(",", map { js($_) . ":" . js($n{$_}) } sort keys %n), "}\\n"' "$path" 2>/dev/null) || return 1
          groups=$(printf '%s\\n' "$tb_g" | sed -n 1p); named=$(printf '%s\\n' "$tb_g" | sed -n 2p)
        else grep -Eq -- "$re" "$path" 2>/dev/null; fi
      }
      ready() {
        if [ -n "$port" ]; then
          case "$state" in started|present) port_open ;; drained) drained ;; *) ! port_open ;; esac
        elif [ -n "$path" ]; then
          case "$state" in
            absent|stopped) [ ! -e "$path" ] ;;
            *) [ -e "$path" ] && { [ -z "$re" ] || found; } ;;
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
                drained) tb_fail "Timeout when waiting for $host:$port to drain" ;;
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
      if [ -n "$re" ]; then tb_ks search_regex "$re_shown"; tb_kv match_groups "$groups"; tb_kv match_groupdict "$named"; fi
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
    Object state = a.get("state");
    if (a.get("path") != null && ("stopped".equals(state) || "drained".equals(state))) {
      throw new ModuleArgumentException("state=" + state + " should only be used for checking a port in the wait_for module");
    }
    if (a.get("exclude_hosts") != null && !"drained".equals(state)) {
      throw new ModuleArgumentException("exclude_hosts should only be with state=drained");
    }
    @SuppressWarnings("unchecked")
    List<String> states = (List<String>) a.get("active_connection_states");
    for (String s : states) {
      if (!STATE_IDS.containsKey(s)) {
        throw new ModuleArgumentException("unknown active_connection_state (" + s + ") defined");
      }
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
    @SuppressWarnings("unchecked")
    List<String> states = (List<String>) args.get("active_connection_states");
    vars.put("state_ids", String.join(" ", states.stream().map(STATE_IDS::get).toList()));
    Object excluded = args.get("exclude_hosts");
    vars.put("exclude_hosts", excluded instanceof List<?> l ? String.join(" ", l.stream().map(String::valueOf).toList()) : "");
    vars.put("connections", CONNECTIONS);
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
