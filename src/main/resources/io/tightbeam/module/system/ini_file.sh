# shellcheck shell=sh
# community.general.ini_file: one option (or several values of it) in one section, edited by awk.
# The awk program prints the new text to TB_OUT and the message (empty: unchanged) on stdout.
p=$path
[ -d "$p" ] && tb_fail "Destination $p is a directory !"
if [ ! -e "$p" ]; then
  if [ "$create" != 1 ]; then tb_kv rc 257; tb_fail "Destination $p does not exist!"; fi
  new_file=1
fi
if [ -n "$values_given" ]; then want=$values
elif [ -n "$value_given" ]; then want="$value
"
else want=''; fi
eq=''; [ "$no_extra_spaces" = 1 ] && eq='='
tmp=$(mktemp) || tb_fail "cannot make a temporary file"
trap 'rm -f -- "$tmp"' EXIT
src=$p; [ -e "$p" ] || src=/dev/null
msg=$(TB_OUT=$tmp TB_SECTION=$section TB_HAS_SECTION=${section_given:-0} TB_OPTION=$option TB_WANT=$want \
  TB_STATE=$state TB_EXCL=$exclusive TB_NOVAL=$allow_no_value TB_EQ=$eq LC_ALL=C awk '
  function trim(s) { gsub(/^[ \t]+|[ \t]+$/, "", s); return s }
  function header(s,   t) { t = trim(s); if (t !~ /^\[.*\]$/) return ""; return trim(substr(t, 2, length(t) - 2)) }
  # 1 active option line, 2 commented one, 0 other; its value in val
  function opt(s,   t, c, k) {
    t = s; c = 0; sub(/^[ \t]*/, "", t)
    if (t ~ /^[#;]/) { c = 1; t = substr(t, 2); sub(/^[ \t]*/, "", t) }
    if (substr(t, 1, length(o)) != o) return 0
    t = substr(t, length(o) + 1); sub(/^[ \t]*/, "", t)
    if (t == "") { val = ""; return c ? 2 : 1 }
    if (substr(t, 1, 1) != "=") return 0
    val = trim(substr(t, 2)); return c ? 2 : 1
  }
  function fmt(v) { if (v == "" && noval == "1") return o; return o (eq == "=" ? "=" : " = ") v }
  { l[++n] = $0 }
  END {
    sec = ENVIRON["TB_SECTION"]; o = ENVIRON["TB_OPTION"]; st = ENVIRON["TB_STATE"]; excl = ENVIRON["TB_EXCL"]
    noval = ENVIRON["TB_NOVAL"]; eq = ENVIRON["TB_EQ"]; out = ENVIRON["TB_OUT"]
    nw = split(ENVIRON["TB_WANT"], w, "\n"); if (nw && w[nw] == "") nw--
    if (n == 0) l[++n] = ""
    # the section: lines s..e (s is its header, 0 for the top part before any header)
    s = -1; e = n
    if (ENVIRON["TB_HAS_SECTION"] != "1") { s = 0; for (i = 1; i <= n; i++) if (header(l[i]) != "") { e = i - 1; break } }
    else for (i = 1; i <= n; i++) if (header(l[i]) != "") {
      if (s >= 0) { e = i - 1; break }
      if (header(l[i]) == sec) s = i
    }
    msg = ""
    if (s < 0) {
      if (st == "present") {
        l[++n] = "[" sec "]"; for (i = 1; i <= nw; i++) l[++n] = fmt(w[i])
        if (o != "" && nw == 0 && noval == "1") l[++n] = o
        msg = o == "" ? "only section added" : "section and option added"
      }
    } else if (o == "") {
      if (st == "absent" && s > 0) { for (i = s; i <= e; i++) del[i] = 1; msg = "section removed" }
    } else if (st == "present") {
      if (nw == 0 && noval == "1") { nw = 1; w[1] = "" }
      for (j = 1; j <= nw; j++) left[j] = 1
      # lines already holding a wanted value keep it
      for (i = s + 1; i <= e; i++) if (opt(l[i])) for (j = 1; j <= nw; j++) if (left[j] && val == w[j]) {
        if (l[i] != fmt(w[j])) { l[i] = fmt(w[j]); msg = "option changed" }
        left[j] = 0; done[i] = 1; break
      }
      # then the other lines of the option take the remaining values, or go (exclusive)
      for (i = s + 1; i <= e; i++) if (!done[i] && (k = opt(l[i]))) {
        for (j = 1; j <= nw && !left[j]; j++);
        if (j <= nw) { l[i] = fmt(w[j]); left[j] = 0; msg = "option changed" }
        else if (k == 1 && excl == "1") { del[i] = 1; msg = "option changed" }
      }
      # the rest goes after the last non-blank line of the section
      at = e; while (at > s && trim(l[at]) == "") at--
      add = ""; for (j = 1; j <= nw; j++) if (left[j]) { add = add "\n" fmt(w[j]); msg = msg == "" ? "option added" : msg }
      if (add != "") extra[at] = add
    } else {
      for (i = s + 1; i <= e; i++) if (opt(l[i]) == 1) {
        hit = excl == "1" || nw == 0; for (j = 1; j <= nw; j++) if (val == w[j]) hit = 1
        if (hit) { del[i] = 1; msg = "option changed" }
      }
    }
    if (0 in extra) printf "%s\n", substr(extra[0], 2) > out
    for (i = 1; i <= n; i++) { if (!(i in del)) printf "%s\n", l[i] > out; if (i in extra) printf "%s\n", substr(extra[i], 2) > out }
    print msg
  }' "$src") || tb_fail "awk failed on $p"
h=$(printf '%s (content)' "$p" | tb_json)
if [ "$tb_diff" = 1 ] && [ -n "$msg" ]; then cd="\"before\":$(tb_json < "$src"),\"after\":$(tb_json < "$tmp")"
else cd='"before":"","after":""'; fi
tb_kv diff "{$cd,\"before_header\":$h,\"after_header\":$h}"
if [ -n "$msg" ]; then
  tb_changed=1
  if [ "$tb_check" != 1 ]; then
    if [ "$backup" = 1 ] && [ -z "$new_file" ]; then
      bf="$p.$$.$(date +%Y-%m-%d@%H:%M:%S)~"; cp -p -- "$p" "$bf" || tb_fail "Could not back up $p"
      tb_ks backup_file "$bf"
    fi
    pd=$(dirname -- "$p")
    [ -d "$pd" ] || e=$(LC_ALL=C mkdir -p -- "$pd" 2>&1) || tb_fail "Error creating $pd ($(tb_why "$e"))"
    e=$(LC_ALL=C cat -- "$tmp" 2>&1 > "$p") || tb_fail "Unable to write $p: $(tb_why "$e")"
  fi
fi
c0=$tb_changed
[ -e "$p" ] && tb_attrs "$p" "$mode" "$owner" "$group" 0 "$attributes"
if [ -e "$p" ]; then tb_facts "$p"; else tb_ks path "$p"; fi
[ "$c0" = 1 ] && tb_changed=1
tb_ks msg "${msg:-OK}"
tb_end
