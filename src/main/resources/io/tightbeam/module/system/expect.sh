# shellcheck shell=sh
# Ansible's expect, driving expect(1) instead of Python's pexpect (which the target may lack): the
# command runs in a pseudo-terminal, split into words as Ansible splits it (no shell); each response (one a line: "pattern<TAB>answer", several answers for one pattern given
# in turn) is sent when its regular expression matches. No check mode, as in Ansible.
if [ "$tb_check" = 1 ]; then
  tb_kb changed 0; tb_kv skipped true; tb_ks msg "remote module (expect) does not support check mode"; tb_emit; exit 0
fi
[ -n "$command" ] || { tb_kb changed 0; tb_kv failed true; tb_ks msg "no command given"; tb_kv rc 256; tb_emit; exit 0; }
[ -n "$chdir" ] && { cd "$chdir" || tb_fail "Unable to change directory to $chdir"; }
if [ -n "$creates" ] && [ -e "$creates" ]; then
  tb_kb changed 0; tb_ks cmd "$command"; tb_kv rc 0; tb_ks stdout "skipped, since $creates exists"
  tb_kv stdout_lines "[\"skipped, since $creates exists\"]"; tb_emit; exit 0
fi
if [ -n "$removes" ] && [ ! -e "$removes" ]; then
  tb_kb changed 0; tb_ks cmd "$command"; tb_kv rc 0; tb_ks stdout "skipped, since $removes does not exist"
  tb_kv stdout_lines "[\"skipped, since $removes does not exist\"]"; tb_emit; exit 0
fi
command -v expect >/dev/null 2>&1 || tb_fail "Failed to find required executable \"expect\" in paths: $PATH (tightbeam's expect drives expect(1) where Ansible imports Python's pexpect)"
work=$(mktemp -d) || tb_fail "mktemp failed"
trap 'rm -rf -- "$work"' EXIT
# The patterns and answers reach Tcl through the environment, never through its quoting.
i=0
printf '%s\n' "$responses" | while IFS="$(printf '\t')" read -r pat ans; do
  [ -n "$pat" ] || continue
  printf '%s\n' "$pat" > "$work/p.$i"; printf '%s\n' "$ans" > "$work/a.$i"; i=$((i + 1))
done
printf '%s' "$words" > "$work/words"
first=$(head -n 1 "$work/words")
command -v "$first" >/dev/null 2>&1 || tb_fail "The command was not found or was not executable: $first."
cat > "$work/run.exp" <<'TCL'
set timeout $env(TB_TIMEOUT)
log_user 0
if {$env(TB_ECHO) != "1"} { set stty_init -echo }
set out [open $env(TB_OUT) w]
fconfigure $out -translation binary
set n 0
set pats {}
set answers {}
while {[file exists "$env(TB_WORK)/p.$n"]} {
  set f [open "$env(TB_WORK)/p.$n"]; set p [string trimright [read $f] "\n"]; close $f
  set f [open "$env(TB_WORK)/a.$n"]; set a [string trimright [read $f] "\n"]; close $f
  set k [lsearch -exact $pats $p]
  if {$k < 0} { lappend pats $p; lappend answers [list $a]; set used($p) 0 } else {
    lset answers $k [concat [lindex $answers $k] [list $a]] }
  incr n
}
set f [open "$env(TB_WORK)/words"]; set words [split [string trimright [read $f] "\n"] "\n"]; close $f
if {[catch {spawn -noecho {*}$words} err]} { puts stderr $err; exit 126 }
set args {}
foreach p $pats { lappend args -re $p }
set code 0
while {1} {
  set cases {}
  for {set k 0} {$k < [llength $pats]} {incr k} {
    lappend cases -re [lindex $pats $k] [list set hit $k]
  }
  lappend cases timeout {set hit timeout} eof {set hit eof}
  set hit ""
  expect {*}$cases
  if {[info exists expect_out(buffer)]} { puts -nonewline $out $expect_out(buffer); unset expect_out(buffer) }
  if {$hit == "timeout"} { close $out; exit 124 }
  if {$hit == "eof"} { break }
  set p [lindex $pats $hit]
  set list [lindex $answers $hit]
  if {$used($p) >= [llength $list]} {
    if {[llength $list] > 1} { close $out; puts stderr $p; exit 125 }
    set used($p) 0
  }
  send -- "[lindex $list $used($p)]\r"
  incr used($p)
}
close $out
lassign [wait] pid spawnid oserr status
exit $status
TCL
start=$(date '+%Y-%m-%d %H:%M:%S.%N' | cut -c1-26); t0=$(date +%s%N)
rc=0
TB_TIMEOUT=${timeout:--1} TB_ECHO=$echo TB_OUT="$work/out" TB_WORK="$work" \
  expect -f "$work/run.exp" 2> "$work/err" || rc=$?
t1=$(date +%s%N); end=$(date '+%Y-%m-%d %H:%M:%S.%N' | cut -c1-26)
delta=$(awk -v a="$t0" -v b="$t1" 'BEGIN { d = (b - a) / 1000; s = int(d / 1000000); printf "%d:%02d:%02d.%06d", s / 3600, s % 3600 / 60, s % 60, d % 1000000 }')
# stdout without its last line end, as Ansible strips it
out=$(cat "$work/out"; echo x); out=${out%x}
while :; do case "$out" in *"$(printf '\r')"|*"
") out=${out%?} ;; *) break ;; esac; done
tb_kb changed 1; tb_ks cmd "$command"; tb_ks delta "$delta"; tb_ks end "$end"
case "$rc" in
  124) tb_kv failed true; tb_ks msg "command exceeded timeout"; tb_kv rc null ;;
  125) tb_kv failed true; tb_ks msg "No remaining responses for '$(head -n 1 "$work/err")', output was '$out'"; tb_kv rc null ;;
  0) tb_kv rc 0 ;;
  *) tb_kv failed true; tb_ks msg "non-zero return code"; tb_kv rc "$rc" ;;
esac
tb_ks start "$start"; tb_ks stdout "$out"; tb_kv stdout_lines "$(printf '%s' "$out" | tr -d '\r' | tb_lines_json)"
tb_emit
