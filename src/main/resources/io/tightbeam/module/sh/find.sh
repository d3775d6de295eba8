# shellcheck shell=sh disable=SC2154,SC2034
# find: files under paths, in os.walk's order (a directory's files, its directories, then each of
# those in turn), filtered as Ansible's find filters; one stat for every entry, one awk for the rest.
list=$(mktemp) || tb_fail "cannot make a temporary file"
trap 'rm -f -- "$list" "$list.j"' EXIT
now=$(date +%s)
skipped=''; warnings=''; roots=''
max=1
[ "$recurse" = 1 ] && max=''
[ "$recurse" = 1 ] && [ "$depth" -gt 0 ] 2>/dev/null && max=$((depth + 1))
L=''; [ "$follow" = 1 ] && L=-L
nl='
'
IFS=$nl
for root in $paths; do
  IFS=' '
  # shellcheck disable=SC2088
  case "$root" in "~") root=$HOME ;; "~/"*) root="$HOME/${root#"~/"}" ;; esac
  if [ ! -d "$root" ]; then
    j=$(printf "'%s' is not a directory" "$root" | tb_json)
    skipped="$skipped,$(printf '%s' "$root" | tb_json):$j"
    warnings="$warnings,$(printf "Skipped '%s' path due to this access issue: '%s' is not a directory\n" "$root" "$root" | tb_json)"
    continue
  fi
  roots="$roots$root$nl"
  printf 'R|%s\n' "$root" >> "$list"
  # shellcheck disable=SC2086
  find $L "$root" -mindepth 1 ${max:+-maxdepth "$max"} -exec stat -c '%a|%F|%u|%g|%s|%i|%d|%h|%.9X|%.9Y|%.9Z|%U|%G|%n' {} + >> "$list" 2>/dev/null
