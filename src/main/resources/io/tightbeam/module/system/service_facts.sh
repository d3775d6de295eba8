# shellcheck shell=sh
# Ansible's service_facts: systemd's units (list-units, then list-unit-files for the status) when
# systemd runs the host, else the init scripts `service --status-all` shows, else OpenRC's
# rc-status; each service {name, state, status, source} as Ansible names them.
work=$(mktemp -d) || tb_fail "mktemp failed"
trap 'rm -rf -- "$work"' EXIT
: > "$work/services"
canary=${TB_SYSTEMD_CANARY:-/run/systemd/system}
if command -v systemctl >/dev/null 2>&1 && [ -d "$canary" ]; then
  systemctl list-units --no-pager --type service --all 2>/dev/null | LC_ALL=C awk '
    index($0, ".service") {
      state = "stopped"; status = "unknown"; bad = 0
      n = split($0, f, " ")
      for (i = 1; i <= n; i++) if (f[i] == "not-found" || f[i] == "masked" || f[i] == "failed") { state = f[i]; bad = 1; break }
      s = bad ? 1 : 0
      if (!bad) status = f[3]
      if (f[4 + s] == "running") state = "running"
      print f[1 + s] "\t" state "\t" status "\tsystemd"
    }' > "$work/units"
  systemctl list-unit-files --no-pager --type service --all 2>/dev/null | LC_ALL=C awk 'index($0, ".service") { print $1 "\t" $2 }' > "$work/files"
  while IFS="$(printf '\t')" read -r name status; do
    if ! awk -F '\t' -v n="$name" '$1 == n { f = 1 } END { exit !f }' "$work/units"; then
      state=$(systemctl show "$name" --property=ActiveState 2>/dev/null) && [ -n "$state" ] && state=${state#ActiveState=} || state=unknown
      printf '%s\t%s\t%s\tsystemd\n' "$name" "$state" "$status" >> "$work/units"
    fi
  done < "$work/files"
  LC_ALL=C awk -F '\t' 'NR == FNR { st[$1] = $2; next } { if ($1 in st) $3 = st[$1]; print $1 "\t" $2 "\t" $3 "\t" $4 }' OFS='\t' \
    "$work/files" "$work/units" >> "$work/services"
fi
if command -v service >/dev/null 2>&1 && ! command -v chkconfig >/dev/null 2>&1 && ! command -v rc-status >/dev/null 2>&1; then
  service --status-all 2>/dev/null | LC_ALL=C awk 'NF >= 4 && ($2 == "+" || $2 == "-") {
      name = $4; for (i = 5; i <= NF; i++) name = name " " $i
      print name "\t" ($2 == "+" ? "running" : "stopped") "\t\tsysv" }' >> "$work/services"
fi
if command -v rc-status >/dev/null 2>&1 && command -v rc-update >/dev/null 2>&1; then
  rc-status --all 2>/dev/null | LC_ALL=C awk '/\[/ && !/^Runlevel/ {
      s = $0; sub(/^[ \t]+/, "", s); name = s; sub(/[ \t].*/, "", name)
      print name "\t" (s ~ /started/ ? "running" : "stopped") "\t\topenrc" }' >> "$work/services"
fi
[ -s "$work/services" ] || tb_fail "Failed to find any services. This can be due to privileges or some other configuration issue."
# The last line of a name wins, as later scanners replace earlier ones in Ansible's dict.
services=$(LC_ALL=C awk -F '\t' '
  '"$tb_awk_json"'
  BEGIN { jinit() }
  { if (!($1 in seen)) order[++n] = $1; seen[$1] = 1; st[$1] = $2; stat[$1] = $3; src[$1] = $4 }
  END { out = ""
    for (i = 1; i <= n; i++) { k = order[i]
      e = "\"name\":" jstr(k) ",\"source\":" jstr(src[k]) ",\"state\":" jstr(st[k])
      if (src[k] == "systemd") e = e ",\"status\":" jstr(stat[k])
      out = out (i > 1 ? "," : "") jstr(k) ":{" e "}" }
    printf "{%s}", out }' "$work/services")
tb_kv ansible_facts "{\"services\":$services}"
tb_end
