# shellcheck shell=sh disable=SC2154,SC2034 # arguments and tb_run's outputs are set before this script
# community.general.zypper_repository: a repository added, replaced or removed with zypper, matched
# against `zypper --xmlout repos` (read by awk) by alias or URL as the collection's module does.
tb_need zypper
zypper_bin=$(command -v zypper)
zv=$(LC_ALL=C zypper --version 2>/dev/null); case $zv in 'zypper '*) zv=${zv#zypper }; zv=${zv%%[!0-9.]*} ;; *) zv=1.0 ;; esac
# at_least A.B.C: zypper's version is A.B.C or later
at_least() { printf '%s\n' "$zv" | awk -v want="$1" '{ n = split($0, v, "."); m = split(want, w, ".")
  for (i = 1; i <= m; i++) { a = (i <= n ? v[i] + 0 : -1); if (a != w[i] + 0) exit !(a > w[i] + 0) } exit 0 }'; }
alias=$name; url=$repo; rname=$description; prio=$priority
en=1; [ "$enabled" = 1 ] || en=0
gpg=1; [ "$disable_gpg_check" = 1 ] && gpg=0
ar=1; [ "$autorefresh" = 1 ] || ar=0
js() { if [ -n "$1" ]; then printf '%s' "$1" | tb_json; else printf null; fi; }
repodata() { tb_kv repodata "{\"url\":$(js "$url"),\"alias\":$(js "$alias"),\"name\":$(js "$rname"),\"priority\":${prio:-null},\"enabled\":\"$en\",\"gpgcheck\":\"$gpg\",\"autorefresh\":\"$ar\"}"; }
unchanged() { repodata; tb_ks state "$state"; tb_end; }
# zy ARG...: zypper, quiet and non-interactive; the run's outputs in tb_o/tb_e/tb_rc
zy() { tb_run "$zypper_bin" --quiet --non-interactive "$@"; }
# zy_checked ARG...: zy, failing as run_command(check_rc=True) does
zy_checked() {
  zy "$@" && return 0
  tb_kv cmd "$(printf '%s\n' "$zypper_bin" --quiet --non-interactive "$@" | tb_lines_json)"
  tb_kv rc "$tb_rc"; tb_ks stdout "$tb_o"; tb_ks stderr "$tb_e"; tb_fail "$(printf '%s' "$tb_e" | sed -e :a -e '/^[[:space:]]*$/{$d;N;ba' -e '}')"
}
refresh() {
  with_name=$1
  if [ "$auto_import_keys" = 1 ]; then set -- --gpg-auto-import-keys refresh --force; else set -- refresh --force; fi
  [ -n "$with_name" ] && [ -n "$shortname" ] && set -- "$@" -r "$shortname"
  zy_checked "$@"
}

if [ "$repo" = '*' ] || [ "$name" = '*' ]; then
  [ "$runrefresh" = 1 ] || tb_fail 'repo=* can only be used with the runrefresh option.'
  shortname=''; refresh; tb_kb runrefresh 1; tb_end
fi
[ "$state" = present ] && [ -z "$repo" ] && tb_fail 'Module option state=present requires repo'
[ "$state" = absent ] && [ -z "$repo" ] && [ -z "$name" ] && tb_fail 'Alias or repo parameter required when state=absent'
case $repo in
  *.repo) [ -n "$name" ] && tb_fail "Incompatible option: 'name'. Do not use name when adding .repo files" ;;
  *) [ -z "$name" ] && [ "$state" = present ] && tb_fail 'Name required when adding non-repo files.' ;;
