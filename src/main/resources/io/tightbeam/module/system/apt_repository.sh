# shellcheck shell=sh
# Ansible's apt_repository for deb/deb-src lines: apt-config names the sources files (APT_CONFIG
# counts, as for python-apt), every line is read as Ansible's SourcesList reads it and written back
# in its form ('# ' for a disabled line, ' # ' before a comment) when anything changed.
command -v apt-config >/dev/null 2>&1 || tb_fail "Module apt_repository is not supported on target."
SL='' SP=''
eval "$(apt-config shell SL Dir::Etc::sourcelist/f SP Dir::Etc::sourceparts/d 2>/dev/null)"
if [ -z "$SL" ] || [ -z "$SP" ]; then tb_fail "Module apt_repository is not supported on target."; fi
SP=${SP%/}
work=$(mktemp -d) || tb_fail "mktemp failed"
trap 'rm -rf -- "$work"' EXIT
: > "$work/list"
[ -f "$SL" ] && printf '%s\n' "$SL" >> "$work/list"
for f in "$SP"/*.list; do [ -f "$f" ] && printf '%s\n' "$f" >> "$work/list"; done
case "$dest" in */*) ;; *) dest="$SP/$dest" ;; esac
grep -q -x -F -- "$dest" "$work/list" || printf '%s\n' "$dest" >> "$work/list"
# per file N: b.N and a.N (the dump before and after, empty for no lines), then N, a tab, the path
TB_STATE=$state TB_SOURCE=$source TB_DEST=$dest TB_DIR=$work LC_ALL=C awk '
  function trim(s) { sub(/^[ \t\r\n]+/, "", s); sub(/[ \t\r\n]+$/, "", s); return s }
  function dumped(i, j) { return (on[i, j] ? "" : "# ") src[i, j] (com[i, j] != "" ? " # " com[i, j] : "") "\n" }
  BEGIN { dir = ENVIRON["TB_DIR"]; want = ENVIRON["TB_SOURCE"]
    while ((getline path < (dir "/list")) > 0) {
      name[++nf] = path; nl[nf] = 0
      while ((getline line < path) > 0) {
        j = ++nl[nf]; line = trim(line); on[nf, j] = 1; com[nf, j] = ""
        if (substr(line, 1, 1) == "#") { on[nf, j] = 0; line = substr(line, 2) }
        k = index(line, "#"); if (k > 1) { com[nf, j] = trim(substr(line, k + 1)); line = substr(line, 1, k - 1) }
        s = trim(line); ok[nf, j] = 0
        if (s != "") { n = split(s, w, /[ \t]+/)
          if (w[1] == "deb" || w[1] == "deb-src") { ok[nf, j] = 1; s = w[1]; for (m = 2; m <= n; m++) s = s " " w[m] } }
        src[nf, j] = s }
      close(path) }
    for (i = 1; i <= nf; i++) { out = dir "/b." i; printf "" > out; for (j = 1; j <= nl[i]; j++) printf "%s", dumped(i, j) > out; close(out) }
    if (ENVIRON["TB_STATE"] == "present") {
      found = 0
      for (i = 1; i <= nf; i++) for (j = 1; j <= nl[i]; j++) if (ok[i, j] && src[i, j] == want) { on[i, j] = 1; found = 1 }
      if (!found) for (i = 1; i <= nf; i++) if (name[i] == ENVIRON["TB_DEST"]) {
        j = ++nl[i]; on[i, j] = 1; ok[i, j] = 1; src[i, j] = want; com[i, j] = ""; printf "%s", name[i] > (dir "/added") }
    } else {
      for (i = 1; i <= nf; i++) { k = 0
        for (j = 1; j <= nl[i]; j++) if (!(ok[i, j] && on[i, j] && src[i, j] == want)) { k++
          on[i, k] = on[i, j]; ok[i, k] = ok[i, j]; src[i, k] = src[i, j]; com[i, k] = com[i, j] }
        nl[i] = k } }
    for (i = 1; i <= nf; i++) { out = dir "/a." i; printf "" > out; for (j = 1; j <= nl[i]; j++) printf "%s", dumped(i, j) > out; close(out)
      printf "%d\t%s\n", i, name[i] }
  }' > "$work/files" || tb_fail "awk failed on the sources lists"
