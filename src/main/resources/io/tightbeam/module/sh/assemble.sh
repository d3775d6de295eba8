# shellcheck shell=sh disable=SC2154,SC2034
# assemble: the fragments of src (sorted by name) joined into dest, a newline after a fragment
# that lacks one and the delimiter between fragments; dest replaced only when the sum differs.
[ -e "$src" ] || tb_fail "Source ($src) does not exist"
[ -d "$src" ] || tb_fail "Source ($src) is not a directory"
tmp=$(mktemp) || tb_fail "cannot make a temporary file"
trap 'rm -f -- "$tmp" "$tmp.ls"' EXIT
(cd -- "$src" && LC_ALL=C ls -A) > "$tmp.ls" || tb_fail "cannot list $src"
first=1; newline=0
while IFS= read -r f; do
  [ -n "$regexp" ] && { printf '%s\n' "$f" | grep -Eq -- "$regexp" || continue; }
  [ -f "$src/$f" ] || continue
  case "$f" in .*) [ "$ignore_hidden" = 1 ] && continue ;; esac
  [ "$newline" = 1 ] && printf '\n' >> "$tmp"
  if [ "$first" != 1 ] && [ -n "$delimiter" ]; then
    printf '%s' "$delimiter" >> "$tmp"
    case "$delimiter" in *"
") ;; *) printf '\n' >> "$tmp" ;; esac
  fi
  cat -- "$src/$f" >> "$tmp" || tb_fail "cannot read $src/$f"
  first=0; newline=1
  [ -s "$src/$f" ] && [ "$(tail -c 1 -- "$src/$f" | od -An -tu1 | tr -d ' ')" = 10 ] && newline=0
done < "$tmp.ls"
want=$(tb_sum sha1 "$tmp"); have=''
[ -f "$dest" ] && have=$(tb_sum sha1 "$dest")
if [ "$want" != "$have" ]; then
  tb_changed=1
  if [ -n "$validate_cmd" ]; then
    vout=$(f=$tmp sh -c "$validate_cmd" 2>&1) || { tb_changed=0; tb_fail "failed to validate: rc:$? error:$vout"; }
  fi
  if [ "$backup" = 1 ] && [ -f "$dest" ]; then
    bf="$dest.$$.$(date +%Y-%m-%d@%H:%M:%S)~"; cp -p -- "$dest" "$bf" || tb_fail "Could not back up $dest"; tb_ks backup_file "$bf"
  fi
  t="$(dirname -- "$dest")/.tb-assemble.$$"
  e=$(LC_ALL=C cp -- "$tmp" "$t" 2>&1) || { rm -f -- "$t"; tb_fail "Could not write $dest: $(tb_why "$e")"; }
  if tb_stat "$dest"; then chmod "$tb_mode" "$t"; chown "$tb_uid:$tb_gid" "$t" 2>/dev/null
  else chmod "$(printf '%04o' $(( 0666 & ~0$(umask) )))" "$t"; fi
  tb_move "$t" "$dest" || tb_fail "Could not replace $dest: $tb_e"
fi
tb_attrs "$dest" "$mode" "$owner" "$group" 0 "$attributes"
tb_ks src "$src"; tb_ks dest "$dest"; tb_ks checksum "$want"
m=$(tb_sum md5 "$dest") && tb_ks md5sum "$m"
tb_ks state file
if tb_stat "$dest"; then
  tb_ks mode "$(tb_octal "$tb_mode")"; tb_kv uid "$tb_uid"; tb_kv gid "$tb_gid"; tb_ks owner "$tb_owner"; tb_ks group "$tb_group"; tb_kv size "$tb_size"
fi
tb_ks msg OK; tb_kb changed "$tb_changed"; tb_emit
