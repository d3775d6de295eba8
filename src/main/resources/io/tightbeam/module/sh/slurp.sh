# shellcheck shell=sh disable=SC2154,SC2034
# slurp: a file's bytes as base64, never a change.
if [ -d "$src" ]; then tb_fail "source is a directory and must be a file: $src"; fi
if [ ! -e "$src" ]; then tb_fail "file not found: $src"; fi
[ -r "$src" ] || tb_fail "file is not readable: $src"
tmp=$(mktemp) || tb_fail "unable to slurp file: $src"
trap 'rm -f -- "$tmp"' EXIT
if ! tb_base64 < "$src" > "$tmp" 2>/dev/null; then tb_fail "unable to slurp file: $src"; fi
tb_kv content "\"$(cat "$tmp")\""
tb_ks source "$src"; tb_ks encoding base64; tb_kb changed 0; tb_emit
