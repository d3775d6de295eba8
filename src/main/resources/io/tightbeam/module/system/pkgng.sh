# shellcheck shell=sh disable=SC2154,SC2034 # arguments and tb_run's outputs are set before this script
# community.general.pkgng: FreeBSD's pkg driven as the collection's module drives it (BATCH=yes,
# globs with -g), its outputs gathered whole into stdout and stderr.
tb_need pkg
pkgv=$(LC_ALL=C pkg -v 2>/dev/null)
# older A.B.C: pkg's version is below A.B.C (its parts compared in turn, as the module does)
older() {
  printf '%s\n' "$pkgv" | awk -v want="$1" '{ n = split($0, v, /[._]/); m = split(want, w, ".")
    for (i = 1; i <= m && i <= n; i++) if (v[i] + 0 != w[i] + 0) exit !(v[i] + 0 < w[i] + 0)
    exit 1 }'
}
dir_arg=''
if [ -n "$rootdir" ]; then
  older 1.5.0 && tb_fail "To use option 'rootdir' pkg version must be 1.5 or greater"
  dir_arg="--rootdir=$rootdir"
fi
if [ "$ignore_osver" = 1 ] && older 1.11.0; then
  tb_fail "To use option 'ignore_osver' pkg version must be 1.11 or greater"
fi
[ -n "$chroot" ] && dir_arg="--chroot=$chroot"
[ -n "$jail" ] && dir_arg="--jail=$jail"
old_repo=0; older 1.1.4 && old_repo=1

out=''; err=''; msgs=''
# pk ACTION ARG...: pkg with the module's environment; its output whole in pk_o/pk_e, code in pk_rc
pk() {
  pk_a=$1; shift; pk_site=''
  if [ -n "$pkgsite" ]; then case $pk_a in update | install | upgrade) pk_site=$pkgsite ;; esac; fi
  [ -n "$pk_site" ] && [ "$old_repo" != 1 ] && set -- "--repository=$pk_site" "$@"
  set -- "$pk_a" "$@"; [ -n "$dir_arg" ] && set -- "$dir_arg" "$@"
  set -- env BATCH=yes pkg "$@"
  [ -n "$pk_site" ] && [ "$old_repo" = 1 ] && set -- env "PACKAGESITE=$pk_site" "$@"
  [ "$ignore_osver" = 1 ] && set -- env IGNORE_OSVERSION=yes "$@"
  pk_of=$(mktemp) || tb_fail "mktemp failed"
  pk_ef=$(mktemp) || tb_fail "mktemp failed"
  if [ -n "$pk_in" ]; then printf '%s' "$pk_in" | LC_ALL=C "$@" >"$pk_of" 2>"$pk_ef"
  else LC_ALL=C "$@" >"$pk_of" 2>"$pk_ef" </dev/null; fi
  pk_rc=$?
  pk_o=$(cat "$pk_of"; echo x); pk_o=${pk_o%x}; pk_e=$(cat "$pk_ef"; echo x); pk_e=${pk_e%x}
  rm -f "$pk_of" "$pk_ef"; pk_in=''
  return "$pk_rc"
}
pk_in=''
fail_out() { tb_ks stdout "$out"; tb_ks stderr "$err"; tb_fail "$1"; }
note() { msgs="${msgs:+$msgs, }$1"; }
installed() { pk info -g -e "$1"; }
outdated() { pk upgrade -g -n "$1"; [ "$pk_rc" = 1 ]; }

# the names: one given name is split at commas and white space, as the module does
set -f
if [ "$(printf '%s' "$name" | wc -l)" -eq 1 ]; then
  pkgs=$(printf '%s' "$name" | awk '{ n = split($0, a, /[, \t]/); for (i = 1; i <= n; i++) if (a[i] != "") print a[i] }')
else
  pkgs=$name
fi
named=$(printf '%s' "$pkgs" | sed '/^\*$/d')

if [ "$(printf '%s' "$name" | sed '/^$/d')" = '*' ] && [ "$state" = latest ]; then
  if [ "$tb_check" = 1 ]; then pk upgrade -n; else pk upgrade -y || { out=$pk_o; err=$pk_e; fail_out "$pk_e"; }; fi
  n=$(printf '%s' "$pk_o" | awk '/^Number of packages to be (upgraded|reinstalled): [0-9]+/ { s += $NF } END { print s + 0 }')
  out="$out$pk_o"; err="$err$pk_e"
  if [ "$n" -gt 0 ]; then tb_changed=1; note "updated $n package(s)"; else note "no packages need upgrades"; fi
fi

