# shellcheck shell=sh disable=SC2154,SC2034
# getent: one database (or one key of it) as ansible_facts.getent_<database>.
tb_need getent
if [ -n "$key" ]; then
  out=$(if [ -n "$service" ]; then getent -s "$service" "$database" "$key"; else getent "$database" "$key"; fi 2>&1); rc=$?
else
  out=$(if [ -n "$service" ]; then getent -s "$service" "$database"; else getent "$database"; fi 2>&1); rc=$?
fi
db=$(printf '%s' "$database" | tr -c 'A-Za-z0-9_\n' _)
case "$rc" in
  0) ;;
  1) tb_fail "Missing arguments, or database unknown." ;;
  2)
    if [ "$fail_key" = 1 ]; then tb_fail "One or more supplied key could not be found in the database."; fi
    tb_kv ansible_facts "{\"getent_$db\":{$(printf '%s' "$key" | tb_json):null}}"
    tb_ks msg "One or more supplied key could not be found in the database."; tb_kb changed 0; tb_emit; exit 0 ;;
  3) tb_fail "Enumeration not supported on this database." ;;
  *) tb_kv rc "$rc"; tb_fail "Unexpected failure!" ;;
esac
if [ -z "$split" ]; then
  case "$database" in passwd | shadow | group | gshadow) split=: ;; esac
fi
facts=$(printf '%s\n' "$out" | TB_SPLIT=$split LC_ALL=C awk "$tb_awk_json"'
  BEGIN { jinit(); s = ENVIRON["TB_SPLIT"] }
  $0 == "" { next }
  { if (s == "") n = split($0, f); else { n = 0; rest = $0
      while ((i = index(rest, s)) > 0) { f[++n] = substr(rest, 1, i - 1); rest = substr(rest, i + length(s)) }
      f[++n] = rest }
    v = ""; for (i = 2; i <= n; i++) v = v (i > 2 ? "," : "") jstr(f[i])
    printf "%s%s:[%s]", sep, jstr(f[1]), v; sep = "," }')
tb_kv ansible_facts "{\"getent_$db\":{$facts}}"
tb_kb changed 0; tb_emit
