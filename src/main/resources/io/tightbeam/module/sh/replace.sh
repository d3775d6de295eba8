# shellcheck shell=sh disable=SC2154,SC2034
# replace: Python's re.subn over the file (MULTILINE), between after and before (DOTALL), by perl.
p=$path
[ -d "$p" ] && { tb_kv rc 256; tb_fail "Path $p is a directory !"; }
[ -e "$p" ] || { tb_kv rc 257; tb_fail "Path $p does not exist !"; }
[ -r "$p" ] || tb_fail "[Errno 13] Permission denied: '$p'"
command -v perl >/dev/null 2>&1 || tb_fail "replace needs perl on the target for Python's regular expressions, and perl was not found"
tmp=$(mktemp) || tb_fail "cannot make a temporary file"
trap 'rm -f -- "$tmp" "$tmp.n"' EXIT
# Python's template: \1 and \g<1> or \g<name> are groups, \n \t \r \\ are escapes.
n=$(TB_OUT="$tmp.n" TB_RE=$regexp TB_REPL=$replace TB_AFTER=$after TB_BEFORE=$before perl -e '
  use strict; use warnings; no warnings "uninitialized";
  local $/; my $t = <STDIN>; my ($re, $rp, $af, $bf) = @ENV{qw(TB_RE TB_REPL TB_AFTER TB_BEFORE)};
  my $sec = qr/\A(.*)\z/s;
  if ($af ne "" && $bf ne "") { $sec = qr/(?:$af)(.*?)(?:$bf)/s }
  elsif ($af ne "") { $sec = qr/(?:$af)(.*)/s }
  elsif ($bf ne "") { $sec = qr/(.*)(?:$bf)/s }
  my ($s, $e) = (0, 0); if ($t =~ $sec) { ($s, $e) = ($-[1], $+[1]) } elsif ($af ne "" || $bf ne "") { print "nosection"; exit 0 }
  my $part = substr($t, $s, $e - $s); my $n = 0; my $m = eval { qr/$re/m } or do { print "error: $@"; exit 0 };
  my %esc = (n => "\n", t => "\t", r => "\r", "\\" => "\\", a => "\a", f => "\f", v => "\013");
  $part =~ s{$m}{ $n++; my @g = ($&, map { substr($part, $-[$_], $+[$_] - $-[$_]) } 1 .. $#-); my %nm = %+;
    (my $x = $rp) =~ s{\\(?:g<(\d+)>|g<(\w+)>|(\d\d?)|(.))}{ defined $1 ? $g[$1] : defined $2 ? $nm{$2} : defined $3 ? $g[$3] : exists $esc{$4} ? $esc{$4} : "\\$4" }ges; $x }ge;
  substr($t, $s, $e - $s) = $part;
  open(my $o, ">", $ENV{TB_OUT}) or die; print $o $t; close $o; print $n' < "$p") || tb_fail "perl failed on $p"
case "$n" in error:*) tb_fail "invalid regular expression: ${n#error: }" ;; esac
if [ "$n" = nosection ]; then
  # Python's section pattern, as Ansible's message quotes it
  if [ -n "$after" ] && [ -n "$before" ]; then sec="$after(?P<subsection>.*?)$before"
  elif [ -n "$after" ]; then sec="$after(?P<subsection>.*)"
  else sec="(?P<subsection>.*)$before"; fi
  tb_kv rc 0; tb_ks msg "Pattern for before/after params did not match the given file: $sec"; tb_kb changed 0; tb_emit
  exit 0
fi
msg=''
if [ "$n" -gt 0 ] && ! cmp -s -- "$p" "$tmp.n"; then
  tb_changed=1; msg="$n replacements made"
  if [ "$tb_diff" = 1 ]; then
    tb_file_diff "$p" "$tmp.n" "$p"
  fi
  if [ "$tb_check" != 1 ]; then
    case "$validate_raw" in *%s*|'') ;; *) tb_changed=0; tb_fail "validate must contain %s: $validate_raw" ;; esac
    if [ -n "$validate_cmd" ]; then
      vout=$(f=$tmp.n sh -c "$validate_cmd" 2>&1) || { tb_changed=0; tb_ks stdout "$vout"; tb_fail "failed to validate: rc:$? error:$vout"; }
    fi
    if [ "$backup" = 1 ]; then
      bf="$p.$$.$(date +%Y-%m-%d@%H:%M:%S)~"; cp -p -- "$p" "$bf" || tb_fail "Could not back up $p"; tb_ks backup_file "$bf"
    fi
    t2="$(dirname -- "$p")/.tb-replace.$$"
    if e=$(LC_ALL=C cp -- "$tmp.n" "$t2" 2>&1); then
      if tb_stat "$p"; then chmod "$tb_mode" "$t2"; chown "$tb_uid:$tb_gid" "$t2" 2>/dev/null; fi
      tb_move "$t2" "$p" || tb_fail "Could not replace $p: $(tb_why "$tb_e")"
    elif [ "$unsafe_writes" = 1 ] && [ -w "$p" ]; then
      e=$(LC_ALL=C cat -- "$tmp.n" 2>&1 > "$p") || tb_fail "Could not write $p: $(tb_why "$e")"
    else
      tb_fail "The destination directory ($(dirname -- "$p")) is not writable by the current user. Error was: $(tb_why "$e")"
    fi
  fi
fi
tb_file_attrs "$p"
tb_kv rc 0; tb_ks msg "$msg"; tb_kb changed "$tb_changed"; tb_emit
