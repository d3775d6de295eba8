# shellcheck shell=sh
# Ansible's unarchive: finds the handler that can list the archive (unzip, then tar with gzip,
# none, bzip2, xz, zstd), compares it with dest (GNU tar's --diff; for zip a trial extraction
# compared file by file), extracts with the same command line Ansible builds, then applies
# owner/group/mode to every extracted path. $src is the archive on the target ($staged when the
# controller copied it there), $src_shown the name the result gives.
[ -n "$missing" ] && tb_fail "$missing"
[ -n "$staged" ] && trap 'rm -f -- "$staged"' EXIT
if [ -n "$creates" ] && [ -e "$creates" ]; then
  tb_kb changed 0; tb_kv skipped true; tb_ks msg "skipped, since $creates exists"; tb_emit; exit 0
fi
work=$(mktemp -d) || tb_fail "mktemp failed"
if [ -n "$staged" ]; then trap 'rm -rf -- "$work" "$staged"' EXIT; else trap 'rm -rf -- "$work"' EXIT; fi
case "$src" in
  *://*)
    method=GET url=$src req_headers='' body_file='' url_username='' url_password='' timeout=10 follow=all
    http_agent=ansible-httpget ca_path='' client_cert='' client_key='' use_proxy=1 unix_socket='' decompress=0
    tb_http "$work/download" "$work/headers"
    if [ "$tb_code" = -1 ]; then tb_fail "Failure downloading $src, Request failed: $tb_err"; fi
    [ "$tb_code" = 200 ] || tb_fail "Failure downloading $src, HTTP Error $tb_code: $(tb_http_reason "$work/headers")"
    src=$work/download ;;
esac
[ -e "$src" ] || tb_fail "Source '$src_shown' does not exist"
[ -r "$src" ] || tb_fail "Source '$src_shown' not readable, [Errno 13] Permission denied: '$src_shown'"
[ -d "$dest" ] || tb_fail "dest '$dest' must be an existing dir"
[ -w "$dest" ] || tb_fail "Destination '$dest' not writable"

tar=$(command -v gtar || command -v tar)
unzip=$(command -v unzip)
# The handler: the first command that lists the archive, as Ansible tries them.
handler=''; why=''
if [ -n "$unzip" ]; then
  if "$unzip" -Z -1 "$src" > "$work/list" 2> "$work/err"; then handler=ZipArchive
  else why="$why
Command \"$unzip\" could not handle archive: $(cat "$work/err" "$work/list")
"; fi
else
  why="$why
Command \"unzip\" could not handle archive: Unable to find required 'unzip' or 'zipinfo' binary in the path.
"
fi
if [ -z "$handler" ] && [ -n "$tar" ]; then
  for kind in TgzArchive:-z TarArchive: TarBzipArchive:-j TarXzArchive:-J TarZstdArchive:--use-compress-program=zstd; do
    flag=${kind#*:}
    # shellcheck disable=SC2086 # flag is one word or none
    if LC_ALL=C "$tar" --list $flag -f "$src" > "$work/list" 2> "$work/err"; then handler=${kind%%:*}; break; fi
    why="$why
Command \"$tar\" could not handle archive: Unable to list files in the archive: $(cat "$work/err")
"
  done
elif [ -z "$handler" ]; then
  why="$why
Command \"tar\" could not handle archive: Unable to find required 'gtar' or 'tar' binary in the path
"
fi
[ -n "$handler" ] || tb_fail "Failed to find handler for \"$src_shown\". Make sure the required command to extract the file is installed.$why"

# The command line, as a list of lines ($work/cmd), Ansible's order of arguments.
: > "$work/cmd"
arg() { printf '%s\n' "$1" >> "$work/cmd"; }
each() { printf '%s' "$2" | while IFS= read -r tb_x; do [ -n "$tb_x" ] && printf '%s%s\n' "$1" "$tb_x"; done >> "$work/cmd"; }
if [ "$handler" = ZipArchive ]; then
  arg "$unzip"; arg -o; each '' "$extra_opts"; arg "$src"; each '' "$include"
  [ -n "$exclude" ] && { arg -x; each '' "$exclude"; }
  arg -d; arg "$dest"
else
  arg "$tar"; arg --extract; arg -C; arg "$dest"; [ -n "$flag" ] && arg "$flag"
  [ -n "$extra_opts" ] && { arg --show-transformed-names; each '' "$extra_opts"; }
  [ -n "$owner" ] && arg "--owner=$owner"
  [ -n "$group" ] && arg "--group=$group"
  [ "$keep_newer" = 1 ] && arg --keep-newer-files
  each --exclude= "$exclude"
  arg -f; arg "$src"; each '' "$include"
fi

# Listed entries: only those included, without those excluded (shell patterns, as fnmatch).
wanted() {
  if [ -n "$include" ]; then
    tb_in=0
    while IFS= read -r tb_p; do [ -n "$tb_p" ] || continue
      # shellcheck disable=SC2254 # the argument is a pattern
      case "$1" in $tb_p) tb_in=1 ;; esac
    done <<EOF
$include
EOF
    [ "$tb_in" = 1 ] || return 1
  fi
  while IFS= read -r tb_p; do [ -n "$tb_p" ] || continue
    # shellcheck disable=SC2254 # the argument is a pattern
    case "$1" in $tb_p) return 1 ;; esac
  done <<EOF
