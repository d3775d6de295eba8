# shellcheck shell=sh
# Ansible's sysvinit: the init script in /etc/init.d runs start/stop/restart/reload when the
# state asks (running told by `status`, or by pattern in ps); enabled is the S links in
# /etc/rc?.d, changed with update-rc.d or chkconfig. Each part's rc and output is in status.
initd=${TB_INITD:-/etc/init.d}
rcd=${initd%/init.d}
script="$initd/$name"
[ -x "$script" ] || tb_fail "Could not find the requested service $name: "
running() {
  if [ -n "$pattern" ]; then pgrep -f -- "$pattern" >/dev/null 2>&1; return; fi
  "$script" status >/dev/null 2>&1
}
# part KEY CHANGED: the status entry of one part, null outputs when nothing ran
part() {
  if [ "$2" = 1 ] && [ "$tb_check" != 1 ]; then
    printf '"%s":{"changed":true,"rc":%s,"stderr":%s,"stdout":%s}' "$1" "$tb_rc" "$(printf '%s' "$tb_e" | tb_json)" "$(printf '%s' "$tb_o" | tb_json)"
  else
    printf '"%s":{"changed":%s,"rc":null,"stderr":null,"stdout":null}' "$1" "$([ "$2" = 1 ] && echo true || echo false)"
  fi
}
# act ARG: runs the script with ARG (and arguments) unless in check mode; a failure ends the task
act() {
  [ "$tb_check" = 1 ] && return 0
  # shellcheck disable=SC2086 # arguments are words
  tb_run "$script" "$1" $arguments || tb_fail "Unable to $1 service $name: $tb_e"
}
en_changed=0
if [ -n "$enabled" ]; then
  is_on=0
  for l in "$rcd"/rc[2-5].d/S*"$name"; do [ -e "$l" ] && { is_on=1; break; }; done
  if [ "$is_on" != "$enabled" ]; then
    en_changed=1; tb_changed=1
    if [ "$tb_check" != 1 ]; then
      if [ "$enabled" = 1 ]; then word=enable; on=on; else word=disable; on=off; fi
      if command -v update-rc.d >/dev/null 2>&1; then
        tb_run update-rc.d "$name" defaults; tb_run update-rc.d "$name" "$word" || tb_fail "Unable to $word service $name: $tb_e"
      elif command -v chkconfig >/dev/null 2>&1; then tb_run chkconfig "$name" "$on" || tb_fail "Unable to $word service $name: $tb_e"
      else tb_fail "Failed to find required executable \"update-rc.d\" in paths: $PATH"; fi
    fi
  fi
fi
en_part=$(part enabled "$en_changed")
st_changed=0
if [ -n "$state" ]; then
  case "$state" in
    started) running || { st_changed=1; act start; } ;;
    stopped) running && { st_changed=1; act stop; } ;;
    restarted) st_changed=1; if [ "$tb_check" != 1 ]; then act stop; sleep "$sleep"; act start; fi ;;
    reloaded) st_changed=1; act reload ;;
  esac
  [ "$st_changed" = 1 ] && tb_changed=1
fi
tb_ks name "$name"
if [ -n "$state" ]; then tb_kv status "{$en_part,$(part "$state" "$st_changed")}"; else tb_kv status "{$en_part}"; fi
tb_end
