# shellcheck shell=sh
# Ansible's group: groupadd/groupmod/groupdel (shadow), else BusyBox addgroup/delgroup.
gid_now() { tb_entry group "$name" | cut -d: -f3; }
shadow_tools=0; command -v groupadd >/dev/null 2>&1 && shadow_tools=1
[ "$shadow_tools" = 1 ] || tb_need groupadd addgroup
if [ "$state" = absent ]; then
  if [ -n "$(gid_now)" ]; then
    [ "$tb_check" = 1 ] && { tb_kb changed 1; tb_emit; exit 0; }
    if [ "$shadow_tools" = 1 ]; then tb_do groupdel "$name"; else tb_do delgroup "$name"; fi || tb_fail "$tb_e"
  fi
  tb_ks name "$name"; tb_ks state absent; tb_end
fi
if [ -z "$(gid_now)" ]; then
  [ "$tb_check" = 1 ] && { tb_kb changed 1; tb_emit; exit 0; }
  if [ "$shadow_tools" = 1 ]; then
    set -- groupadd; [ -n "$gid" ] && set -- "$@" -g "$gid"; [ "$non_unique" = 1 ] && set -- "$@" -o
    [ "$system" = 1 ] && set -- "$@" -r
  else
    set -- addgroup; [ -n "$gid" ] && set -- "$@" -g "$gid"; [ "$system" = 1 ] && set -- "$@" -S
  fi
  tb_do "$@" "$name" || tb_fail "$tb_e"
elif [ -n "$gid" ] && [ "$gid" != "$(gid_now)" ]; then
  [ "$shadow_tools" = 1 ] || tb_fail "tightbeam changes a group's gid with groupmod, which this host lacks"
  set -- groupmod -g "$gid"; [ "$non_unique" = 1 ] && set -- "$@" -o
  tb_do "$@" "$name" || tb_fail "$tb_e"
fi
tb_kv gid "$(gid_now)"; tb_ks name "$name"; tb_ks state present; tb_kb system "$system"
tb_end