esac
case $repo in
  *.repo)
    case $repo in
      http://* | https://*)
        if command -v curl >/dev/null 2>&1; then text=$(curl -fsSL "$repo" 2>/dev/null) || tb_fail 'Error downloading .repo file from provided URL'
        elif command -v wget >/dev/null 2>&1; then text=$(wget -qO- "$repo" 2>/dev/null) || tb_fail 'Error downloading .repo file from provided URL'
        else tb_fail "Failed to find required executable \"curl\" in paths: $PATH"; fi ;;
      *) text=$(cat -- "$repo" 2>/dev/null) || tb_fail 'Error opening .repo file from provided path' ;;
    esac
    # the one section of the .repo file: its name, then key=value lines (keys lower case)
    ini=$(printf '%s\n' "$text" | awk '
      /^[ \t]*[#;]/ || /^[ \t]*$/ { next }
      /^\[.*\]/ { s = $0; sub(/^\[/, "", s); sub(/\].*$/, "", s); sec[++n] = s; next }
      { i = index($0, "="); j = index($0, ":"); if (!i || (j && j < i)) i = j; if (!i || !n) { bad = 1; next }
        k = tolower(substr($0, 1, i - 1)); v = substr($0, i + 1); gsub(/^[ \t]+|[ \t]+$/, "", k); gsub(/^[ \t]+|[ \t]+$/, "", v)
        if (n == 1) print k "=" v }
      END { if (bad) { print "BAD"; exit } print "SECTIONS=" n; if (n) print "SECTION=" sec[1] }')
    case $ini in *BAD*) tb_fail 'Invalid format, .repo file could not be parsed' ;; esac
    val() { printf '%s\n' "$ini" | awk -v k="$1=" 'index($0, k) == 1 { print substr($0, length(k) + 1); f = 1; exit } END { exit !f }'; }
    n=$(val SECTIONS)
    [ "$n" = 1 ] || tb_fail "Invalid format, .repo file contains $n repositories, expected 1"
    url=$(val baseurl) || tb_fail 'No baseurl found in .repo file'
    alias=$(val SECTION)
    val gpgkey >/dev/null && auto_import_keys=1
    v=$(val name) && rname=$v
    v=$(val enabled) && en=$v
    v=$(val autorefresh) && ar=$v
    v=$(val gpgcheck) && gpg=$v ;;
esac

# the known repositories, one a line: alias, name, priority, enabled, autorefresh, gpgcheck, url (tab-separated)
zy --xmlout repos
case $tb_rc in
  0) known=$(printf '%s\n' "$tb_o" | awk '
       function ent(s) { gsub(/&lt;/, "<", s); gsub(/&gt;/, ">", s); gsub(/&quot;/, "\"", s); gsub(/&apos;/, "'"'"'", s); gsub(/&amp;/, "\\&", s); return s }
       function attr(t, a,   m) { if (match(t, "[ \t\n]" a "=\"[^\"]*\"")) { m = substr(t, RSTART, RLENGTH); sub(/^[^"]*"/, "", m); sub(/"$/, "", m); return ent(m) } return "" }
       { x = x $0 "\n" }
       END { while (match(x, /<repo[ \t\n][^>]*>/)) { t = substr(x, RSTART, RLENGTH); x = substr(x, RSTART + RLENGTH)
           u = ""; if (match(x, /<url>[^<]*<\/url>/)) u = ent(substr(x, RSTART + 5, RLENGTH - 11))
           print attr(t, "alias") "\t" attr(t, "name") "\t" attr(t, "priority") "\t" attr(t, "enabled") "\t" attr(t, "autorefresh") "\t" attr(t, "gpgcheck") "\t" u } }') ;;
  6) known='' ;;
  *) tb_kv rc "$tb_rc"; tb_ks stdout "$tb_o"; tb_ks stderr "$tb_e"; tb_fail "Failed to execute \"$zypper_bin --quiet --non-interactive --xmlout repos\"" ;;
esac
matched=$(printf '%s\n' "$known" | TB_A=$alias TB_U=$url awk -F '\t' 'NF >= 7 && (($1 == ENVIRON["TB_A"]) || ($7 == ENVIRON["TB_U"]))')
count=0; [ -n "$matched" ] && count=$(printf '%s\n' "$matched" | wc -l)
exists=0; mod=0
if [ "$count" -ge 1 ]; then exists=1; fi
if [ "$count" -ge 2 ]; then
  if [ "$overwrite_multiple" = 1 ]; then mod=1
  else
    listed=$(printf '%s\n' "$matched" | awk -F '\t' '
      function q(s) { return index(s, "'"'"'") && !index(s, "\"") ? "\"" s "\"" : "'"'"'" s "'"'"'" }
      { out = out (NR > 1 ? ", " : "") "{'"'"'alias'"'"': " q($1) ", '"'"'name'"'"': " q($2) ", '"'"'priority'"'"': " q($3) ", '"'"'enabled'"'"': " q($4) ", '"'"'autorefresh'"'"': " q($5) ", '"'"'gpgcheck'"'"': " q($6) ", '"'"'url'"'"': " q($7) "}" }
      END { printf "[%s]", out }')
    tb_fail "More than one repo matched \"$url\": \"$listed\". Use overwrite_multiple to allow more than one repo to be overwritten"
  fi
elif [ "$count" = 1 ]; then
  # the settings given, compared with the repository's ($releasever and $basearch as rpm answers them)
  old_url=$(printf '%s' "$matched" | cut -f7)
  want_url=$url; have_url=$old_url
  case "$want_url$have_url" in *"\$releasever"*)
    tb_run rpm -q --qf '%{version}' -f /etc/os-release
    want_url=$(printf '%s' "$want_url" | sed "s|\\\$releasever|$tb_o|g"); have_url=$(printf '%s' "$have_url" | sed "s|\\\$releasever|$tb_o|g") ;;
  esac
  case "$want_url$have_url" in *"\$basearch"*)
    tb_run rpm -q --qf '%{arch}' -f /etc/os-release
    want_url=$(printf '%s' "$want_url" | sed "s|\\\$basearch|$tb_o|g"); have_url=$(printf '%s' "$have_url" | sed "s|\\\$basearch|$tb_o|g") ;;
  esac
  while case $want_url in */) true ;; *) false ;; esac; do want_url=${want_url%/}; done
  while case $have_url in */) true ;; *) false ;; esac; do have_url=${have_url%/}; done
  [ -n "$url" ] && [ "$want_url" != "$have_url" ] && mod=1
  old() { printf '%s' "$matched" | cut -f"$1"; }
  [ -n "$alias" ] && [ "$alias" != "$(old 1)" ] && mod=1
  [ -n "$rname" ] && [ "$rname" != "$(old 2)" ] && mod=1
  [ -n "$prio" ] && [ "$prio" != "$(old 3)" ] && mod=1
  [ "$en" != "$(old 4)" ] && mod=1
  [ "$ar" != "$(old 5)" ] && mod=1
  [ "$gpg" != "$(old 6)" ] && mod=1