changed=0
while IFS="$(printf '\t')" read -r i f; do cmp -s -- "$work/b.$i" "$work/a.$i" || changed=1; done < "$work/files"
diff='{}'
if [ "$changed" = 1 ] && [ "$tb_diff" = 1 ]; then
  diff=''
  while IFS="$(printf '\t')" read -r i f; do
    bh=$f; [ -s "$work/b.$i" ] || bh=/dev/null
    ah=$f; [ -s "$work/a.$i" ] || ah=/dev/null
    [ "$bh$ah" = /dev/null/dev/null ] && continue
    diff="$diff${diff:+,}{\"before\":$(tb_json < "$work/b.$i"),\"after\":$(tb_json < "$work/a.$i"),\"before_header\":$(printf '%s' "$bh" | tb_json),\"after_header\":$(printf '%s' "$ah" | tb_json)}"
  done < "$work/files"
  diff="[$diff]"
fi
# save: every file rewritten in Ansible's form, an emptied one removed; a new one gets mode
save() {
  while IFS="$(printf '\t')" read -r i f; do
    if [ -s "$work/a.$i" ]; then
      d=$(dirname -- "$f")
      [ -d "$d" ] || e=$(LC_ALL=C mkdir -p -- "$d" 2>&1) || tb_fail "Failed to create directory $d: $(tb_errno "$e" "$d")"
      t="$d/.$(basename -- "$f")-$(tb_random 8)"
      e=$(LC_ALL=C cat -- "$work/a.$i" 2>&1 > "$t") || tb_fail "Unable to create temp file at \"$d\" for apt source: $(tb_errno "$e" "$t")"
      if tb_stat "$f"; then chmod "$tb_mode" "$t"; chown "$tb_uid:$tb_gid" "$t" 2>/dev/null
      else chmod "${mode:-$(printf '%o' $((0666 & ~0$(umask))))}" "$t"; fi
      tb_move "$t" "$f" || tb_fail "$(tb_why "$tb_e")"
      # the file a line was added to takes mode, new or not (Ansible's new_repos)
      if [ -n "$mode" ] && [ "$f" = "$(cat "$work/added" 2>/dev/null)" ]; then chmod "$mode" "$f"; fi
      printf '%s\n' "$f" >> "$work/saved"
    elif [ -e "$f" ]; then
      rm -f -- "$f" || tb_fail "cannot remove $f"
    fi
  done < "$work/files"
}
# revert: each file back as it was (the dump before), as Ansible's revert_sources_list does
revert() {
  while IFS="$(printf '\t')" read -r i f; do
    if [ -s "$work/b.$i" ]; then cat -- "$work/b.$i" > "$f"; else rm -f -- "$f"; fi
  done < "$work/files"
}
if [ "$changed" = 1 ] && [ "$tb_check" != 1 ]; then
  save
  if [ "$update_cache" = 1 ]; then
    tb_need apt-get
    try=0; ok=0
    r=$(od -An -N2 -tu2 /dev/urandom | tr -d ' '); r=$((r % 1000))
    while [ "$try" -lt "$update_cache_retries" ]; do
      if tb_run apt-get update -q; then ok=1; break; fi
      delay=$((1 << try)); [ "$delay" -gt "$update_cache_retry_max_delay" ] && delay=$update_cache_retry_max_delay
      try=$((try + 1))
      if [ "$try" -lt "$update_cache_retries" ]; then sleep "$delay.$(printf '%03d' "$r")" 2>/dev/null || sleep "$delay"; fi
    done
    if [ "$ok" != 1 ]; then
      revert
      err=$(printf '%s\n' "$tb_e" | grep -E '^(E|W): ' | tr '\n' ' ' | sed 's/ $//')
      tb_fail "Failed to update apt cache: ${err:-unknown reason}"
    fi
  fi
fi
tb_kb changed "$changed"
tb_ks repo "$repo"
tb_ks state "$state"
tb_kv diff "$diff"
tb_emit
