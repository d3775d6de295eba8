# shellcheck shell=sh
# Ansible's package_facts. apt: dpkg-query lists what is installed (a current version: any state but
# not-installed and config-files), apt-cache policy names the origin of the installed version's
# first package file (python-apt's origins[0]; the dpkg status file has none), and apt-cache show
# name=version its section as that file has it (the archive's, where dpkg's may differ).
apt_packages() {
  work=$(mktemp -d) || tb_fail "mktemp failed"
  LC_ALL=C dpkg-query -W -f='${db:Status-Abbrev}\t${Package}\t${Version}\t${Architecture}\t${Section}\n' 2>/dev/null |
    awk -F '\t' 'substr($1, 2, 1) != "n" && substr($1, 2, 1) != "c"' > "$work/installed"
  LC_ALL=C apt-cache policy > "$work/files" 2>/dev/null
  cut -f2 "$work/installed" | LC_ALL=C xargs apt-cache policy > "$work/policy" 2>/dev/null
  awk -F '\t' '{ print $2 "=" $3 }' "$work/installed" | LC_ALL=C xargs apt-cache show > "$work/show" 2>/dev/null
  LC_ALL=C awk -F '\t' "$tb_awk_json"'
    BEGIN { jinit() }
    FILENAME == ARGV[1] {
      # Package files: a file line, then its "release" line with o=Origin
      if ($0 ~ /^ *-?[0-9]+ /) { f = $0; sub(/^ *-?[0-9]+ /, "", f) }
      else if ($0 ~ /^ +release /) { o = ""; n = split(substr($0, index($0, "release ") + 8), kv, ",")
        for (i = 1; i <= n; i++) if (substr(kv[i], 1, 2) == "o=") o = substr(kv[i], 3)
        origin[f] = o }
      next }
    FILENAME == ARGV[2] {
      if ($0 ~ /^[^ ]/) { p = $0; sub(/:$/, "", p); inst = 0; next }
      if ($0 ~ /^ \*\*\* /) { inst = 1; next }
      if ($0 ~ /^     [^ ]/) { inst = 0; next }
      if (inst == 1 && $0 ~ /^ +-?[0-9]+ /) { f = $0; sub(/^ +-?[0-9]+ /, "", f); first[p] = ((f in origin) ? origin[f] : ""); inst = 2 }
      next }
    FILENAME == ARGV[3] {
      if ($0 ~ /^Package: /) p = substr($0, 10)
      else if ($0 ~ /^Section: /) section[p] = substr($0, 10)
      next }
    { name = $2
      printf "%s%s:[{\"name\":%s,\"version\":%s,\"arch\":%s,\"category\":%s,\"origin\":%s,\"source\":\"apt\"}]", sep, jstr(name),
        jstr(name), jstr($3), jstr($4), jstr((name in section) ? section[name] : $5), jstr((name in first) ? first[name] : ""); sep = "," }
  ' "$work/files" "$work/policy" "$work/show" "$work/installed"
  rm -rf -- "$work"
}
packages=''
found=0
while IFS= read -r m; do
  [ -n "$m" ] || continue
  [ "$found" -gt 0 ] && [ "$strategy" = first ] && break
  case "$m" in
    apt)
      if command -v dpkg-query >/dev/null 2>&1 && command -v apt-cache >/dev/null 2>&1; then
        found=$((found + 1)); list=$(apt_packages)
        [ -n "$list" ] && packages="$packages${packages:+,}$list"
      fi ;;
    *)
      # tightbeam reads only dpkg's database: another manager that is there is said to be unusable
      if [ "$m" = "$(printf '%s\n' "$manager" | grep -x -F -- "$m")" ] && command -v "$m" >/dev/null 2>&1; then
        tb_warn "Requested package manager $m was not usable by this module: reading it is not supported by tightbeam"
      fi ;;
  esac
done <<EOF
$managers
EOF
if [ "$found" = 0 ]; then
  tb_fail "Could not detect a supported package manager from the following list: $managers_repr, or the required Python library is not installed. Check warnings for details."
fi
tb_kv ansible_facts "{\"packages\":{$packages}}"
tb_end