fi
if [ -n "$alias" ]; then shortname=$alias; else shortname=$repo; fi

if [ "$state" = present ]; then
  if [ "$exists" = 1 ] && [ "$mod" = 0 ]; then
    [ "$runrefresh" = 1 ] && refresh with_name
    unchanged
  fi
  set -- addrepo --check
  [ -n "$rname" ] && set -- "$@" --name "$rname"
  if [ -n "$prio" ] && [ "$prio" != 0 ]; then
    if at_least 1.12.25; then set -- "$@" --priority "$prio"
    else tb_warn 'Setting priority only available for zypper >= 1.12.25. Ignoring priority argument.'; fi
  fi
  [ "$en" = 0 ] && set -- "$@" --disable
  if at_least 1.6.2; then
    if [ "$gpg" = 1 ]; then set -- "$@" --gpgcheck; else set -- "$@" --no-gpgcheck; fi
  else
    tb_warn 'Enabling/disabling gpgcheck only available for zypper >= 1.6.2. Using zypper default value.'
  fi
  [ "$ar" = 1 ] && set -- "$@" --refresh
  set -- "$@" "$url"
  case $url in *.repo) ;; *) set -- "$@" "$alias" ;; esac
  if [ "$exists" = 1 ]; then
    printf '%s\n' "$matched" | cut -f7 > "${TMPDIR:-/tmp}/.tb_zypper_old.$$"
    while IFS= read -r old_url; do zy_checked removerepo "$old_url"; done < "${TMPDIR:-/tmp}/.tb_zypper_old.$$"
    rm -f "${TMPDIR:-/tmp}/.tb_zypper_old.$$"
  fi
  zy "$@"; rc=$tb_rc; o=$tb_o; e=$tb_e
  if [ "$rc" = 0 ] && { [ "$runrefresh" = 1 ] || [ "$auto_import_keys" = 1 ]; }; then refresh with_name; fi
else
  [ "$exists" = 1 ] || unchanged
  zy_checked removerepo "$shortname"; rc=0
fi
repodata; tb_ks state "$state"
if [ "$rc" = 0 ]; then tb_changed=1; tb_end; fi
tb_kv rc "$rc"; tb_ks stdout "$o"; tb_ks stderr "$e"
tb_fail "Zypper failed with rc $rc"
