# shellcheck shell=sh disable=SC2154,SC2034
# uri: one request; status checked against status_code; headers, cookies, content and dest as Ansible.
if [ -n "$creates" ] && [ -e "$creates" ]; then
  tb_ks stdout "skipped, since '$creates' exists"; tb_kv stdout_lines "[$(printf "skipped, since '%s' exists" "$creates" | tb_json)]"
  tb_kb changed 0; tb_emit; exit 0
fi
if [ -n "$removes" ] && [ ! -e "$removes" ]; then
  tb_ks stdout "skipped, since '$removes' does not exist"; tb_kv stdout_lines "[$(printf "skipped, since '%s' does not exist" "$removes" | tb_json)]"
  tb_kb changed 0; tb_emit; exit 0
fi
work=$(mktemp -d) || tb_fail "cannot make a temporary directory"
trap 'rm -rf -- "$work"' EXIT
if [ -n "$body_b64" ]; then
  printf '%s' "$body_b64" | { base64 -d 2>/dev/null || openssl base64 -d -A; } > "$work/req" || tb_fail "cannot decode the request body"
  body_file=$work/req
fi
if [ -n "$src" ]; then [ -r "$src" ] || tb_fail "Could not find or access '$src'"; body_file=$src; fi
start=$(date +%s)
tb_http "$work/body" "$work/headers"
elapsed=$(( $(date +%s) - start ))
reason=$(tb_http_reason "$work/headers")
length=$(awk 'BEGIN { IGNORECASE = 1 } /^HTTP\// { l = "" } tolower($0) ~ /^content-length:/ { sub(/\r$/, ""); l = $2 } END { print l }' "$work/headers")
ok=0
for c in $status_codes; do [ "$c" = "$tb_code" ] && ok=1; done
if [ "$tb_code" = -1 ]; then msg="Request failed: $tb_err"
elif [ "$tb_code" -ge 400 ]; then msg="HTTP Error $tb_code: $reason"
else msg="OK (${length:-unknown} bytes)"; fi
[ "$ok" = 1 ] || { tb_kb failed 1; msg="Status code was $tb_code and not [$status_list]: $msg"; }
tb_out="$tb_out$(tb_http_headers "$work/headers")"
[ "$tb_code" != -1 ] && [ "$tb_code" -lt 400 ] && tb_out="$tb_out,$(tb_http_cookies "$work/headers")"
if [ -n "$dest" ] && [ "$ok" = 1 ] && [ "$tb_code" != -1 ]; then
  d=$dest; [ -d "$d" ] && { b=${url%%\?*}; d="${d%/}/${b##*/}"; }
  if ! cmp -s -- "$work/body" "$d"; then
    tb_changed=1
    if [ "$tb_check" != 1 ]; then
      e=$(LC_ALL=C cp -- "$work/body" "$d" 2>&1) || tb_fail "Destination dir '$(dirname -- "$d")' not writable: $(tb_why "$e")"
    fi
  fi
  tb_attrs "$d" "$mode" "$owner" "$group" 0 "$attributes"
  tb_ks path "$d"
fi
if [ "$return_content" = 1 ] || { [ "$ok" != 1 ] && [ "$tb_code" -ge 400 ]; }; then
  [ "$return_content" = 1 ] && tb_kv content "$(tb_json < "$work/body")"
fi
# the controller parses a JSON body into "json" (sh cannot tell valid JSON from invalid)
case "$tb_out" in *'"content_type":"'*json*) [ -s "$work/body" ] && tb_kv tb_body_json "$(tb_json < "$work/body")" ;; esac
tb_kv status "$tb_code"; tb_ks url "$tb_url"
if [ "${tb_redirects:-0}" -gt 0 ]; then tb_kb redirected 1; else tb_kb redirected 0; fi
tb_kv elapsed "$elapsed"; tb_ks msg "$msg"; tb_kb changed "$tb_changed"; tb_emit
