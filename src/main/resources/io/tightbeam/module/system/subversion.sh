# shellcheck shell=sh
# Ansible's subversion: checkout (or export) when dest holds no working copy, else switch and
# update to the revision; before/after are svn info's "Revision:" and "URL:" lines. Local
# modifications fail unless force, which reverts them.
svn=${executable:-svn}
command -v "$svn" >/dev/null 2>&1 || tb_fail "Failed to find required executable \"svn\" in paths: $PATH"
svn=$(command -v "$svn")
# run ARGS...: svn with Ansible's options, into tb_o/tb_e/tb_rc; a failure ends the task as Ansible's does
run() {
  [ -n "$password" ] && set -- --password-from-stdin "$@"
  [ -n "$username" ] && set -- --username "$username" "$@"
  [ "$validate_certs" != 1 ] && set -- --trust-server-cert "$@"
  set -- --non-interactive --no-auth-cache "$@"
  tb_ef=$(mktemp) || tb_fail "mktemp failed"
  tb_o=$(printf '%s\n' "$password" | LC_ALL=C "$svn" "$@" 2>"$tb_ef"); tb_rc=$?
  tb_e=$(cat "$tb_ef"; echo x); tb_e=${tb_e%x}; rm -f "$tb_ef"
  if [ "$tb_rc" != 0 ]; then
    tb_ks cmd "$svn $*"; tb_ks msg "$(printf '%s' "$tb_e")"; tb_kv rc "$tb_rc"; tb_ks stderr "$tb_e"
    tb_kv stderr_lines "$(printf '%s' "$tb_e" | tb_lines_json)"; tb_ks stdout "$tb_o"
    tb_kv stdout_lines "$(printf '%s' "$tb_o" | tb_lines_json)"; tb_kv failed true; tb_kb changed 0; tb_emit; exit 0
  fi
}
# info_lines: the JSON list of svn info's Revision and URL lines for dest
info_lines() { run info "$dest"; printf '%s\n' "$tb_o" | { grep '^Revision:'; printf '%s\n' "$tb_o" | grep '^URL:'; } | tb_lines_json; }
if [ -z "$dest" ]; then
  if [ "$checkout" = 1 ] || [ "$update" = 1 ] || [ "$export" = 1 ]; then
    tb_fail "the destination directory must be specified unless checkout=no, update=no, and export=no"
  fi
  tb_end
fi
if [ ! -e "$dest" ] || { [ "$in_place" = 1 ] && [ ! -d "$dest/.svn" ]; }; then
  if [ "$checkout" != 1 ] && [ "$export" != 1 ]; then tb_end; fi
  tb_changed=1
  [ "$tb_check" = 1 ] && tb_end
  if [ "$export" = 1 ]; then
    if [ "$force" = 1 ]; then run export --force -r "$revision" "$repo" "$dest"; else run export -r "$revision" "$repo" "$dest"; fi
    tb_end
  fi
  if [ "$force" = 1 ]; then run checkout --force -r "$revision" "$repo" "$dest"; else run checkout -r "$revision" "$repo" "$dest"; fi
  tb_kv before null; tb_kv after "$(info_lines)"; tb_end
fi
[ -d "$dest/.svn" ] || tb_fail "ERROR: $dest folder already exists, but its not a subversion repository."
[ "$update" = 1 ] || tb_end
before=$(info_lines)
run status --quiet --ignore-externals "$dest"
modified=$(printf '%s\n' "$tb_o" | grep -v -e '^X' -e '^$' -e '^Performing status on external')
if [ -n "$modified" ] && [ "$force" != 1 ]; then tb_fail "ERROR: modified files exist in the repository."; fi
if [ "$tb_check" = 1 ]; then
  run info "$dest"; have=$(printf '%s\n' "$tb_o" | grep '^Revision:')
  run info -r "$revision" "$dest"; want=$(printf '%s\n' "$tb_o" | grep '^Revision:')
  if [ "$have" != "$want" ] || [ -n "$modified" ]; then tb_changed=1; fi
  tb_ks after "$want"; tb_ks before "$have"; tb_end
fi
[ -n "$modified" ] && run revert -R "$dest"
[ "$switch" = 1 ] && run switch --ignore-ancestry -r "$revision" "$repo" "$dest"
if [ "$force" = 1 ]; then run update --force -r "$revision" "$dest"; else run update -r "$revision" "$dest"; fi
after=$(info_lines)
if [ "$before" != "$after" ] || [ -n "$modified" ]; then tb_changed=1; fi
tb_kv after "$after"; tb_kv before "$before"
tb_end
