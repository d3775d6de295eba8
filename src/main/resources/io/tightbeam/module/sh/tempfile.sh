# shellcheck shell=sh disable=SC2154,SC2034
# tempfile: a new file (0600) or directory (0700) named prefix + 8 random characters + suffix.
dir=${path:-${TMPDIR:-/tmp}}
n=0
while :; do
  p="${dir%/}/$prefix$(tb_random 8)$suffix"
  if [ "$state" = directory ]; then
    e=$(LC_ALL=C mkdir -m 700 -- "$p" 2>&1) && break
  else
    e=$( (umask 077; set -C; : > "$p") 2>&1) && break
  fi
  case "$e" in *"File exists"* | *"cannot overwrite"*) n=$((n + 1)); [ "$n" -lt 100 ] && continue ;; esac
  [ -e "$p" ] && e="File exists"
  tb_fail "$(tb_errno "$e" "$p")"
done
tb_facts "$p" "$state"
tb_kb changed 1; tb_emit
