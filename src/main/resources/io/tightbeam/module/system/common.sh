# shellcheck shell=sh
# Shared by every system module's script (after ShellJson's, FileShell's and sh/common.sh's functions).
# Tools are looked for in PATH and then the sbin directories, as Ansible's get_bin_path does.
for tb_d in /sbin /usr/sbin /usr/local/sbin; do
  case ":$PATH:" in *":$tb_d:"*) ;; *) [ -d "$tb_d" ] && PATH="$PATH:$tb_d" ;; esac
done
export PATH
# tb_do CMD...: marks a change and runs CMD unless in check mode; stdout in tb_o, stderr in
# tb_e, exit code in tb_rc (also returned).
tb_do() {
  tb_changed=1; tb_o=''; tb_e=''; tb_rc=0
  [ "$tb_check" = 1 ] && return 0
  tb_run "$@"
}
# tb_run CMD...: as tb_do, in check mode too and without marking a change.
tb_run() {
  tb_ef=$(mktemp) || tb_fail "mktemp failed"
  tb_o=$(LC_ALL=C "$@" 2>"$tb_ef"); tb_rc=$?
  tb_e=$(cat "$tb_ef"; echo x); tb_e=${tb_e%x}; rm -f "$tb_ef"
  return "$tb_rc"
}
# tb_outputs: adds stdout and stderr of the last tb_do/tb_run when not empty, as Ansible's modules do.
tb_outputs() {
  [ -n "$tb_o" ] && tb_ks stdout "$tb_o"
  [ -n "$tb_e" ] && tb_ks stderr "$tb_e"
  return 0
}
tb_w=''
# tb_warn TEXT: one more entry of the result's warnings (tb_end adds them).
tb_warn() { tb_w="$tb_w,$(printf '%s' "$1" | tb_json)"; }
# tb_end: changed, warnings, then prints the result and exits.
tb_end() {
  tb_kb changed "$tb_changed"
  [ -n "$tb_w" ] && tb_kv warnings "[${tb_w#,}]"
  tb_emit; exit 0
}
# tb_lines_json: stdin lines as a JSON list of strings.
tb_lines_json() {
  tb_l='['; tb_sep=''
  while IFS= read -r tb_x || [ -n "$tb_x" ]; do
    tb_l="$tb_l$tb_sep$(printf '%s' "$tb_x" | tb_json)"; tb_sep=','
  done
  printf '%s]' "$tb_l"
}
# tb_entry DB KEY: the line for KEY in passwd or group (getent, else the file itself).
tb_entry() {
  getent "$1" "$2" 2>/dev/null && return 0
  awk -F: -v k="$2" '$1 == k { print; f = 1; exit } END { exit !f }' "/etc/$1" 2>/dev/null
}