if [ -n "$named" ] && { [ "$state" = present ] || [ "$state" = latest ]; }; then
  if [ "$tb_check" != 1 ] && [ "$cached" != 1 ]; then
    pk update; out="$out$pk_o"; err="$err$pk_e"
    [ "$pk_rc" = 0 ] || fail_out "Could not update catalogue [$pk_rc]: $pk_o $pk_e"
  fi
  install=''; upgrade=''; first=''
  for p in $named; do
    if installed "$p"; then
      [ "$state" = present ] && continue
      outdated "$p" || continue
      upgrade="$upgrade $p"; first=${first:-upgrade}
    else
      install="$install $p"; first=${first:-install}
    fi
  done
  done_msg=''
  for action in $first $([ "$first" = install ] && echo upgrade || echo install); do
    if [ "$action" = install ]; then list=$install; past=installed; else list=$upgrade; past=upgraded; fi
    [ -n "$list" ] || continue
    # shellcheck disable=SC2086 # one word a package
    set -- $list
    if [ "$tb_check" != 1 ]; then
      pk "$action" -g -U -y "$@"; out="$out$pk_o"; err="$err$pk_e"
      for p in "$@"; do
        if [ "$action" = install ]; then installed "$p"; else ! outdated "$p"; fi || fail_out "failed to $action $p"
      done
    fi
    s=s; [ "$#" = 1 ] && s=''
    done_msg="${done_msg:+$done_msg; }$past $# package$s"
  done
  if [ -n "$done_msg" ]; then tb_changed=1; note "$done_msg"; else note "package(s) already $state"; fi
elif [ -n "$named" ] && [ "$state" = absent ]; then
  n=0
  for p in $named; do
    installed "$p" || continue
    if [ "$tb_check" != 1 ]; then
      pk delete -y "$p"; out="$out$pk_o"; err="$err$pk_e"; o=$pk_o
      installed "$p" && fail_out "failed to remove $p: $o"
    fi
    n=$((n + 1))
  done
  if [ "$n" -gt 0 ]; then tb_changed=1; note "removed $n package(s)"; else note "package(s) already absent"; fi
fi

if [ "$autoremove" = 1 ]; then
  pk autoremove -n
  n=$(printf '%s' "$pk_o" | awk '/^Deinstallation has been requested for the following [0-9]+ packages/ { print $8; exit }')
  if [ -z "$n" ] || [ "$n" = 0 ]; then note "no package(s) to autoremove"
  else
    if [ "$tb_check" != 1 ]; then pk autoremove -y; out="$out$pk_o"; err="$err$pk_e"; fi
    tb_changed=1; note "autoremoved $n package(s)"
  fi
fi

if [ -n "$annotation_given" ]; then
  notes=$annotation
  if [ "$(printf '%s' "$notes" | wc -l)" -eq 1 ]; then
    notes=$(printf '%s' "$notes" | awk '{ n = split($0, a, /[ \t]*,[ \t]*/); for (i = 1; i <= n; i++) print a[i] }')
  fi
  # tag's value in the package's annotations (word characters only), empty when unset
  tag_value() {
    pk info -g -A "$1"
    printf '%s' "$pk_o" | TB_T=$2 awk '{ s = $0; sub(/^[ \t]*/, "", s); t = ENVIRON["TB_T"]
      if (substr(s, 1, length(t)) != t) next; s = substr(s, length(t) + 1); sub(/^[ \t]*/, "", s)
      if (substr(s, 1, 1) != ":") next; s = substr(s, 2); sub(/^[ \t]*/, "", s)
      if (match(s, /^[A-Za-z0-9_]+/)) { print substr(s, 1, RLENGTH); exit } }'
  }
  n=0
  for p in $pkgs; do
    while IFS= read -r a; do
      [ -n "$a" ] || continue
      op=$(printf '%s' "$a" | cut -c1); rest=${a#?}; tag=${rest%%=*}; val=''
      case $rest in *=?*) val=${rest#*=} ;; esac
      case $op in [-+:]) [ -n "$tag" ] || op='' ;; *) op='' ;; esac
      [ -n "$op" ] || tb_fail "failed to annotate $p, invalid annotate string: $a"
      have=$(tag_value "$p" "$tag")
      case $op in
        +) if [ -z "$have" ]; then
             if [ "$tb_check" != 1 ]; then pk_in=$val; pk annotate -y -A "$p" "$tag" || { tb_ks stderr "$pk_e"; tb_fail "could not annotate $p: $pk_o"; }; fi
             n=$((n + 1))
           elif [ "$have" != "$val" ]; then
             tb_fail "failed to annotate $p, because $tag is already set to $have, but should be set to $val"
           fi ;;
        -) if [ -n "$have" ]; then
             if [ "$tb_check" != 1 ]; then pk annotate -y -D "$p" "$tag" || { tb_ks stderr "$pk_e"; tb_fail "could not delete annotation to $p: $pk_o"; }; fi
             n=$((n + 1))
           fi ;;
        :) [ -n "$have" ] || tb_fail "could not change annotation to $p: tag $tag does not exist"
           if [ "$have" != "$val" ]; then
             if [ "$tb_check" != 1 ]; then
               pk_in=$val; pk annotate -y -M "$p" "$tag"
               if [ "$pk_rc" != 0 ] && ! printf '%s\n' "$pk_o" | grep -q "^$p-[^:]*: Modified annotation tagged: $tag"; then
                 tb_ks stderr "$pk_e"; tb_fail "failed to annotate $p, could not change annotation $tag to $val: $pk_o"
               fi
             fi
             n=$((n + 1))
           fi ;;
      esac
    done <<EOF
$notes
EOF
  done
  if [ "$n" -gt 0 ]; then tb_changed=1; note "added $n annotations."; else note "changed no annotations"; fi
fi

tb_ks msg "$msgs"; tb_ks stdout "$out"; tb_ks stderr "$err"
tb_end