done
IFS=' '
TB_PATTERNS=$patterns_re TB_EXCLUDES=$excludes_re TB_CONTAINS=$contains_re LC_ALL=C awk -F'|' \
  -v type="$file_type" -v hidden="$hidden" -v depth="$depth" -v age="$age" -v stamp="$age_stamp" \
  -v size="$size" -v now="$now" -v whole="$read_whole_file" -v sums="$get_checksum" '
  function jstr(s,   out, i, c) { out = ""
    for (i = 1; i <= length(s); i++) { c = substr(s, i, 1)
      if (c == "\"" || c == "\\") out = out "\\" c; else if (c == "\t") out = out "\\t"; else if (c < " ") out = out sprintf("\\u%04x", index(ctl, c)); else out = out c }
    return "\"" out "\"" }
  function any(name, list,   n, p, i) { n = split(list, p, "\n"); for (i = 1; i <= n; i++) if (p[i] != "" && name ~ p[i]) return 1; return 0 }
  # read_whole_file: re.search over the text, where $ is its end (before a last newline, which
  # getline drops); otherwise re.match on each line.
  function has(path,   line, found, text, n) { found = 0; text = ""; n = 0
    while ((getline line < path) > 0) {
      if (whole == "1") { text = (n++ ? text "\n" : "") line; continue }
      if (line ~ ("^(" ENVIRON["TB_CONTAINS"] ")")) { found = 1; break } }
    close(path); if (whole == "1") found = text ~ ENVIRON["TB_CONTAINS"]; return found }
  function bits(m, b) { return int(m / b) % 2 ? "true" : "false" }
  function octal(s,   v, i) { v = 0; for (i = 1; i <= length(s); i++) v = v * 8 + substr(s, i, 1); return v }
  function info(i,   m, k, o) { m = octal(f[i, 1]); k = f[i, 2]
    o = sprintf("{\"path\":%s,\"mode\":\"%04o\",\"isdir\":%s,\"ischr\":%s,\"isblk\":%s,\"isreg\":%s,\"isfifo\":%s,\"islnk\":%s,\"issock\":%s", jstr(path[i]), m,
      k == "directory" ? "true" : "false", k ~ /^character/ ? "true" : "false", k ~ /^block/ ? "true" : "false",
      k ~ /regular/ ? "true" : "false", k == "fifo" ? "true" : "false", k == "symbolic link" ? "true" : "false", k == "socket" ? "true" : "false")
    o = o sprintf(",\"uid\":%s,\"gid\":%s,\"size\":%s,\"inode\":%s,\"dev\":%s,\"nlink\":%s,\"atime\":%s,\"mtime\":%s,\"ctime\":%s,\"gr_name\":%s,\"pw_name\":%s",
      f[i, 3], f[i, 4], f[i, 5], f[i, 6], f[i, 7], f[i, 8], f[i, 9], f[i, 10], f[i, 11], jstr(f[i, 13]), jstr(f[i, 12]))
    o = o sprintf(",\"wusr\":%s,\"rusr\":%s,\"xusr\":%s,\"wgrp\":%s,\"rgrp\":%s,\"xgrp\":%s,\"woth\":%s,\"roth\":%s,\"xoth\":%s,\"isuid\":%s,\"isgid\":%s",
      bits(m, 128), bits(m, 256), bits(m, 64), bits(m, 16), bits(m, 32), bits(m, 8), bits(m, 2), bits(m, 4), bits(m, 1), bits(m, 2048), bits(m, 1024))
    return o }
  function wanted(i,   name, k, t, a) { name = path[i]; sub(/.*\//, "", name); k = f[i, 2]
    if (depth > 0 && level[i] > depth) return 0
    if (substr(name, 1, 1) == "." && hidden != "1") return 0
    if (ENVIRON["TB_EXCLUDES"] != "" && any(name, ENVIRON["TB_EXCLUDES"])) return 0
    if (!any(name, ENVIRON["TB_PATTERNS"])) return 0
    t = stamp == "atime" ? f[i, 9] : stamp == "ctime" ? f[i, 11] : f[i, 10]
    if (age != "" && !((age >= 0 && now - t >= age) || (age < 0 && now - t <= -age))) return 0
    if (type == "any") return k !~ /regular/ || size == "" || (size >= 0 && f[i, 5] >= size) || (size < 0 && f[i, 5] <= -size)
    if (type == "directory") return k == "directory"
    if (type == "link") return k == "symbolic link"
    if (k !~ /regular/) return 0
    if (size != "" && !((size >= 0 && f[i, 5] >= size) || (size < 0 && f[i, 5] <= -size))) return 0
    return ENVIRON["TB_CONTAINS"] == "" || has(path[i]) }
  function emit(i) { if (!wanted(i)) return; matched++
    printf "%s%s%s\n", (sums == "1" && f[i, 2] ~ /regular/) ? "C" : "-", path[i], "|" info(i) > out }
  function walk(d,   j, c) {
    for (j = 1; j <= nk[d]; j++) { c = kid[d, j]; if (f[c, 2] != "directory") emit(c) }
    for (j = 1; j <= nk[d]; j++) { c = kid[d, j]; if (f[c, 2] == "directory") emit(c) }
    for (j = 1; j <= nk[d]; j++) { c = kid[d, j]; if (f[c, 2] == "directory") walk(path[c]) } }
  BEGIN { for (i = 1; i < 32; i++) ctl = ctl sprintf("%c", i) }
  $1 == "R" { r = substr($0, 3); sub(/\/+$/, "", r); if (r == "") r = "/"; roots[++nr] = r; base = r; next }
  { n++; p = $0; for (k = 1; k <= 13; k++) { f[n, k] = $k; p = substr(p, length($k) + 2) }
    gsub(/\/\/+/, "/", p); path[n] = p; examined++
    d = p; sub(/\/[^\/]*$/, "", d); if (d == "") d = "/"
    kid[d, ++nk[d]] = n; rest = substr(p, length(base) + 1); level[n] = gsub(/\//, "/", rest) }
  END { for (r = 1; r <= nr; r++) walk(roots[r]); print examined + 0; print matched + 0 }
' out="$list.j" "$list" > "$list.n" || true
examined=$(sed -n 1p "$list.n"); matched=$(sed -n 2p "$list.n"); rm -f -- "$list.n"
files=''
if [ -s "$list.j" ]; then
  while IFS= read -r line; do
    o=${line#*|}
    case "$line" in
      C*) p=${line%%|\{*}; p=${p#C}; c=$(tb_sum sha1 "$p") && o="$o,\"checksum\":\"$c\"" ;;
    esac
    files="$files,$o}"
  done < "$list.j"
fi
tb_kv files "[${files#,}]"
tb_kv matched "${matched:-0}"; tb_kv examined "${examined:-0}"
tb_kv skipped_paths "{${skipped#,}}"
if [ -n "$warnings" ]; then
  tb_kv warnings "[${warnings#,}]"; tb_ks msg "Not all paths examined, check warnings for details"
else
  tb_ks msg "All paths examined"
fi
tb_kb changed 0; tb_emit
