# shellcheck shell=sh
# Ansible's cron: "#Ansible: NAME" marks a job's line; env lines are NAME="value". A user crontab
# goes through `crontab`, a cron_file (in /etc/cron.d unless absolute) is written directly.
if [ -n "$cron_file" ]; then
  case "$cron_file" in /*) cf=$cron_file ;; *) cf=/etc/cron.d/$cron_file ;; esac
else cf=''; tb_need crontab; fi
[ "$state" = present ] && [ -z "$job" ] && tb_fail "You must specify 'job' to install a new cron job or variable"
if [ -n "$special_time" ] && [ "$env" != 1 ]; then
  for f in "$minute" "$hour" "$day" "$month" "$weekday"; do
    [ "$f" = '*' ] || tb_fail "You must specify time and date fields or special time."
  done
fi
[ -n "$cf" ] && [ "$state" = present ] && [ -z "$user" ] && tb_fail "To use cron_file=... parameter you must specify user=... as well"
{ before=$(mktemp) && after=$(mktemp); } || tb_fail "cannot make a temporary file"
trap 'rm -f -- "$before" "$after"' EXIT
if [ -n "$cf" ]; then
  [ -f "$cf" ] && cat -- "$cf" > "$before"
else
  set -- crontab; [ -n "$user" ] && set -- "$@" -u "$user"
  "$@" -l 2>/dev/null > "$before" || : > "$before"
fi
if [ "$env" = 1 ]; then
  decl="$name=\"$job\""
else
  pre=''; [ "$disabled" = 1 ] && pre='#'
  if [ -n "$special_time" ]; then when="@$special_time"; else when="$minute $hour $day $month $weekday"; fi
  decl="$pre$when${cf:+ $user} $job"
fi
TB_NAME=$name TB_DECL=$decl TB_STATE=$state TB_ENV=$env TB_AFTER=$insertafter TB_BEFORE=$insertbefore LC_ALL=C awk '
  function envname(s) { if (s ~ /^[ \t]*[A-Za-z_][A-Za-z0-9_]*[ \t]*=/) { sub(/^[ \t]*/, "", s); sub(/[ \t]*=.*/, "", s); return s } return "" }
  { l[++n] = $0 }
  END {
    name = ENVIRON["TB_NAME"]; decl = ENVIRON["TB_DECL"]; present = ENVIRON["TB_STATE"] == "present"
    if (ENVIRON["TB_ENV"] == "1") {
      at = 0
      for (i = 1; i <= n; i++) if (envname(l[i]) == name) at = i
      if (at) { if (present) l[at] = decl; else del[at] = 1 }
      else if (present) {
        pos = 0; want = ENVIRON["TB_AFTER"] != "" ? ENVIRON["TB_AFTER"] : ENVIRON["TB_BEFORE"]
        if (want != "") for (i = 1; i <= n; i++) if (envname(l[i]) == want) pos = ENVIRON["TB_AFTER"] != "" ? i : i - 1
        ins[pos] = decl
      }
    } else {
      at = 0
      for (i = 1; i <= n; i++) if (l[i] == "#Ansible: " name) at = i
      if (at) { if (present) l[at + 1] = decl; else { del[at] = 1; del[at + 1] = 1 } }
      else if (present) { l[++n] = "#Ansible: " name; l[++n] = decl }
    }
    if (0 in ins) print ins[0]
    for (i = 1; i <= n; i++) { if (!(i in del)) print l[i]; if (i in ins) print ins[i] }
  }' "$before" > "$after"
lists() {
  tb_kv envs "$(awk '/^[ \t]*[A-Za-z_][A-Za-z0-9_]*[ \t]*=/ { s = $0; sub(/^[ \t]*/, "", s); sub(/[ \t]*=.*/, "", s); print s }' "$1" | tb_lines_json)"
  tb_kv jobs "$(sed -n 's/^#Ansible: //p' "$1" | tb_lines_json)"
}
[ -n "$cf" ] && tb_ks cron_file "$cf"
if [ -n "$cf" ] && [ "$state" = absent ] && [ ! -s "$after" ] && [ -f "$cf" ]; then
  [ "$tb_check" = 1 ] || rm -f -- "$cf" || tb_fail "Failed to remove $cf"
  tb_changed=1; tb_kv diff '{}'; tb_ks state absent; tb_end
fi
if ! cmp -s -- "$before" "$after"; then
  tb_changed=1
  if [ "$tb_diff" = 1 ]; then
    tb_file_diff "$before" "$after" "${cf:-crontab}"
  fi
  if [ "$tb_check" != 1 ]; then
    if [ "$backup" = 1 ]; then bf=$(mktemp) && cp -- "$before" "$bf" && tb_ks backup_file "$bf"; fi
    if [ -n "$cf" ]; then
      e=$(LC_ALL=C cat -- "$after" 2>&1 > "$cf") || tb_fail "Failed to write $cf: $(tb_why "$e")"
    else
      set -- crontab; [ -n "$user" ] && set -- "$@" -u "$user"
      chmod 0644 "$after"
      tb_run "$@" "$after" || tb_fail "Unable to update crontab: $tb_o$tb_e"
    fi
  fi
fi
lists "$after"
tb_end
