package io.tightbeam.module;

/**
 * POSIX sh functions shared by the file modules' remote scripts: a result builder ({@code tb_kv},
 * {@code tb_ks}, {@code tb_emit}, {@code tb_fail}), checksums with whatever tool the target has,
 * {@code stat} facts and the mode/owner/group fixer that reports whether it changed anything.
 */
final class FileShell {
  private FileShell() {}

  static final String FUNCTIONS =
      """
      tb_out=''
      tb_changed=0
      tb_kv() { tb_out="$tb_out,\\"$1\\":$2"; }
      tb_ks() {
        case "$2" in
          *[\\"\\\\]* | *[![:print:]]*) tb_kv "$1" "$(printf '%s' "$2" | tb_json)" ;;
          *) tb_kv "$1" "\\"$2\\"" ;;
        esac
      }
      tb_kb() { if [ "$2" = 1 ]; then tb_kv "$1" true; else tb_kv "$1" false; fi; }
      tb_emit() { printf '{%s}\\n' "${tb_out#,}"; }
      tb_fail() { tb_kb changed 0; tb_kv failed true; tb_ks msg "$1"; tb_emit; exit 0; }
      tb_why() { printf '%s' "${1##*: }"; }
      # a tool's errno text as Python's OSError shows it for a bytes path ([Errno 1] ...: b'/p')
      tb_oserror() {
        case $1 in
          *"Operation not permitted"*) printf "[Errno 1] Operation not permitted: b'%s'" "$2" ;;
          *"Permission denied"*) printf "[Errno 13] Permission denied: b'%s'" "$2" ;;
          *) printf '%s' "$1" ;;
        esac
      }
      tb_sum() {
        case "$1" in sha1) tb_c=sha1sum ;; md5) tb_c=md5sum ;; sha256) tb_c=sha256sum ;; *) return 1 ;; esac
        [ -r "$2" ] || return 1
        if command -v "$tb_c" >/dev/null 2>&1; then "$tb_c" < "$2" | awk '{print $1}'
        elif command -v openssl >/dev/null 2>&1; then openssl dgst -"$1" < "$2" | awk '{print $NF}'
        elif command -v busybox >/dev/null 2>&1; then busybox "$tb_c" < "$2" | awk '{print $1}'
        else return 1; fi
      }
      tb_stat() {
        tb_f=''; [ "$2" = 1 ] && tb_f=-L
        tb_line=$(stat $tb_f -c '%a %u %g %s %Y %X %Z %i %h %d %U %G' -- "$1" 2>/dev/null) || return 1
        set -- $tb_line
        tb_mode=$(printf '%04d' "$1"); tb_uid=$2; tb_gid=$3; tb_size=$4; tb_mtime=$5; tb_atime=$6
        tb_ctime=$7; tb_inode=$8; tb_nlink=$9; shift 9; tb_dev=$1; tb_owner=$2; tb_group=$3
      }
      tb_kind() {
        if [ -L "$1" ]; then echo link; elif [ -d "$1" ]; then echo directory
        elif [ -e "$1" ]; then
          if [ "$(stat -c %h -- "$1" 2>/dev/null)" -gt 1 ] 2>/dev/null; then echo hard; else echo file; fi
        else echo absent; fi
      }
      tb_symbolic() {
        tb_t=$(mktemp) || return 1
        chmod "$1" "$tb_t" && chmod "$2" "$tb_t" && stat -c '%a' -- "$tb_t" | awk '{printf "%04d", $1}'
        rm -f -- "$tb_t"
      }
      tb_facts() {
        tb_ks path "$1"
        if [ -n "$2" ]; then tb_ks state "$2"; else tb_ks state "$(tb_kind "$1")"; fi
        if tb_stat "$1"; then
          tb_ks mode "$(tb_octal "$tb_mode")"; tb_kv uid "$tb_uid"; tb_kv gid "$tb_gid"; tb_ks owner "$tb_owner"
          tb_ks group "$tb_group"; tb_kv size "$tb_size"
        fi
      }
      tb_db=''; tb_da=''
      tb_dv() { tb_db="$tb_db,\\"$1\\":$2"; tb_da="$tb_da,\\"$1\\":$3"; }
      tb_diffs() { printf '{"before":{%s},"after":{%s}}' "${tb_db#,}" "${tb_da#,}"; }
      tb_octal() { printf '0%03o' $(( 0$1 )); }
      tb_uid_of() {
        case "$1" in *[!0-9]*) id -u -- "$1" 2>/dev/null ;; *) echo "$1" ;; esac
      }
      tb_gid_of() {
        case "$1" in *[!0-9]*) ;; *) echo "$1"; return 0 ;; esac
        tb_g=$(getent group "$1" 2>/dev/null | cut -d: -f3)
        [ -n "$tb_g" ] || tb_g=$(awk -F: -v n="$1" '$1 == n { print $3; exit }' /etc/group 2>/dev/null)
        [ -n "$tb_g" ] && echo "$tb_g"
      }
      tb_move() {
        tb_e=$(LC_ALL=C mv -f -- "$1" "$2" 2>&1) && return 0
        if [ "$unsafe_writes" = 1 ]; then tb_e=$(LC_ALL=C cat -- "$1" 2>&1 > "$2") && { rm -f -- "$1"; return 0; }; fi
        rm -f -- "$1"; return 1
      }
      tb_chattr() {
        [ -n "$2" ] || return 0
        tb_am='='; tb_av=$2
        case "$tb_av" in [-+]*) tb_am=$(printf '%.1s' "$tb_av"); tb_av=${tb_av#?} ;; esac
        tb_ah=$(lsattr -vd -- "$1" 2>/dev/null | awk '{ print $2 }' | tr -d -)
        if [ "$tb_ah" != "$tb_av" ] || [ "$tb_am" = - ]; then
          command -v chattr >/dev/null 2>&1 || return 0
          tb_changed=1; tb_dv attributes "\\"$tb_ah\\"" "\\"$tb_am$tb_av\\""
          if [ "$tb_check" != 1 ]; then tb_e=$(LC_ALL=C chattr "$tb_am$tb_av" -- "$1" 2>&1) || tb_fail "chattr failed: $tb_e"; fi
        fi
      }
      tb_attrs() {
        [ -e "$1" ] || [ -L "$1" ] || return 0
        if [ -n "$selinux" ] && command -v selinuxenabled >/dev/null 2>&1 && selinuxenabled; then
          tb_fail "$selinux: setting SELinux contexts is not supported by tightbeam, and SELinux is enabled on this host"
        fi
        tb_r=''; [ "$5" = 1 ] && tb_r=-R
        if [ -n "$3" ] && tb_stat "$1"; then
          tb_u=$(tb_uid_of "$3") || tb_fail "chown failed: failed to look up user $3"
          [ -n "$tb_u" ] || tb_fail "chown failed: failed to look up user $3"
          if [ "$tb_u" != "$tb_uid" ] || { [ -n "$tb_r" ] && [ -n "$(find "$1" ! -user "$tb_u" 2>/dev/null | head -n 1)" ]; }; then
            tb_changed=1
            [ "$tb_u" != "$tb_uid" ] && tb_dv owner "$tb_uid" "$tb_u"
            if [ "$tb_check" != 1 ]; then tb_e=$(LC_ALL=C chown -h $tb_r -- "$3" "$1" 2>&1) || tb_fail "chown failed: $(tb_oserror "$tb_e" "$1")"; fi
          fi
        fi
        if [ -n "$4" ] && tb_stat "$1"; then
          tb_g=$(tb_gid_of "$4")
          [ -n "$tb_g" ] || tb_fail "chgrp failed: failed to look up group $4"
          if [ "$tb_g" != "$tb_gid" ] || { [ -n "$tb_r" ] && [ -n "$(find "$1" ! -group "$tb_g" 2>/dev/null | head -n 1)" ]; }; then
            tb_changed=1
            [ "$tb_g" != "$tb_gid" ] && tb_dv group "$tb_gid" "$tb_g"
            if [ "$tb_check" != 1 ]; then tb_e=$(LC_ALL=C chgrp -h $tb_r -- "$4" "$1" 2>&1) || tb_fail "chgrp failed: $(tb_oserror "$tb_e" "$1")"; fi
          fi
        fi
        if [ -n "$2" ] && [ ! -L "$1" ] && tb_stat "$1"; then
          case "$2" in
            [0-7]*) tb_want=$2 ;;
            *) tb_want=$(tb_symbolic "$tb_mode" "$2") || tb_fail "bad symbolic permission for mode: $2" ;;
          esac
          tb_all=0
          if [ "$(tb_octal "$tb_want")" != "$(tb_octal "$tb_mode")" ]; then
            tb_all=1; tb_dv mode "\\"$(tb_octal "$tb_mode")\\"" "\\"$(tb_octal "$tb_want")\\""
          fi
          if [ -n "$tb_r" ] && [ "$tb_check" = 1 ]; then
            case "$2" in [0-7]*) [ -n "$(find "$1" ! -perm "$2" 2>/dev/null | head -n 1)" ] && tb_all=1 ;; esac
          fi
          if [ -n "$tb_r" ] && [ "$tb_check" != 1 ]; then
            # with follow (the file module's), links in the tree count as what they point to, as in Ansible
            tb_L=''; [ "$follow" = 1 ] && tb_L=-L
            tb_b=$(find $tb_L "$1" -exec stat -L -c '%a' {} + 2>/dev/null | cksum)
            tb_e=$(chmod -R -- "$2" "$1" 2>&1) || tb_fail "chmod failed: $tb_e"
            [ -n "$tb_L" ] && find -L "$1" -mindepth 1 -type l -prune -o -exec chmod -- "$2" {} + 2>/dev/null
            [ "$tb_b" != "$(find $tb_L "$1" -exec stat -L -c '%a' {} + 2>/dev/null | cksum)" ] && tb_all=1
          elif [ "$tb_all" = 1 ] && [ "$tb_check" != 1 ]; then
            tb_e=$(chmod -- "$2" "$1" 2>&1) || tb_fail "chmod failed: $tb_e"
          fi
          [ "$tb_all" = 1 ] && tb_changed=1
        fi
        [ -L "$1" ] || tb_chattr "$1" "$6"
      }
      """;
}