$exclude
EOF
  return 0
}
: > "$work/files"
while IFS= read -r f; do wanted "$f" && printf '%s\n' "$f" >> "$work/files"; done < "$work/list"

# Whether dest already holds the archive.
same=1
if [ "$handler" = ZipArchive ]; then
  mkdir "$work/x"
  "$unzip" -o -qq "$src" -d "$work/x" > /dev/null 2>&1
  while IFS= read -r f; do
    case "$f" in
      */) [ -d "$dest/$f" ] || same=0 ;;
      *) cmp -s "$work/x/$f" "$dest/$f" || same=0 ;;
    esac
  done < "$work/files"
else
  set --; [ -n "$flag" ] && set -- "$flag"
  while IFS= read -r tb_p; do [ -n "$tb_p" ] && set -- "$@" "--exclude=$tb_p"; done <<EOF
$exclude
EOF
  set -- "$@" -f "$src"
  while IFS= read -r tb_p; do [ -n "$tb_p" ] && set -- "$@" "$tb_p"; done <<EOF
$include
EOF
  LC_ALL=C "$tar" --diff -C "$dest" "$@" > "$work/diff" 2>&1
  # Differences Ansible does not count: owners (set below), modes when mode is given, times with keep_newer
  if awk -v m="$mode" -v k="$keep_newer" '/Uid differs|Gid differs/ { next }
      m != "" && /Mode differs/ { next } k == 1 && /Mod time differs/ { next } { f = 1 } END { exit !f }' "$work/diff"; then
    same=0
  fi
fi
if [ "$same" = 0 ] && [ "$handler" != ZipArchive ] && [ "$tb_check" = 1 ]; then
  tb_kb changed 0; tb_kv skipped true
  tb_ks msg "remote module (ansible.legacy.unarchive) does not support check mode when using gtar"; tb_emit; exit 0
fi

results=''
if [ "$same" = 0 ]; then
  tb_changed=1
  if [ "$tb_check" != 1 ]; then
    set --
    while IFS= read -r a; do set -- "$@" "$a"; done < "$work/cmd"
    rc=0; LC_ALL=C "$@" > "$work/out" 2> "$work/err" || rc=$?
    cmdjson=$(tb_lines_json < "$work/cmd")
    results="{\"cmd\":$cmdjson,\"err\":$(tb_json < "$work/err"),\"out\":$(tb_json < "$work/out"),\"rc\":$rc}"
    if [ "$rc" != 0 ]; then
      tb_kv changed false; tb_kv extract_results "$results"; tb_kv failed true
      tb_ks msg "failed to unpack $src_shown to $dest"; tb_emit; exit 0
    fi
  fi
fi
# Owner, group and mode on every extracted path (Ansible's set_fs_attributes_if_different)
if [ "$tb_check" != 1 ] || [ "$same" = 1 ]; then
  while IFS= read -r f; do
    p="$dest/$f"
    [ -e "$p" ] || [ -L "$p" ] || continue
    tb_attrs "$p" "$mode" "$owner" "$group" 0 "$attributes"
  done < "$work/files"
fi
[ -n "$results" ] && tb_kv extract_results "$results"
[ "$list_files" = 1 ] && tb_kv files "$(tb_lines_json < "$work/files")"
tb_ks dest "$dest"
tb_stat "$dest" && { tb_kv gid "$tb_gid"; tb_ks group "$tb_group"; tb_ks mode "$tb_mode"; tb_ks owner "$tb_owner"; tb_kv size "$tb_size"; }
tb_ks handler "$handler"; tb_ks src "$src_shown"; tb_ks state directory
tb_stat "$dest" && tb_kv uid "$tb_uid"
tb_end
