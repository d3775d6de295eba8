# shellcheck shell=sh
# Ansible's apt_key, driving apt-key (and gpg for a key's id): the key ids apt-key lists, cut to
# the length of the id asked for, tell whether the key is there; a key comes from file, data, url
# (fetched with curl or wget) or keyserver, and `apt-key del` removes one.
tb_need apt-key
ak() { if [ -n "$keyring" ]; then tb_run apt-key --keyring "$keyring" "$@"; else tb_run apt-key "$@"; fi; }
work=$(mktemp -d) || tb_fail "mktemp failed"
trap 'rm -rf -- "$work"' EXIT
invalid() { tb_kb changed 0; tb_kv failed true; if [ -n "$id" ]; then tb_ks id "$id"; else tb_kv id null; fi; tb_ks msg "Invalid key_id"; tb_emit; exit 0; }
key_id=''
if [ -n "$id" ]; then
  key_id=$(printf '%s' "$id" | tr '[:lower:]' '[:upper:]'); key_id=${key_id#0X}
  case "$key_id" in *[!0-9A-F]*) invalid ;; esac
  case ${#key_id} in 8 | 16 | 40) ;; *) invalid ;; esac
fi
keyfile=''
if [ -n "$file" ]; then keyfile=$file
elif [ -n "$data" ]; then printf '%s\n' "$data" > "$work/key"; keyfile=$work/key
elif [ -n "$url" ]; then
  method=GET req_headers='' body_file='' url_username='' url_password='' timeout=10 follow=all
  http_agent=ansible-httpget ca_path='' client_cert='' client_key='' use_proxy=1 unix_socket='' decompress=0
  tb_http "$work/key" "$work/headers"
  if [ "$tb_code" = -1 ]; then tb_fail "error getting key id from url: $url"; fi
  [ "$tb_code" = 200 ] || tb_fail "Failed to download key at $url: HTTP Error $tb_code: $(tb_http_reason "$work/headers")"
  keyfile=$work/key
fi
if [ -z "$key_id" ]; then
  if [ -z "$keyfile" ] || [ "$state" != present ]; then invalid; fi
  gpg=$(command -v gpg || command -v gpg2) || tb_fail "Failed to find required executable \"gpg\" in paths: $PATH"
  key_id=$("$gpg" --no-tty --batch --with-colons --import-options show-only --import "$keyfile" 2>/dev/null | awk -F: '$1 == "pub" { print $5; exit }')
  [ -n "$key_id" ] || tb_fail "Unable to extract key from '$keyfile'"
  id=$key_id
fi
short_id=$(printf '%s' "$key_id" | awk '{ print substr($0, length($0) - 7) }')
# listed: the key ids apt-key knows, each cut to the length of key_id
listed() {
  ak adv --with-colons --list-public-keys || { [ -n "$keyring" ] && [ ! -e "$keyring" ]; } || tb_fail "$tb_e"
  printf '%s\n' "$tb_o" | awk -F: -v n=${#key_id} '$1 == "pub" { k = $5; if (n == 40) next; print substr(k, length(k) - n + 1) }
    $1 == "fpr" && n == 40 { print $10 }' | awk 'NF && !seen[$0]++'
}
before=$(listed)
tb_kv before "$(printf '%s' "$before" | tb_lines_json)"
there=0; printf '%s\n' "$before" | grep -qx "$key_id" && there=1
if [ "$state" = present ] && [ "$there" = 0 ]; then
  tb_changed=1
  if [ "$tb_check" != 1 ]; then
    if [ -n "$keyfile" ]; then ak add "$keyfile" || tb_fail "error adding key: $tb_e"
    elif [ -n "$keyserver" ]; then ak adv --no-tty --keyserver "$keyserver" --recv "$key_id" || tb_fail "$tb_e"
    else tb_fail "key '$key_id' not found and no data, file, keyserver or url given"; fi
    tb_kv after "$(listed | tb_lines_json)"
  fi
elif [ "$state" = absent ] && [ "$there" = 1 ]; then
  tb_changed=1
  if [ "$tb_check" != 1 ]; then
    ak del "$key_id" || tb_fail "error removing key_id: $tb_e"
    tb_kv after "$(listed | tb_lines_json)"
  fi
fi
tb_ks fp "$key_id"; tb_ks id "$id"; tb_ks key_id "$key_id"; tb_ks short_id "$short_id"
tb_end
