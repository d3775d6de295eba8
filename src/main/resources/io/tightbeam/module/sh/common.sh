# shellcheck shell=sh disable=SC2034
# Functions the modules written in .sh files share (after ShellJson's and FileShell's).

# Python's "[Errno N] text: 'path'" for a failed system call, from the C library's message.
tb_errno() {
  case "$1" in
    *"No such file or directory"* | *"Directory nonexistent"*) printf "[Errno 2] No such file or directory: '%s'" "$2" ;;
    *"Permission denied"*) printf "[Errno 13] Permission denied: '%s'" "$2" ;;
    *"File exists"*) printf "[Errno 17] File exists: '%s'" "$2" ;;
    *"Not a directory"*) printf "[Errno 20] Not a directory: '%s'" "$2" ;;
    *"Is a directory"*) printf "[Errno 21] Is a directory: '%s'" "$2" ;;
    *"Read-only file system"*) printf "[Errno 30] Read-only file system: '%s'" "$2" ;;
    *) printf '%s' "$1" ;;
  esac
}

# n random characters from Python's tempfile alphabet (lower case letters, digits, underscore).
tb_random() {
  od -An -N"$1" -tu1 /dev/urandom | LC_ALL=C awk '
    BEGIN { a = "abcdefghijklmnopqrstuvwxyz0123456789_" }
    { for (i = 1; i <= NF; i++) printf "%s", substr(a, $i % 37 + 1, 1) }'
}

# stdin as base64 on one line: base64 (coreutils, BusyBox), else openssl, else od and awk.
tb_base64() {
  if command -v base64 >/dev/null 2>&1; then base64 | tr -d '\n'
  elif command -v openssl >/dev/null 2>&1; then openssl base64 -A
  else
    od -An -v -tu1 | LC_ALL=C awk '
      BEGIN { a = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/" }
      { for (i = 1; i <= NF; i++) b[n++] = $i + 0 }
      END { for (i = 0; i < n; i += 3) { x = b[i] * 65536 + (i + 1 < n ? b[i + 1] : 0) * 256 + (i + 2 < n ? b[i + 2] : 0)
          printf "%s%s%s%s", substr(a, int(x / 262144) % 64 + 1, 1), substr(a, int(x / 4096) % 64 + 1, 1),
            (i + 1 < n ? substr(a, int(x / 64) % 64 + 1, 1) : "="), (i + 2 < n ? substr(a, x % 64 + 1, 1) : "=") } }'
  fi
}

# tb_need TOOL...: Ansible's message for a tool the module needs and the target lacks, unless one
# of the alternatives exists (named by the first).
tb_need() {
  for tb_t in "$@"; do command -v "$tb_t" >/dev/null 2>&1 && return 0; done
  tb_fail "Failed to find required executable \"$1\" in paths: $PATH"
}

# tb_file_attrs PATH: mode, owner, group and attributes as the arguments say; a change adds
# Ansible's "ownership, perms or SE linux context changed" to $msg, and a change before stays.
tb_file_attrs() {
  tb_c0=$tb_changed; tb_changed=0
  # shellcheck disable=SC2154 # the module's file arguments
  tb_attrs "$1" "$mode" "$owner" "$group" 0 "$attributes"
  if [ "$tb_changed" = 1 ]; then
    if [ -n "$msg" ]; then msg="$msg and ownership, perms or SE linux context changed"
    else msg="ownership, perms or SE linux context changed"; fi
  fi
  [ "$tb_c0" = 1 ] && tb_changed=1
}

# tb_file_diff BEFORE AFTER HEADER: the result's diff of two files' contents, both headed HEADER.
tb_file_diff() {
  tb_h=$(printf '%s' "$3" | tb_json)
  tb_kv diff "{\"before_header\":$tb_h,\"before\":$(tb_json < "$1"),\"after_header\":$tb_h,\"after\":$(tb_json < "$2")}"
}

# awk functions: jstr(s) is s as a JSON string literal (call jinit() in BEGIN first).
tb_awk_json='
function jinit(   i) { for (i = 1; i < 32; i++) jctl = jctl sprintf("%c", i) }
function jstr(s,   out, i, c) { out = ""
  for (i = 1; i <= length(s); i++) { c = substr(s, i, 1)
    if (c == "\"" || c == "\\") out = out "\\" c; else if (c == "\t") out = out "\\t"; else if (c == "\n") out = out "\\n"
    else if (c < " ") out = out sprintf("\\u%04x", index(jctl, c)); else out = out c }
  return "\"" out "\"" }
'
