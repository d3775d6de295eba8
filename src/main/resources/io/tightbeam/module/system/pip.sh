# shellcheck shell=sh
# Ansible's pip, driving the target's pip: `executable`, else the virtualenv's bin/pip (the
# virtualenv made first with virtualenv_command), else pip3, pip or `python3 -m pip`. Changed is
# pip's own "Successfully installed/uninstalled" (or, for requirements, the freeze before and after
# differing); check mode reads `pip list --format=freeze`.
[ -n "$chdir" ] && { cd "$chdir" || tb_fail "Unable to change directory to $chdir"; }
[ -n "$umask" ] && umask "$umask"
result_common() {
  if [ -n "$name" ]; then tb_kv name "$(printf '%s' "$name" | tb_lines_json)"; else tb_kv name null; fi
  if [ -n "$requirements" ]; then tb_ks requirements "$requirements"; else tb_kv requirements null; fi
  tb_ks state "$state"
}
out_json() {
  tb_ks stderr "$tb_e"; tb_kv stderr_lines "$(printf '%s' "$tb_e" | tb_lines_json)"
  tb_ks stdout "$tb_o"; tb_kv stdout_lines "$(printf '%s' "$tb_o" | tb_lines_json)"
}
# prun CMD...: as tb_run, keeping the last newline of stdout (the result's stdout is pip's bytes)
prun() {
  tb_ef=$(mktemp) || tb_fail "mktemp failed"
  tb_o=$(LC_ALL=C "$@" 2>"$tb_ef"; r=$?; echo x; exit "$r"); tb_rc=$?; tb_o=${tb_o%x}
  tb_e=$(cat "$tb_ef"; echo x); tb_e=${tb_e%x}; rm -f "$tb_ef"
  return "$tb_rc"
}
nullable() { if [ -n "$2" ]; then tb_ks "$1" "$2"; else tb_kv "$1" null; fi; }
venv_out=''; venv_err=''
if [ -n "$virtualenv" ] && [ ! -f "$virtualenv/bin/activate" ]; then
  tb_changed=1
  if [ "$tb_check" = 1 ]; then tb_kb changed 1; tb_emit; exit 0; fi
  vcmd=$(printf '%s' "$virtualenv_command" | awk '{ print $1 }')
  command -v "$vcmd" >/dev/null 2>&1 || tb_fail "Failed to find required executable \"$vcmd\" in paths: $PATH"
  set --
  [ "$virtualenv_site_packages" = 1 ] && set -- --system-site-packages
  [ -n "$virtualenv_python" ] && set -- "$@" -p "$virtualenv_python"
  # shellcheck disable=SC2086 # virtualenv_command may hold arguments, as in Ansible
  prun $virtualenv_command "$@" "$virtualenv" || { out_json; tb_ks cmd "$virtualenv_command $* $virtualenv"; tb_fail "Failed to create virtualenv: $tb_e"; }
  venv_out=$tb_o; venv_err=$tb_e
fi
if [ -n "$executable" ]; then
  pip=$executable
  command -v "$pip" >/dev/null 2>&1 || tb_fail "Unable to find any of $pip to use.  pip needs to be installed."
elif [ -n "$virtualenv" ]; then
  pip=''
  for p in pip3 pip; do [ -x "$virtualenv/bin/$p" ] && { pip="$virtualenv/bin/$p"; break; }; done
  [ -n "$pip" ] || tb_fail "Unable to find pip in the virtualenv, $virtualenv, under any of these names: pip3, pip. Make sure pip is present in the virtualenv."
elif command -v pip3 >/dev/null 2>&1; then pip=$(command -v pip3)
elif command -v pip >/dev/null 2>&1; then pip=$(command -v pip)
elif command -v python3 >/dev/null 2>&1 && python3 -m pip --version >/dev/null 2>&1; then pip="$(command -v python3) -m pip"
else tb_fail "Unable to find any of pip3 to use.  pip needs to be installed."
fi
# Each requested package with its version (name==version when version is given).
packages=''
while IFS= read -r p; do
  [ -n "$p" ] || continue
  [ -n "$version" ] && p="$p==$version"
  packages="$packages$p
"
done <<EOF2
$name
EOF2
set --
case "$state" in
  absent) set -- uninstall -y ;;
  latest) set -- install -U ;;
  forcereinstall) set -- install -U --force-reinstall ;;
  *) set -- install ;;
esac
# shellcheck disable=SC2086 # extra_args are words, as Ansible splits them
[ -n "$extra_args" ] && set -- "$@" $extra_args
[ "$editable" = 1 ] && set -- "$@" -e
while IFS= read -r p; do [ -n "$p" ] && set -- "$@" "$p"; done <<EOF2
$packages
EOF2
[ -n "$requirements" ] && set -- "$@" -r "$requirements"
cmdjson=$( { printf '%s\n' "$pip" | tr ' ' '\n'; printf '%s\n' "$@"; } | tb_lines_json)
# freeze: the installed distributions as name==version lines
# shellcheck disable=SC2086 # pip may be "python3 -m pip"
freeze() { prun $pip list --format=freeze || prun $pip freeze; }
if [ "$tb_check" = 1 ]; then
  if [ -n "$requirements" ] || [ "$state" = latest ] || [ "$state" = forcereinstall ]; then tb_kb changed 1; tb_emit; exit 0; fi
  freeze
  would=0
  while IFS= read -r p; do
    [ -n "$p" ] || continue
    want=${p%%==*}; wantv=''; case "$p" in *==*) wantv=${p#*==} ;; esac
    have=$(printf '%s\n' "$tb_o" | awk -F '==' -v n="$want" 'tolower($1) == tolower(n) { print $2; exit }')
    if [ "$state" = absent ]; then [ -n "$have" ] && would=1
    elif [ -z "$have" ] || { [ -n "$wantv" ] && [ "$have" != "$wantv" ]; }; then would=1; fi
  done <<EOF2
$packages
EOF2
  tb_kb changed "$would"; tb_ks cmd "$pip list --format=freeze"; out_json; tb_emit; exit 0
fi
before=''
[ -n "$requirements" ] && { freeze; before=$tb_o; }
# shellcheck disable=SC2086 # pip may be "python3 -m pip"
prun $pip "$@"
rc=$tb_rc; o=$tb_o; e=$tb_e
if [ "$rc" != 0 ]; then
  tb_kv cmd "$cmdjson"; tb_kv failed true; tb_kb changed 0
  m=''; [ -n "$o" ] && m="stdout: $o"; [ -n "$e" ] && m="$m
:stderr: $e"
  tb_ks msg "$m"; tb_emit; exit 0
fi
case "$state" in
  absent) case "$o" in *"Successfully uninstalled"*) tb_changed=1 ;; esac ;;
  *) case "$o" in *"Successfully installed"*) tb_changed=1 ;; esac ;;
esac
if [ -n "$requirements" ]; then freeze; [ "$tb_o" != "$before" ] && tb_changed=1; fi
tb_kb changed "$tb_changed"; tb_kv cmd "$cmdjson"; result_common
tb_o="$venv_out$o"; tb_e="$venv_err$e"; out_json
nullable version "$version"; nullable virtualenv "$virtualenv"
tb_emit
