# shellcheck shell=sh disable=SC2154,SC2034 # arguments and tb_run's outputs are set before this script
# community.general.pkg5: Solaris 11's pkg, as the collection's module runs it (rc 4, nothing to
# do, is no change and no failure).
tb_need pkg
# name items that are version fragments ("1.2" after "foo@0") go back onto the item before them,
# as the module undoes a comma split
packages=$(printf '%s' "$name" | awk '
  /^[0-9]+(\.[0-9]+)*/ && n && p[n] ~ /@[^,]*$/ { p[n] = p[n] "," $0; next }
  { p[++n] = $0 }
  END { for (i = 1; i <= n; i++) print p[i] }')
case $state in present | installed) want=present ;; latest) want=latest ;; *) want=absent ;; esac
installed() { LC_ALL=C pkg list -- "$1" >/dev/null 2>&1; }
outdated() { ! LC_ALL=C pkg list -u -- "$1" >/dev/null 2>&1; }
set -f
todo=''
old_ifs=$IFS; IFS='
'
for p in $packages; do
  case $want in
    present) installed "$p" || todo="$todo$p
" ;;
    latest) if ! installed "$p" || ! outdated "$p"; then todo="$todo$p
"; fi ;;
    absent) installed "$p" && todo="$todo$p
" ;;
  esac
done
IFS=$old_ifs
if [ -n "$todo" ]; then
  sub=install; [ "$want" = absent ] && sub=uninstall
  set -- pkg "$sub"
  [ "$tb_check" = 1 ] && set -- "$@" -n
  [ "$accept_licenses" = 1 ] && set -- "$@" --accept
  [ -n "$be_name" ] && set -- "$@" "--be-name=$be_name"
  [ "$refresh" = 1 ] || set -- "$@" --no-refresh
  set -- "$@" -q --
  IFS='
'
  for p in $todo; do set -- "$@" "$p"; done
  IFS=$old_ifs
  of=$(mktemp) || tb_fail "mktemp failed"
  ef=$(mktemp) || tb_fail "mktemp failed"
  LC_ALL=C "$@" >"$of" 2>"$ef" </dev/null; rc=$?
  out=$(cat "$of"; echo x); out=${out%x}; err=$(cat "$ef"; echo x); err=${err%x}; rm -f "$of" "$ef"
  tb_kv rc "$rc"; tb_kv results "[$(printf '%s' "$out" | tb_json)]"; tb_ks msg "$err"
  if [ "$rc" = 4 ]; then tb_kb failed 0; tb_end; fi
  if [ "$rc" != 0 ]; then tb_kb changed 1; tb_kv failed true; tb_emit; exit 0; fi
  tb_changed=1
else
  tb_kv results '[]'; tb_ks msg ''
fi
tb_end
