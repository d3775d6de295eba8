# shellcheck shell=sh disable=SC2154,SC2034
# One HTTP request for uri and get_url, by curl, else wget: tb_http OUT HEADERS [IF-MODIFIED-SINCE-FILE]
# writes the body to OUT and the last response's headers to HEADERS, and sets tb_code (the status,
# -1 when there was none), tb_url (after redirects), tb_redirects and tb_err (why it failed).
# Variables: method, url, req_headers (Name: value lines), body_file, url_username, url_password,
# validate_certs, timeout, follow (none/safe/all), http_agent, ca_path, client_cert, client_key,
# use_proxy, unix_socket, decompress.
tb_http() {
  tb_code=-1; tb_url=$url; tb_redirects=0; tb_err=''
  if command -v curl >/dev/null 2>&1; then
    set -- "$1" "$2" "${3:-}" -sS --globoff -A "$http_agent" --max-time "$timeout" -D "$2" -o "$1"
    if [ "$method" = HEAD ]; then set -- "$@" -I; else set -- "$@" -X "$method"; fi
    [ "$validate_certs" = 1 ] || set -- "$@" -k
    case "$follow" in all) set -- "$@" -L --max-redirs 50 ;; safe) case "$method" in GET | HEAD) set -- "$@" -L --max-redirs 50 ;; esac ;; esac
    [ -n "$url_username" ] && set -- "$@" -u "$url_username:$url_password"
    [ -n "$body_file" ] && set -- "$@" --data-binary "@$body_file"
    [ -n "$ca_path" ] && set -- "$@" --cacert "$ca_path"
    [ -n "$client_cert" ] && set -- "$@" --cert "$client_cert"
    [ -n "$client_key" ] && set -- "$@" --key "$client_key"
    [ "$use_proxy" = 1 ] || set -- "$@" --noproxy '*'
    [ -n "$unix_socket" ] && set -- "$@" --unix-socket "$unix_socket"
    [ "$decompress" = 1 ] && set -- "$@" --compressed
    [ -n "$3" ] && [ -e "$3" ] && set -- "$@" -z "$3"
    if [ -n "$req_headers" ]; then
      tb_oifs=$IFS; IFS='
'
      for tb_h in $req_headers; do set -- "$@" -H "$tb_h"; done
      IFS=$tb_oifs
    fi
    tb_w=$(shift 3; LC_ALL=C curl "$@" -w '%{http_code} %{num_redirects} %{url_effective}' -- "$url" 2>"$2.err"); tb_rc=$?
    tb_code=${tb_w%% *}; tb_w=${tb_w#* }; tb_redirects=${tb_w%% *}; tb_url=${tb_w#* }
    [ "$tb_code" = 000 ] && tb_code=-1
    [ -n "$tb_url" ] || tb_url=$url
    if [ "$tb_code" = -1 ]; then
      case "$tb_rc" in
        7) tb_err='<urlopen error [Errno 111] Connection refused>' ;;
        6) tb_err='<urlopen error [Errno -2] Name or service not known>' ;;
        28) tb_err='The read operation timed out' ;;
        *) tb_err=$(sed 's/^curl: ([0-9]*) //' "$2.err") ;;
      esac
    fi
    rm -f -- "$2.err"
  elif command -v wget >/dev/null 2>&1; then
    case "$method" in GET | POST) ;; *) tb_err="wget, the only HTTP client on this host, cannot send $method; install curl"; return 0 ;; esac
    set -- "$1" "$2" -q -S -O "$1" -T "$timeout" -U "$http_agent"
    [ "$validate_certs" = 1 ] || set -- "$@" --no-check-certificate
    [ -n "$body_file" ] && set -- "$@" --post-file "$body_file"
    [ -n "$url_username" ] && set -- "$@" --user "$url_username" --password "$url_password"
    if [ -n "$req_headers" ]; then
      tb_oifs=$IFS; IFS='
'
      for tb_h in $req_headers; do set -- "$@" --header "$tb_h"; done
      IFS=$tb_oifs
    fi
    (shift 2; LC_ALL=C wget "$@" -- "$url") 2>"$2.raw"
    sed -n 's/^  //p' "$2.raw" > "$2"
    tb_code=$(awk '/^HTTP\// { c = $2 } END { print c }' "$2")
    [ -n "$tb_code" ] || { tb_code=-1; tb_err=$(tail -n 1 "$2.raw"); }
    tb_redirects=$(grep -c '^HTTP/' "$2"); tb_redirects=$((tb_redirects - 1))
    rm -f -- "$2.raw"
  else
    tb_fail "Failed to find required executable \"curl\" or \"wget\" in paths: $PATH"
  fi
}

# The last response's reason phrase and its headers as JSON members (lower case, - as _), after
# Ansible's keys; cookies and cookies_string from Set-Cookie.
tb_http_reason() { awk '/^HTTP\// { sub(/\r$/, ""); $1 = ""; $2 = ""; r = substr($0, 3) } END { print r }' "$1"; }
tb_http_headers() {
  LC_ALL=C awk "$tb_awk_json"'
    BEGIN { jinit() }
    /^HTTP\// { n = 0; split("", seen); next }
    { sub(/\r$/, "") }
    /^[^ \t:]+:/ { i = index($0, ":"); k = tolower(substr($0, 1, i - 1)); v = substr($0, i + 1); sub(/^[ \t]+/, "", v)
      gsub(/-/, "_", k); if (k in seen) val[seen[k]] = val[seen[k]] ", " v; else { seen[k] = ++n; key[n] = k; val[n] = v } }
    END { for (i = 1; i <= n; i++) printf ",%s:%s", jstr(key[i]), jstr(val[i]) }' "$1"
}
tb_http_cookies() {
  LC_ALL=C awk "$tb_awk_json"'
    BEGIN { jinit() }
    /^HTTP\// { n = 0; next }
    { sub(/\r$/, "") }
    tolower($0) ~ /^set-cookie:/ { c = substr($0, 12); sub(/^[ \t]+/, "", c); sub(/;.*/, "", c); i = index(c, "=")
      name[++n] = substr(c, 1, i - 1); val[n] = substr(c, i + 1) }
    END { d = ""; s = ""; for (i = 1; i <= n; i++) { d = d (i > 1 ? "," : "") jstr(name[i]) ":" jstr(val[i]); s = s (i > 1 ? "; " : "") name[i] "=" val[i] }
      printf "\"cookies\":{%s},\"cookies_string\":%s", d, jstr(s) }' "$1"
}
