# shellcheck shell=sh disable=SC2154,SC2034
# slurp: a file's bytes as base64, never a change. Failures are told apart as Python's open() does
# (ENOENT, EACCES, EISDIR, else the errno text), from dd's strerror under the C locale, because a
# parent directory the user cannot search makes `test -e` false for a file that exists.
if [ -d "$src" ]; then
  [ -r "$src" ] || tb_fail "file is not readable: $src"
  tb_fail "source is a directory and must be a file: $src"
fi
if ! err=$(LC_ALL=C dd if="$src" of=/dev/null count=0 2>&1); then
  case $err in
    *"No such file"*) tb_fail "file not found: $src" ;;
    *"Permission denied"*) tb_fail "file is not readable: $src" ;;
    *"Not a directory"*) tb_fail "unable to slurp file: [Errno 20] Not a directory: '$src'" ;;
    *) tb_fail "unable to slurp file: ${err##*: }" ;;
  esac
fi
tmp=$(mktemp) || tb_fail "unable to slurp file: $src"
trap 'rm -f -- "$tmp"' EXIT
if ! tb_base64 < "$src" > "$tmp" 2>/dev/null; then tb_fail "unable to slurp file: $src"; fi
tb_kv content "\"$(cat "$tmp")\""
tb_ks source "$src"; tb_ks encoding base64; tb_kb changed 0; tb_emit
