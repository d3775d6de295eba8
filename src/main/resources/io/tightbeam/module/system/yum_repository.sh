# shellcheck shell=sh
# Ansible's yum_repository: the file is read as Python's configparser reads it (keys lower case,
# indented lines continue a value), the repo's section replaced or removed, and the file written
# back as configparser writes it; the diff shows both sides sorted, as Ansible's dump does.
[ -d "$reposdir" ] || tb_fail "Repo directory '$reposdir' does not exist."
dest="${reposdir%/}/$file.repo"
work=$(mktemp -d) || tb_fail "mktemp failed"
trap 'rm -rf -- "$work"' EXIT
src=/dev/null; [ -f "$dest" ] && src=$dest
TB_ID=$name TB_STATE=$state TB_ITEMS=$items TB_DIR=$work LC_ALL=C awk '
  function trim(s) { sub(/^[ \t\r]+/, "", s); sub(/[ \t\r]+$/, "", s); return s }
  function section(n,   i) { for (i = 1; i <= ns; i++) if (sec[i] == n) return i
    sec[++ns] = n; nk[ns] = 0; return ns }
  function put(s, k, v,   i) { for (i = 1; i <= nk[s]; i++) if (key[s, i] == k) { val[s, k] = v; return }
    key[s, ++nk[s]] = k; val[s, k] = v }
  # sections sorted by name, their items sorted by key, "key = value" lines and a blank line after each
  function dump(out,   order, i, j, t, n, ks) {
    n = 0; for (i = 1; i <= ns; i++) if (!(i in gone)) { order[++n] = i
      for (j = n; j > 1 && sec[order[j]] < sec[order[j - 1]]; j--) { t = order[j]; order[j] = order[j - 1]; order[j - 1] = t } }
    printf "" > out
    for (i = 1; i <= n; i++) { s = order[i]; printf "[%s]\n", sec[s] > out
      for (j = 1; j <= nk[s]; j++) { ks[j] = key[s, j]
        for (t = j; t > 1 && ks[t] < ks[t - 1]; t--) { x = ks[t]; ks[t] = ks[t - 1]; ks[t - 1] = x } }
      for (j = 1; j <= nk[s]; j++) printf "%s = %s\n", ks[j], val[s, ks[j]] > out
      printf "\n" > out }
    close(out) }
  /^[ \t]/ && cur && last != "" && trim($0) != "" { val[cur, last] = val[cur, last] "\n" trim($0); next }
  { line = trim($0) }
  line == "" || line ~ /^[#;]/ { next }
  line ~ /^\[.+\]$/ { cur = section(substr(line, 2, length(line) - 2)); last = ""; next }
  cur { e = index(line, "="); c = index(line, ":"); if (!e || (c && c < e)) e = c
    if (e) { last = tolower(trim(substr(line, 1, e - 1))); put(cur, last, trim(substr(line, e + 1))) } }
  END {
    dir = ENVIRON["TB_DIR"]; id = ENVIRON["TB_ID"]
    dump(dir "/before")
    for (i = 1; i <= ns; i++) if (sec[i] == id) gone[i] = 1
    if (ENVIRON["TB_STATE"] == "present") {
      sec[++ns] = id; nk[ns] = 0
      n = split(ENVIRON["TB_ITEMS"], it, "\002")
      for (i = 1; i < n; i++) { p = index(it[i], "\001"); key[ns, ++nk[ns]] = substr(it[i], 1, p - 1); val[ns, key[ns, nk[ns]]] = substr(it[i], p + 1) }
    }
    dump(dir "/after")
    printf "" > (dir "/file"); left = 0
    for (i = 1; i <= ns; i++) if (!(i in gone)) { left++; printf "[%s]\n", sec[i] > (dir "/file")
      for (j = 1; j <= nk[i]; j++) { v = val[i, key[i, j]]; gsub(/\n/, "\n\t", v); printf "%s = %s\n", key[i, j], v > (dir "/file") }
      printf "\n" > (dir "/file") }
    print left
  }' "$src" > "$work/left" || tb_fail "awk failed on $dest"
if ! cmp -s -- "$work/before" "$work/after"; then
  tb_changed=1
  if [ "$tb_check" != 1 ]; then
    if [ "$(cat "$work/left")" -gt 0 ]; then
      e=$(LC_ALL=C cat -- "$work/file" 2>&1 > "$dest") || { tb_kv details "$(printf '%s' "$(tb_errno "$e" "$dest")" | tb_json)"; tb_fail "Problems handling file $dest."; }
    else
      e=$(LC_ALL=C rm -- "$dest" 2>&1) || { tb_kv details "$(printf '%s' "$(tb_errno "$e" "$dest")" | tb_json)"; tb_fail "Cannot remove empty repo file $dest."; }
    fi
  fi
fi
[ -f "$dest" ] && tb_attrs "$dest" "$mode" "$owner" "$group" 0 "$attributes"
h=$(printf '%s' "$dest" | tb_json)
tb_kv diff "{\"before_header\":$h,\"before\":$(tb_json < "$work/before"),\"after_header\":$h,\"after\":$(tb_json < "$work/after")}"
tb_ks repo "$name"
tb_ks state "$state"
tb_end
