# shellcheck shell=sh disable=SC2154,SC2034
# get_url: download to a temporary file beside dest, check the checksum, move it into place when
# it differs; an existing dest is asked for with If-Modified-Since unless force.
d=$dest
gu_sum() {
  case "$1" in
    sha224 | sha384 | sha512) if command -v "$1sum" >/dev/null 2>&1; then "$1sum" < "$2" | awk '{print $1}'
      else openssl dgst -"$1" < "$2" | awk '{print $NF}'; fi ;;
    *) tb_sum "$1" "$2" ;;
  esac
}
gu_facts() {
  tb_ks state file
  if tb_stat "$1"; then
    tb_ks mode "$(tb_octal "$tb_mode")"; tb_kv uid "$tb_uid"; tb_kv gid "$tb_gid"; tb_ks owner "$tb_owner"; tb_ks group "$tb_group"; tb_kv size "$tb_size"
  fi
}
if [ -d "$d" ]; then b=${url%%\?*}; b=${b%/}; d="${d%/}/${b##*/}"; fi
tb_ks url "$url"; tb_ks dest "$d"
if [ -n "$checksum_value" ] && [ -f "$d" ] && [ "$force" != 1 ]; then
  have=$(gu_sum "$checksum_algo" "$d")
  if [ "$have" = "$checksum_value" ]; then
    tb_ks msg "file already exists"; tb_kv checksum_dest null; tb_kv checksum_src null; tb_kv elapsed 0
    tb_attrs "$d" "$mode" "$owner" "$group" 0 "$attributes"
    gu_facts "$d"; tb_kb changed "$tb_changed"; tb_emit; exit 0
  fi
fi
parent=$(dirname -- "$d")
[ -d "$parent" ] || tb_fail "Destination dir $parent not writable"
work=$(mktemp -d "${tmp_dest:-${TMPDIR:-/tmp}}/tb-get_url.XXXXXX") || tb_fail "cannot make a temporary directory"
trap 'rm -rf -- "$work"' EXIT
since=''; [ -f "$d" ] && [ "$force" != 1 ] && since=$d
before=''; [ -f "$d" ] && before=$(tb_sum sha1 "$d")
start=$(date +%s)
if [ "$tb_check" = 1 ]; then
  : > "$work/body"
  # Ansible's check mode asks nothing of the server: the checksum is that of nothing
  tb_kv checksum_dest "$( [ -n "$before" ] && printf '"%s"' "$before" || printf null)"
  tb_ks checksum_src "$(tb_sum sha1 "$work/body")"; tb_kv elapsed 0; tb_ks msg "OK (unknown bytes)"
  tb_ks src "$work/body"; tb_kb changed 1; tb_emit; exit 0
fi
tb_http "$work/body" "$work/headers" "$since"
tb_kv elapsed "$(( $(date +%s) - start ))"
tb_kv status_code "$tb_code"
if [ "$tb_code" = 304 ]; then
  tb_ks msg "HTTP Error 304: Not Modified"
  tb_attrs "$d" "$mode" "$owner" "$group" 0 "$attributes"
  gu_facts "$d"; tb_kb changed "$tb_changed"; tb_emit; exit 0
fi
if [ "$tb_code" = -1 ]; then tb_fail "Request failed: $tb_err"; fi
[ "$tb_code" -ge 200 ] && [ "$tb_code" -lt 300 ] || { tb_ks response "HTTP Error $tb_code: $(tb_http_reason "$work/headers")"; tb_fail "Request failed"; }
length=$(awk '/^HTTP\// { l = "" } tolower($0) ~ /^content-length:/ { sub(/\r$/, ""); l = $2 } END { print l }' "$work/headers")
src_sum=$(tb_sum sha1 "$work/body")
if [ -n "$checksum_value" ]; then
  got=$(gu_sum "$checksum_algo" "$work/body")
  [ "$got" = "$checksum_value" ] || tb_fail "The checksum for $d did not match $checksum_value; it was $got."
fi
if [ "$src_sum" != "$before" ]; then
  tb_changed=1
  [ -w "$parent" ] || tb_fail "Destination $parent is not writable"
  if [ "$backup" = 1 ] && [ -f "$d" ]; then
    bf="$d.$$.$(date +%Y-%m-%d@%H:%M:%S)~"; cp -p -- "$d" "$bf" || tb_fail "Could not back up $d"; tb_ks backup_file "$bf"
  fi
  t="$parent/.tb-get_url.$$"
  e=$(LC_ALL=C cp -- "$work/body" "$t" 2>&1) || { rm -f -- "$t"; tb_fail "failed to copy $work/body to $d: $(tb_why "$e")"; }
  if tb_stat "$d"; then chmod "$tb_mode" "$t"; chown "$tb_uid:$tb_gid" "$t" 2>/dev/null
  else chmod "$(printf '%04o' $(( 0666 & ~0$(umask) )))" "$t"; fi
  tb_move "$t" "$d" || tb_fail "failed to copy $work/body to $d: $tb_e"
  m=$(tb_sum md5 "$d") && tb_ks md5sum "$m"
fi
tb_kv checksum_dest "$( [ -n "$before" ] && printf '"%s"' "$before" || printf null)"
tb_ks checksum_src "$src_sum"
tb_ks msg "OK (${length:-unknown} bytes)"
tb_ks src "$work/body"
tb_attrs "$d" "$mode" "$owner" "$group" 0 "$attributes"
gu_facts "$d"; tb_kb changed "$tb_changed"; tb_emit
