# shellcheck shell=sh
# ansible.posix.sysctl: the key's line in sysctl_file (every key line rewritten as key=value, as
# Ansible writes it), the running value through `sysctl -w`, and `sysctl -p FILE` after a change.
tb_need sysctl
file=${sysctl_file:-/etc/sysctl.conf}
case "$(printf '%s' "$value" | tr '[:upper:]' '[:lower:]')" in
  yes|on|true) value=1 ;; no|off|false) value=0 ;;
esac
value=$(printf '%s' "$value" | awk '{ $1 = $1; print }')
rewrite() {
  TB_K=$name TB_V=$value TB_S=$state awk '
    { line = $0; t = $0; gsub(/^[ \t]+|[ \t]+$/, "", t) }
    t == "" || t ~ /^[#;]/ || index(t, "=") == 0 { print line; next }
    { k = substr(t, 1, index(t, "=") - 1); v = substr(t, index(t, "=") + 1)
      gsub(/^[ \t]+|[ \t]+$/, "", k); gsub(/^[ \t]+|[ \t]+$/, "", v)
      if (k == ENVIRON["TB_K"]) { if (!seen++ && ENVIRON["TB_S"] == "present") print k "=" ENVIRON["TB_V"]; next }
      print k "=" v }
    END { if (!seen && ENVIRON["TB_S"] == "present") print ENVIRON["TB_K"] "=" ENVIRON["TB_V"] }'
}
before=''; [ -f "$file" ] && before=$(cat -- "$file")
after=$(printf '%s\n' "$before" | sed '${/^$/d}' | rewrite)
was=$(printf '%s\n' "$before" | TB_K=$name awk -F= '{ k = $1; gsub(/^[ \t]+|[ \t]+$/, "", k) } k == ENVIRON["TB_K"] { v = substr($0, index($0, "=") + 1); gsub(/^[ \t]+|[ \t]+$/, "", v); print v; exit }')
found=$(printf '%s\n' "$before" | TB_K=$name awk -F= '{ k = $1; gsub(/^[ \t]+|[ \t]+$/, "", k) } k == ENVIRON["TB_K"] { f = 1 } END { print f + 0 }')
file_change=0
if [ "$state" = present ]; then
  { [ "$found" = 1 ] && [ "$was" = "$value" ]; } || file_change=1
else
  [ "$found" = 1 ] && file_change=1
fi
proc_change=0
if [ "$state" = present ] && [ "$sysctl_set" = 1 ]; then
  now=$(sysctl -e -n "$name" 2>/dev/null | tr '\t' ' ' | awk '{ $1 = $1; print }')
  [ "$now" = "$value" ] || proc_change=1
fi
[ "$file_change" = 1 ] || [ "$proc_change" = 1 ] && tb_changed=1
if [ "$tb_check" != 1 ]; then
  if [ "$proc_change" = 1 ]; then
    tb_run sysctl -w "$name=$value" || tb_fail "setting $name failed: $tb_o$tb_e"
  fi
  if [ "$file_change" = 1 ]; then
    e=$(printf '%s\n' "$after" | LC_ALL=C tee -- "$file" 2>&1 >/dev/null) || tb_fail "Failed to write $file: $(tb_why "$e")"
    if [ "$reload" = 1 ]; then
      set -- sysctl; [ "$ignoreerrors" = 1 ] && set -- "$@" -e
      tb_run "$@" -p "$file"
      if [ "$tb_rc" != 0 ] || { [ "$ignoreerrors" != 1 ] && [ -n "$tb_e" ]; }; then
        tb_fail "Failed to reload sysctl: $tb_o$tb_e"
      fi
    fi
  fi
fi
tb_end
