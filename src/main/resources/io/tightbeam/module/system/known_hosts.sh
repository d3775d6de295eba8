# shellcheck shell=sh
# Ansible's known_hosts: one host's key in a known_hosts file. ssh-keygen finds the host (-F, which
# understands hashed and wildcard entries), removes it when no key is given (-R) and hashes (-H).
tb_need ssh-keygen
given_key=$key
host=$(printf '%s' "$name" | tr '[:upper:]' '[:lower:]')
[ -z "$key" ] && [ "$state" != absent ] && tb_fail "No key specified when adding a host"
work=$(mktemp -d) || tb_fail "mktemp failed"
trap 'rm -rf -- "$work"' EXIT
if [ -n "$key" ] && [ "$hash_host" = 1 ]; then
  # The host field becomes |1|salt|HMAC-SHA1(salt, host): ssh-keygen -H computes it for a line
  # naming the host (any valid key will do), and it replaces the key's own host field.
  printf '%s ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIIzlnSq5ESxLgW0avvPk3j7zLV59hcAPkxrMNdnZMKP2\n' "$host" > "$work/h"
  tb_run ssh-keygen -H -f "$work/h" || tb_fail "ssh-keygen -H failed: $tb_e"
  hashed=$(cut -d' ' -f1 "$work/h")
  # shellcheck disable=SC2086 # split on white space as Python's str.split()
  set -- $key
  if [ "${1#@}" != "$1" ]; then marker=$1; shift; shift; key="$marker $hashed $*"; else shift; key="$hashed $*"; fi
fi
# the key as one line ending in a newline, as Ansible writes it
[ -n "$key" ] && key="${key%
}
"
if [ -n "$key" ]; then
  if printf '%s' "$host" | grep -q '[^[:space:]][[:space:]]*,'; then
    tb_fail "Comma separated list of names is not supported. Please pass a single name to lookup in the known_hosts file."
  fi
  printf '%s' "$key" > "$work/key"
  tb_run ssh-keygen -F "$host" -f "$work/key"
  [ -n "$tb_o" ] || tb_fail "Host parameter does not match hashed host field in supplied key"
fi

# found: the host is in the file; replace: a different key of the key's type is; line: that
# entry's line (or the same key's), empty when none
found=0; replace=0; line=''
if [ -e "$path" ]; then
  tb_run ssh-keygen -F "$host" -f "$path"
  if [ -n "$tb_o" ] || [ -n "$tb_e" ] || { [ "$tb_rc" != 0 ] && [ "$tb_rc" != 1 ]; }; then
    [ "$tb_rc" = 0 ] || tb_fail "ssh-keygen failed (rc=$tb_rc, stdout='$tb_o',stderr='$tb_e')"
    found=1
    if [ -n "$key" ]; then
      verdict=$(printf '%s\n' "$tb_o" | NEW=$key awk '
        function fields(s, f,   n, w) { n = split(s, w, /[ \t\r\n]+/); if (w[1] == "") { for (i = 1; i < n; i++) w[i] = w[i + 1]; n-- }
          if (substr(w[1], 1, 1) == "@") { f["o"] = w[1]; f["h"] = w[2]; f["t"] = w[3]; f["k"] = w[4] }
          else { f["o"] = ""; f["h"] = w[1]; f["t"] = w[2]; f["k"] = w[3] } }
        BEGIN { fields(ENVIRON["NEW"], n) }
        $0 == "" { next }
        /^#/ { if (match($0, /found: line [0-9]+/)) at = substr($0, RSTART + 12, RLENGTH - 12); next }
        { fields($0, f); h = n["h"]
          if (substr(h, 1, 3) == "|1|" && substr(f["h"], 1, 3) == "|1|") h = f["h"]
          if (f["o"] == n["o"] && f["h"] == h && f["t"] == n["t"] && f["k"] == n["k"]) { print "0 " at; exit }
          if (f["t"] == n["t"]) { print "1 " at; exit } }
        END { }')
      if [ -n "$verdict" ]; then replace=${verdict%% *}; line=${verdict#* }; else replace=1; fi
    fi
  fi
fi

# the file as it is, and as it should be
before_header=$path
if [ -e "$path" ]; then cp -- "$path" "$work/before" 2>/dev/null || : > "$work/before"
else : > "$work/before"; before_header=/dev/null; fi
drop=''
if [ -n "$line" ] && { [ "$replace" = 1 ] || [ "$state" = absent ]; }; then drop=$line; fi
# sed keeps an unterminated last line as it is (Ansible then appends the key right after it)
if [ -n "$drop" ]; then sed "${drop}d" "$work/before" > "$work/after"; else cp -- "$work/before" "$work/after"; fi
if [ "$state" = present ] && { [ "$replace" = 1 ] || [ -z "$line" ]; }; then printf '%s' "$key" >> "$work/after"; fi
h=$(printf '%s' "$path" | tb_json)
diff="{\"before_header\":$(printf '%s' "$before_header" | tb_json),\"after_header\":$h,\"before\":$(tb_json < "$work/before"),\"after\":$(tb_json < "$work/after")}"

if [ "$state" = absent ] && [ -z "$line" ] && [ -n "$key" ]; then
  tb_changed=0
elif [ "$tb_check" = 1 ]; then
  want=0; [ "$state" = present ] && want=1
  tb_changed=0; { [ "$replace" = 1 ] || [ "$found" != "$want" ]; } && tb_changed=1
  tb_kv diff "$diff"; tb_end
else
  want=0; [ "$state" = present ] && want=1
  if [ "$found" = 1 ] && [ -z "$key" ] && [ "$state" = absent ]; then
    tb_run ssh-keygen -R "$host" -f "$path" || tb_fail "$tb_e"
    tb_changed=1
  fi
  if [ "$replace" = 1 ] || [ "$found" != "$want" ]; then
    if [ -e "$path" ] && [ -z "$key" ]; then cp -- "$path" "$work/after"; fi
    dir=$(dirname -- "$path")
    tmp="$dir/tmp$(tb_random 8)"
    e=$(LC_ALL=C cat -- "$work/after" 2>&1 > "$tmp") || tb_fail "Failed to write to file $path: $(tb_errno "$e" "$tmp")"
    if tb_stat "$path"; then chmod "$tb_mode" "$tmp"; chown "$tb_uid:$tb_gid" "$tmp" 2>/dev/null; fi
    tb_move "$tmp" "$path" || tb_fail "Unable to make $tmp into to $path, failed final rename from $tmp: $(tb_why "$tb_e")"
    tb_changed=1
  fi
fi
tb_kv diff "$diff"
tb_ks name "$name"
if [ "$key_given" = 1 ]; then tb_ks key "$given_key"; else tb_kv key null; fi
tb_kb hash_host "$hash_host"
tb_facts "$path"
tb_end
