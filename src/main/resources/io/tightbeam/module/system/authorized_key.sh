# shellcheck shell=sh
# ansible.posix.authorized_key: keys are told apart by their base64 blob; awk rewrites the file.
entry=$(tb_entry passwd "$user") || tb_fail "Failed to lookup user $user: \"getpwnam(): name not found: '$user'\""
home=$(printf '%s' "$entry" | cut -d: -f6); uid=$(printf '%s' "$entry" | cut -d: -f3); gid=$(printf '%s' "$entry" | cut -d: -f4)
case "$key" in
  http://*|https://*)
    url=$key
    if command -v curl >/dev/null 2>&1; then
      if [ "$validate_certs" = 1 ]; then key=$(curl -fsSL -- "$url" 2>/dev/null); else key=$(curl -kfsSL -- "$url" 2>/dev/null); fi
    elif command -v wget >/dev/null 2>&1; then
      if [ "$validate_certs" = 1 ]; then key=$(wget -qO- -- "$url" 2>/dev/null); else key=$(wget --no-check-certificate -qO- -- "$url" 2>/dev/null); fi
    else tb_fail "Error getting key from: $url (neither curl nor wget is installed)"; fi || tb_fail "Error getting key from: $url"
    ;;
esac
keyfile=${path:-$home/.ssh/authorized_keys}
# shellcheck disable=SC2016
awk_prog='
  function parse(s,   n, f, i, t) {
    n = split(s, f, /[ \t]+/); t = 0; opts = ""; blob = ""; cmt = ""
    for (i = 1; i <= n; i++) if (f[i] ~ /^(ssh-(rsa|dss|ed25519)|ecdsa-sha2-nistp(256|384|521)|sk-.*@openssh\.com|.*-cert-v01@openssh\.com)$/) { t = i; break }
    if (!t || t == n) return 0
    for (i = 1; i < t; i++) opts = opts (opts == "" ? "" : " ") f[i]
    type = f[t]; blob = f[t + 1]
    for (i = t + 2; i <= n; i++) cmt = cmt (cmt == "" ? "" : " ") f[i]
    return 1
  }
  function render(o, c) { return (o == "" ? "" : o " ") type " " blob (c == "" ? "" : " " c) }
  BEGIN {
    nk = split(ENVIRON["TB_KEYS"], k, "\n"); nw = 0
    for (i = 1; i <= nk; i++) {
      s = k[i]; sub(/^[ \t]+/, "", s); sub(/[ \t\r]+$/, "", s)
      if (s == "" || s ~ /^#/) continue
      if (!parse(s)) { print "invalid key specified: " k[i] > "/dev/stderr"; bad = 1; exit 1 }
      o = ENVIRON["TB_OPTS_GIVEN"] == "1" ? ENVIRON["TB_OPTS"] : opts
      c = ENVIRON["TB_CMT_GIVEN"] == "1" ? ENVIRON["TB_CMT"] : cmt
      w[blob] = render(o, c); order[++nw] = blob
    }
  }
  {
    line = $0; s = line; sub(/^[ \t]+/, "", s)
    if (s == "" || s ~ /^#/ || !parse(s)) { print line; next }
    if (blob in w) { if (!(blob in done) && ENVIRON["TB_STATE"] == "present") print w[blob]; done[blob] = 1; next }
    if (ENVIRON["TB_EXCL"] != "1") print line
  }
  END { if (bad) exit 1; if (ENVIRON["TB_STATE"] == "present") for (i = 1; i <= nw; i++) if (!(order[i] in done)) print w[order[i]] }'
src=$keyfile; [ -f "$keyfile" ] || src=/dev/null
tmp=$(mktemp) || tb_fail "cannot make a temporary file"
trap 'rm -f -- "$tmp"' EXIT
e=$(TB_KEYS=$key TB_OPTS=$key_options TB_OPTS_GIVEN=${key_options_given:-0} TB_CMT=$comment \
  TB_CMT_GIVEN=${comment_given:-0} TB_STATE=$state TB_EXCL=$exclusive LC_ALL=C awk "$awk_prog" "$src" 2>&1 >"$tmp") || tb_fail "$e"
if ! cmp -s -- "$src" "$tmp"; then
  tb_changed=1
  if [ "$tb_diff" = 1 ]; then
    tb_file_diff "$src" "$tmp" "$keyfile"
  fi
  if [ "$tb_check" != 1 ]; then
    dir=$(dirname -- "$keyfile")
    if [ ! -d "$dir" ]; then
      [ "$manage_dir" = 1 ] || tb_fail "Either user must exist or you must provide full path to key file in check mode"
      { mkdir -p -- "$dir" && chmod 0700 "$dir" && chown "$uid:$gid" "$dir"; } || tb_fail "Failed to create directory $dir"
    fi
    new=0; [ -f "$keyfile" ] || new=1
    e=$(LC_ALL=C cat -- "$tmp" 2>&1 > "$keyfile") || tb_fail "Failed to write to file $keyfile: $(tb_why "$e")"
    if [ "$new" = 1 ] || [ "$manage_dir" = 1 ]; then chmod 0600 "$keyfile"; chown "$uid:$gid" "$keyfile"; fi
  fi
fi
for v in comment key_options path; do
  eval "given=\${${v}_given:-0} val=\$$v"
  if [ "$given" = 1 ]; then tb_ks "$v" "$val"; else tb_kv "$v" null; fi
done
tb_kb exclusive "$exclusive"; tb_kb follow "$follow"; tb_kb manage_dir "$manage_dir"; tb_kb validate_certs "$validate_certs"
tb_ks key "$key"
tb_ks keyfile "$keyfile"; tb_ks state "$state"; tb_ks user "$user"
tb_end
