# shellcheck shell=sh disable=SC2154,SC2034
# blockinfile: one marked block in a file, replaced where its two markers are, else inserted after
# or before the last line matching a regexp (POSIX ERE from the controller), at EOF or BOF.
p=$path
[ -d "$p" ] && { tb_kv rc 256; tb_fail "Path $p is a directory !"; }
exists=1
if [ ! -e "$p" ]; then
  exists=0
  [ "$create" = 1 ] || { tb_kv rc 257; tb_fail "Path $p does not exist !"; }
  pd=$(dirname -- "$p")
  if [ ! -e "$pd" ] && [ "$tb_check" != 1 ]; then
    e=$(LC_ALL=C mkdir -p -- "$pd" 2>&1) || tb_fail "Error creating $pd Error code: $(tb_errno "$e" "$pd")"
  fi
fi
[ "$exists" = 0 ] || [ -r "$p" ] || tb_fail "[Errno 13] Permission denied: '$p'"
[ "$exists" = 0 ] && [ "$state" = absent ] && { tb_ks msg "File $p not present"; tb_kb changed 0; tb_emit; exit 0; }
src=$p; [ "$exists" = 1 ] || src=/dev/null
tmp=$(mktemp) || tb_fail "cannot make a temporary file"
trap 'rm -f -- "$tmp"' EXIT
# awk sees lines without their newline: whether the last one had one is told apart here
nonl=0
[ -s "$src" ] && [ "$(tail -c 1 -- "$src" | od -An -tu1 | tr -d ' ')" != 10 ] && nonl=1
TB_M0=$marker0 TB_M1=$marker1 TB_RE=$where_re TB_WHERE=$where TB_BLOCK=$block TB_NONL=$nonl \
TB_PUT=$([ "$state" = present ] && [ -n "$block" ] && echo 1) LC_ALL=C awk '
  { l[NR] = $0; t[NR] = 1 }
  END {
    m0 = ENVIRON["TB_M0"]; m1 = ENVIRON["TB_M1"]; re = ENVIRON["TB_RE"]; where = ENVIRON["TB_WHERE"]
    n = NR; if (ENVIRON["TB_NONL"] == "1" && n > 0) t[n] = 0
    a = -1; b = -1
    for (i = 1; i <= n; i++) { if (t[i] && l[i] == m0) a = i - 1; if (t[i] && l[i] == m1) b = i - 1 }
    if (a < 0 || b < 0) {
      a = -1
      if (where == "after" || where == "before") {
        for (i = 1; i <= n; i++) if (l[i] ~ re) a = i - 1
        if (a < 0) a = n; else if (where == "after") a++
      } else if (where == "bof") a = 0
      else a = n
    } else {
      lo = a < b ? a : b; hi = a < b ? b : a; k = 0
      for (i = 1; i <= n; i++) if (i - 1 < lo || i - 1 > hi) { k++; l[k] = l[i]; t[k] = t[i] }
      n = k; a = lo
    }
    if (a > 0) t[a] = 1
    for (i = 1; i <= a; i++) printf "%s%s", l[i], (t[i] ? "\n" : "")
    if (ENVIRON["TB_PUT"] == "1") {
      blk = ENVIRON["TB_BLOCK"]; if (substr(blk, length(blk)) != "\n") blk = blk "\n"
      printf "%s\n%s%s\n", m0, blk, m1
    }
    for (i = a + 1; i <= n; i++) printf "%s%s", l[i], (t[i] ? "\n" : "")
  }' "$src" > "$tmp" || tb_fail "awk failed on $p"
msg=''
if [ "$exists" = 0 ]; then msg='File created'
elif ! cmp -s -- "$src" "$tmp"; then
  if [ "$state" = present ] && [ -n "$block" ]; then msg='Block inserted'; else msg='Block removed'; fi
fi
h=$(printf '%s (content)' "$p" | tb_json)
before='""'; after='""'
if [ "$tb_diff" = 1 ]; then before=$(tb_json < "$src"); after=$(tb_json < "$tmp"); fi
cd="{\"before\":$before,\"after\":$after,\"before_header\":$h,\"after_header\":$h}"
[ -n "$msg" ] && tb_changed=1
if [ -n "$msg" ] && [ "$tb_check" != 1 ]; then
  case "$validate_raw" in *%s*|'') ;; *) tb_changed=0; tb_fail "validate must contain %s: $validate_raw" ;; esac
  if [ -n "$validate_cmd" ]; then
    verr=$(f=$tmp sh -c "$validate_cmd" 2>&1 >/dev/null) || { rc=$?; tb_changed=0; tb_fail "failed to validate: rc:$rc error:$verr"; }
  fi
  if [ "$backup" = 1 ] && [ "$exists" = 1 ]; then
    bf="$p.$$.$(date +%Y-%m-%d@%H:%M:%S)~"; cp -p -- "$p" "$bf" || tb_fail "Could not back up $p"; tb_ks backup_file "$bf"
  fi
  real=$(readlink -f -- "$p" 2>/dev/null) || real=$p
  t2="$(dirname -- "$real")/.tb-block.$$"
  if e=$(LC_ALL=C cp -- "$tmp" "$t2" 2>&1); then
    if tb_stat "$real"; then chmod "$tb_mode" "$t2"; chown "$tb_uid:$tb_gid" "$t2" 2>/dev/null
    else chmod "$(printf '%o' $((0666 & ~0$(umask))))" "$t2"; fi  # a new file as open() makes it
    tb_move "$t2" "$real" || tb_fail "Could not replace $p: $(tb_why "$tb_e")"
  elif [ "$unsafe_writes" = 1 ] && [ -w "$real" ]; then
    e=$(LC_ALL=C cat -- "$tmp" 2>&1 > "$real") || tb_fail "Could not write $p: $(tb_why "$e")"
  else
    tb_fail "The destination directory ($(dirname -- "$real")) is not writable by the current user. Error was: $(tb_why "$e")"
  fi
fi
if [ "$tb_check" = 1 ] && [ "$exists" = 0 ]; then
  tb_ks msg "$msg"; tb_kv diff "$cd"; tb_kb changed "$tb_changed"; tb_emit; exit 0
fi
tb_file_attrs "$p"
h=$(printf '%s (file attributes)' "$p" | tb_json)
ad="\"before_header\":$h,\"after_header\":$h"
[ -n "$tb_db" ] && ad="$ad,\"before\":{${tb_db#,}},\"after\":{${tb_da#,}}"
tb_kv diff "[$cd,{$ad}]"
tb_ks msg "$msg"; tb_kb changed "$tb_changed"; tb_emit
