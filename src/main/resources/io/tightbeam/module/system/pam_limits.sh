# shellcheck shell=sh disable=SC2154,SC2034 # arguments and tb_run's outputs are set before this script
# community.general.pam_limits: one domain/type/item line of a limits.conf, edited by awk as the
# collection's module edits it (its comment handling and use_max/use_min included); the result
# always carries the file's diff.
f=$dest
# valid ITEM VALUE PREFIX: fails as the module does when VALUE is no limit ITEM takes
valid() {
  case $1 in
    nice | priority)
      if ! printf '%s' "$2" | grep -Eq '^[[:space:]]*[-+]?[0-9]+[[:space:]]*$' ||
          [ "$(printf '%s' "$2" | tr -d ' \t+')" -lt -20 ] || [ "$(printf '%s' "$2" | tr -d ' \t+')" -gt 19 ]; then
        tb_fail "$3 Value of $(tb_repr "$2") for item $(tb_repr "$1") is invalid. Value must be a number in the range -20 to 19 inclusive. Refer to the limits.conf(5) manual pages for more details."
      fi ;;
    *)
      case $2 in
        unlimited | infinity | -1) ;;
        '' | *[!0-9]*) tb_fail "$3 Value of $(tb_repr "$2") for item $(tb_repr "$1") is invalid. Value must either be 'unlimited', 'infinity' or -1, all of which indicate no limit, or a limit of 0 or larger. Refer to the limits.conf(5) manual pages for more details." ;;
      esac ;;
  esac
}
# Python's repr of a text: single quotes unless it holds one and no double quote
tb_repr() { case $1 in *\'*) case $1 in *\"*) printf "'%s'" "$1" ;; *) printf '"%s"' "$1" ;; esac ;; *) printf "'%s'" "$1" ;; esac; }

if [ -f "$f" ]; then
  [ -w "$f" ] || tb_fail "$f is not writable. Use sudo"
else
  d=$(dirname -- "$f")
  if [ -d "$d" ] && [ -w "$d" ]; then : >> "$f"; tb_changed=1
  else tb_fail "directory $d is not writable (check presence, access rights, use sudo)"; fi
fi
[ "$use_max" = 1 ] && [ "$use_min" = 1 ] && tb_fail "Cannot use use_min and use_max at the same time."
valid "$limit_item" "$value" ''
if [ "$backup" = 1 ]; then
  backup_file="$f.$$.$(date +%Y-%m-%d@%H:%M:%S)~"
  cp -p -- "$f" "$backup_file" || tb_fail "Could not make a backup of $f"
fi
new=$(mktemp) || tb_fail "mktemp failed"
mf=$(mktemp) || tb_fail "mktemp failed"
trap 'rm -f -- "$new" "$mf"' EXIT
# awk prints 1 or 0 (changed), or BAD and the item and value of an invalid line; the message to $mf
report=$(TB_OUT=$new TB_MSG=$mf TB_D=$domain TB_T=$limit_type TB_I=$limit_item TB_V=$value TB_MAX=$use_max TB_MIN=$use_min \
  TB_C=$comment LC_ALL=C awk '
  function unl(v) { return v == "unlimited" || v == "infinity" || v == "-1" }
  function emit(s) { printf "%s", s > out }
  BEGIN { out = ENVIRON["TB_OUT"]; d = ENVIRON["TB_D"]; t = ENVIRON["TB_T"]; it = ENVIRON["TB_I"]; v = ENVIRON["TB_V"]
    c = ENVIRON["TB_C"]; nv = v; changed = 0 }
  { line = $0 "\n" }
  substr($0, 1, 1) == "#" { emit(line); next }
  { n = $0; gsub(/[ \t\r\f\v]+/, " ", n); sub(/^ /, "", n); sub(/ $/, "", n) }
  n == "" { emit(line); next }
  { h = index(n, "#"); if (h) n = substr(n, 1, h - 1)
    h = index($0, "#"); oc = h ? substr($0, h + 1) "\n" : ""
    sub(/ +$/, "", n)
    if (c == "") c = oc
    k = split(n, f, " ") }
  k != 4 { emit(line); next }
  { if (f[3] != "nice" && f[3] != "priority" && !unl(f[4]) && f[4] !~ /^[0-9]+$/) { bad = f[3] "\n" f[4]; exit }
    if ((f[3] == "nice" || f[3] == "priority") && (f[4] !~ /^[-+]?[0-9]+$/ || f[4] + 0 < -20 || f[4] + 0 > 19)) { bad = f[3] "\n" f[4]; exit } }
  f[1] == d && f[2] == t && f[3] == it {
    found = 1
    if (v == f[4]) { msg = line; emit(line); next }
    if (ENVIRON["TB_MAX"] == "1") {
      if (unl(f[4])) nv = f[4]; else if (unl(v)) nv = v; else nv = (v + 0 > f[4] + 0 ? v + 0 : f[4] + 0) "" }
    if (ENVIRON["TB_MIN"] == "1") {
      if (unl(f[4]) && unl(v)) nv = f[4]; else if (unl(f[4])) nv = v; else if (unl(v)) nv = f[4]
      else nv = (v + 0 < f[4] + 0 ? v + 0 : f[4] + 0) "" }
    if (nv != f[4]) { changed = 1; if (c != "") c = "\t#" c; msg = d "\t" t "\t" it "\t" nv c "\n"; emit(msg) }
    else { msg = line; emit(line) }
    next }
  { emit(line) }
  END { if (bad != "") { print "BAD"; print bad; exit }
    if (!found) { changed = 1; if (c != "") c = "\t#" c; msg = d "\t" t "\t" it "\t" nv c "\n"; emit(msg) }
    close(out); print changed; printf "%s", msg > ENVIRON["TB_MSG"] }' "$f") || tb_fail "awk failed on $f"
case $report in
  BAD*) bad=${report#BAD
}; item=${bad%%
*}; valid "$item" "${bad#*
}" "Invalid configuration found in '$f'." ;;
esac
[ "$report" = 1 ] && tb_changed=1
msg=$(cat -- "$mf"; echo x); msg=${msg%x}
tb_kv diff "{\"before\":$(tb_json < "$f"),\"after\":$(tb_json < "$new")}"
if [ "$tb_check" != 1 ]; then
  e=$(cat -- "$new" 2>&1 > "$f") || tb_fail "Unable to write $f: $(tb_why "$e")"
fi
[ -n "$backup_file" ] && tb_ks backup_file "$backup_file"
tb_ks msg "$msg"
tb_end
