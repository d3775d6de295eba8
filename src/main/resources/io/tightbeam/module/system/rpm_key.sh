# shellcheck shell=sh
# Ansible's rpm_key: gpg reads the key's id (and fingerprint), rpm imports it or erases the
# gpg-pubkey package of that id; a key given by URL is fetched with curl or wget first.
tb_need rpm
gpg=$(command -v gpg || command -v gpg2) || tb_fail "Failed to find required executable \"gpg2\" in paths: $PATH"
fingerprint=$(printf '%s' "$fingerprint" | tr -d ' ' | tr '[:lower:]' '[:upper:]')
work=$(mktemp -d) || tb_fail "mktemp failed"
trap 'rm -rf -- "$work"' EXIT
# gpg_field FILE KIND [OPTION]: into tb_v, gpg's field 5 (key id) or 10 (fingerprint) of the
# first line of that kind, as Ansible reads them
gpg_field() {
  tb_run "$gpg" --no-tty --batch --with-colons --fixed-list-mode ${3:+"$3"} "$1" || tb_fail "$tb_e"
  tb_v=$(printf '%s\n' "$tb_o" | awk -F: -v k="$2" '{ sub(/^[ \t]+/, "") } $1 == k { print (k == "pub" ? $5 : $10); exit }')
  [ -n "$tb_v" ] || tb_fail "Unexpected gpg output"
}
keyfile=''
case "$key" in
  *://*)
    keyfile="$work/key"
    # fetch_url's request: GET, redirects followed, Ansible's agent and 10 s limit
    method=GET url=$key req_headers='' body_file='' url_username='' url_password='' timeout=10 follow=all
    http_agent=ansible-httpget ca_path='' client_cert='' client_key='' use_proxy=1 unix_socket='' decompress=0
    tb_http "$keyfile" "$work/headers"
    if [ "$tb_code" = -1 ]; then tb_fail "failed to fetch key at $key , error was: Request failed: $tb_err"; fi
    if [ "$tb_code" != 200 ]; then
      tb_fail "failed to fetch key at $key , error was: HTTP Error $tb_code: $(tb_http_reason "$work/headers")"
    fi
    if ! grep -q -e '-----BEGIN PGP PUBLIC KEY BLOCK-----' "$keyfile" || ! grep -q -e '-----END PGP PUBLIC KEY BLOCK-----' "$keyfile"; then
      tb_fail "Not a public key: $key"
    fi
    gpg_field "$keyfile" pub; keyid=$tb_v ;;
  *)
    if printf '%s' "$key" | grep -q -i -E '^(0x)?[0-9a-f]{8}'; then keyid=$key
    elif [ -f "$key" ]; then keyfile=$key; gpg_field "$keyfile" pub; keyid=$tb_v
    else tb_fail "Not a valid key $key"; fi ;;
esac
keyid=$(printf '%s' "$keyid" | sed 's/^[[:space:]]*//; s/[[:space:]]*$//' | tr '[:lower:]' '[:upper:]')
keyid=${keyid#0X}
imported() {
  rpm -q gpg-pubkey >/dev/null 2>&1 || return 1
  # shellcheck disable=SC2016 # $1 is for the inner sh
  tb_run sh -c 'rpm -q gpg-pubkey --qf "%{description}" | "$1" --no-tty --batch --with-colons --fixed-list-mode -' sh "$gpg" || tb_fail "$tb_e"
  printf '%s\n' "$tb_o" | awk -F: -v id="$keyid" 'index($5, id) { f = 1 } END { exit !f }'
}
if [ "$state" = present ]; then
  imported && { tb_kb changed 0; tb_emit; exit 0; }
  [ -n "$keyfile" ] || tb_fail "When importing a key, a valid file must be given"
  if [ -n "$fingerprint" ]; then
    gpg_field "$keyfile" fpr --with-fingerprint; has=$tb_v
    [ "$has" = "$fingerprint" ] || tb_fail "The specified fingerprint, '$fingerprint', does not match the key fingerprint '$has'"
  fi
  if [ "$tb_check" != 1 ]; then tb_run rpm --import "$keyfile" || tb_fail "$tb_e"; fi
  tb_kb changed 1; tb_emit
else
  if imported; then
    short=$(printf '%s' "$keyid" | awk '{ print tolower(substr($0, length($0) > 8 ? length($0) - 7 : 1)) }')
    if [ "$tb_check" != 1 ]; then tb_run rpm --erase --allmatches "gpg-pubkey-$short" || tb_fail "$tb_e"; fi
    tb_kb changed 1
  else
    tb_kb changed 0
  fi
  tb_emit
fi
