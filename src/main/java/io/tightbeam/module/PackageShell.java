package io.tightbeam.module;

/**
 * The remote parts of the package modules as sh functions: a runner that waits for the package
 * manager's lock ({@code fuser} on dpkg's locks, a live {@code yum.pid}, or the manager's own
 * "lock" message) up to {@code lock_timeout} seconds, and one function per manager.
 */
final class PackageShell {
  private PackageShell() {}

  static final String COMMON =
      """
      set -f
      tb_o=$(mktemp) && tb_e2=$(mktemp) || tb_fail "cannot make temporary files"
      trap 'rm -f -- "$tb_o" "$tb_e2"' EXIT
      tb_locked=0
      tb_held() {
        for tb_l in $lock_files; do
          case "$tb_l" in
            *.pid) [ -f "$tb_l" ] && tb_p=$(cat "$tb_l" 2>/dev/null) && [ -n "$tb_p" ] && kill -0 "$tb_p" 2>/dev/null && return 0 ;;
            *) [ -e "$tb_l" ] && command -v fuser >/dev/null 2>&1 && fuser "$tb_l" >/dev/null 2>&1 && return 0 ;;
          esac
        done
        return 1
      }
      tb_pm() {
        tb_deadline=$(( $(date +%s) + lock_timeout ))
        while :; do
          while tb_held; do
            [ "$(date +%s)" -ge "$tb_deadline" ] && { tb_locked=1; break 2; }
            sleep 1
          done
          "$@" >"$tb_o" 2>"$tb_e2"; tb_rc=$?
          if [ "$tb_rc" != 0 ] && grep -Eqi "$lock_pattern" "$tb_o" "$tb_e2"; then
            [ "$(date +%s)" -ge "$tb_deadline" ] && { tb_locked=1; break; }
            sleep 1; continue
          fi
          break
        done
        tb_stdout=$(cat "$tb_o"); tb_stderr=$(cat "$tb_e2")
        if [ "$tb_locked" = 1 ]; then
          tb_kv rc 1
          tb_fail "$pm lock is held by another process: gave up waiting after $lock_timeout seconds (lock_timeout)"
        fi
        return $tb_rc
      }
      tb_outs() { tb_ks stdout "$tb_stdout"; tb_ks stderr "$tb_stderr"; tb_kv rc "$tb_rc"; }
      tb_list() { tb_j=''; for tb_x in "$@"; do tb_j="$tb_j,$(printf '%s' "$tb_x" | tb_json)"; done; printf '[%s]' "${tb_j#,}"; }
      """;

  static final String APT =
      """
      tb_apt() {
        pm=apt; lock_pattern='could not get lock|unable to acquire the dpkg frontend lock|unable to lock'
        lock_files='/var/lib/dpkg/lock-frontend /var/lib/dpkg/lock /var/lib/apt/lists/lock'
        export DEBIAN_FRONTEND=noninteractive
        set -- -y
        dpkg_flags=''
        for o in $(printf '%s' "$dpkg_options" | tr ',' ' '); do set -- "$@" -o "Dpkg::Options::=--$o"; dpkg_flags="$dpkg_flags --$o"; done
        [ "$install_recommends" = 0 ] && set -- "$@" --no-install-recommends
        [ "$allow_unauthenticated" = 1 ] && set -- "$@" --allow-unauthenticated
        [ "$force" = 1 ] && set -- "$@" --force-yes
        [ -n "$default_release" ] && set -- "$@" -t "$default_release"
        updated=0
        if [ "$update_cache" = 1 ] && [ "$tb_check" != 1 ]; then
          fresh=0
          if [ "$cache_valid_time" -gt 0 ] && [ -e /var/lib/apt/periodic/update-success-stamp -o -d /var/lib/apt/lists ]; then
            st=/var/lib/apt/lists; [ -e /var/lib/apt/periodic/update-success-stamp ] && st=/var/lib/apt/periodic/update-success-stamp
            age=$(( $(date +%s) - $(stat -c %Y "$st") )); [ "$age" -lt "$cache_valid_time" ] && fresh=1
          fi
          if [ "$fresh" = 0 ]; then
            tb_pm apt-get update || { tb_outs; tb_fail "Failed to update apt cache: $tb_stderr"; }
            updated=1
          fi
        fi
        tb_kb cache_updated "$updated"; tb_kv cache_update_time "$(date +%s)"
        [ "$updated" = 1 ] && [ -z "$names" ] && [ -z "$deb" ] && [ -z "$upgrade" ] && tb_changed=1
        if [ -n "$upgrade" ] && [ "$upgrade" != no ]; then
          case "$upgrade" in dist|full) set -- "$@" dist-upgrade ;; *) set -- "$@" upgrade --with-new-pkgs ;; esac
          [ "$autoremove" = 1 ] && set -- "$@" --auto-remove
          [ "$tb_check" = 1 ] && set -- "$@" --simulate
          tb_pm apt-get "$@"; r=$?
          tb_outs
          [ "$r" = 0 ] || tb_fail "'/usr/bin/apt-get $*' failed: $tb_stderr"
          case "$tb_stdout" in *"0 upgraded, 0 newly installed"*) ;; *) [ -n "$tb_stdout" ] && tb_changed=1 ;; esac
          tb_ks msg "$tb_stdout"; tb_kb changed "$tb_changed"; tb_emit; exit 0
        fi
        todo=''
        if [ -n "$deb" ]; then
          [ -f "$deb" ] || tb_fail "Unable to install package: $deb does not exist"
          dp=$(dpkg-deb -f "$deb" Package) && dv=$(dpkg-deb -f "$deb" Version) || tb_fail "Unable to read $deb"
          iv=$(dpkg-query -W -f='${Status} ${Version}' "$dp" 2>/dev/null)
          if [ "$iv" != "install ok installed $dv" ]; then
            tb_changed=1
            if [ "$tb_check" != 1 ]; then
              tb_pm dpkg -i $dpkg_flags "$deb" || { tb_outs; tb_fail "'dpkg -i $deb' failed: $tb_stderr"; }
              tb_outs
            fi
          fi
          tb_kb changed "$tb_changed"; tb_emit; exit 0
        fi
        for n in $names; do
          base=${n%%=*}
          ok=0; [ "$(dpkg-query -W -f='${Status}' "$base" 2>/dev/null)" = "install ok installed" ] && ok=1
          case "$state" in
            present|installed|fixed|build-dep)
              if [ "$ok" = 0 ]; then [ "$only_upgrade" = 1 ] || todo="$todo $n"
              elif [ "$n" != "$base" ] && [ "$(dpkg-query -W -f='${Version}' "$base")" != "${n#*=}" ]; then todo="$todo $n"; fi ;;
            latest)
              pol=$(apt-cache policy "$base" 2>/dev/null | awk '/Installed:/{i=$2} /Candidate:/{c=$2} END{print i" "c}')
              if [ "$ok" = 0 ]; then [ "$only_upgrade" = 1 ] || todo="$todo $n"
              elif [ "${pol% *}" != "${pol#* }" ]; then todo="$todo $n"; fi ;;
            absent|removed) [ "$ok" = 1 ] && todo="$todo $base" ;;
          esac
        done
        if [ -n "$todo" ]; then
          tb_changed=1
          case "$state" in absent|removed) verb=remove; [ "$purge" = 1 ] && verb=purge ;; *) verb=install ;; esac
          [ "$autoremove" = 1 ] && [ "$verb" != install ] && set -- "$@" --auto-remove
          [ "$only_upgrade" = 1 ] && [ "$verb" = install ] && set -- "$@" --only-upgrade
          if [ "$tb_check" != 1 ]; then
            tb_pm apt-get "$@" $verb $todo; r=$?
            tb_outs
            [ "$r" = 0 ] || tb_fail "'/usr/bin/apt-get -y $verb$todo' failed: $tb_stderr"
          fi
        fi
        tb_kb changed "$tb_changed"; tb_emit; exit 0
      }
      """;

  static final String YUM =
      """
      tb_yum() {
        lock_pattern='another app is currently holding the yum lock|waiting for process with pid|lock .* is held|failed to obtain the transaction lock'
        lock_files='/var/run/yum.pid /var/run/dnf.pid'
        set -- -y
        [ -n "$conf_file" ] && set -- "$@" -c "$conf_file"
        [ -n "$installroot" ] && set -- "$@" "--installroot=$installroot"
        [ -n "$releasever" ] && set -- "$@" "--releasever=$releasever"
        for r in $enablerepo; do set -- "$@" "--enablerepo=$r"; done
        for r in $disablerepo; do set -- "$@" "--disablerepo=$r"; done
        for x in $exclude; do set -- "$@" "--exclude=$x"; done
        [ "$disable_gpg_check" = 1 ] && set -- "$@" --nogpgcheck
        [ "$validate_certs" = 0 ] && set -- "$@" --setopt=sslverify=0
        [ "$skip_broken" = 1 ] && set -- "$@" --skip-broken
        [ "$download_only" = 1 ] && set -- "$@" --downloadonly
        if [ "$state" = latest ]; then
          [ "$security" = 1 ] && set -- "$@" --security
          [ "$bugfix" = 1 ] && set -- "$@" --bugfix
        fi
        rpmroot=''; [ -n "$installroot" ] && rpmroot="--root=$installroot"
        if [ "$update_cache" = 1 ] && [ "$tb_check" != 1 ]; then
          tb_pm "$pm" "$@" makecache || { tb_outs; tb_fail "Failed to update the $pm cache: $tb_stderr"; }
        fi
        todo=''; results=''
        for n in $names; do
          ok=0; rpm -q --quiet $rpmroot "$n" 2>/dev/null && ok=1
          case "$state" in
            present|installed)
              if [ "$ok" = 1 ]; then results="$results
      $n providing $n is already installed"; else todo="$todo $n"; fi ;;
            latest)
              if [ "$ok" = 0 ]; then [ "$update_only" = 1 ] || todo="$todo $n"
              else "$pm" "$@" -q check-update "$n" >/dev/null 2>&1; [ $? = 100 ] && todo="$todo $n"; fi ;;
            absent|removed)
              if [ "$ok" = 1 ]; then todo="$todo $n"; else results="$results
      $n is not installed"; fi ;;
          esac
        done
        msg=''
        if [ -n "$todo" ]; then
          tb_changed=1
          case "$state" in absent|removed) verb=remove; done_word=Removed ;; latest) verb=install; done_word=Installed ;; *) verb=install; done_word=Installed ;; esac
          [ "$autoremove" = 1 ] && [ "$verb" = remove ] && verb=autoremove
          [ "$state" = latest ] && [ "$pm" = yum ] && verb=update
          for n in $todo; do results="$results
      $done_word: $n"; done
          if [ "$tb_check" != 1 ]; then
            tb_pm "$pm" "$@" $verb $todo; r=$?
            tb_outs
            if [ "$r" != 0 ]; then
              tb_kv results "$(IFS='
      '; tb_list $results)"
              tb_fail "Failed to $verb some of the specified packages: $tb_stderr"
            fi
          fi
        elif [ "$pm" = dnf ]; then msg='Nothing to do'
        fi
        tb_ks msg "$msg"; tb_kv rc 0
        tb_kv results "$(IFS='
      '; tb_list $results)"
        tb_kb changed "$tb_changed"; tb_emit; exit 0
      }
      """;

  static final String APK =
      """
      tb_apk() {
        lock_pattern='unable to lock database'; lock_files=''
        todo=''
        for n in $names; do
          ok=0; apk info -e "$n" >/dev/null 2>&1 && ok=1
          case "$state" in
            present|installed|latest) [ "$ok" = 0 ] && todo="$todo $n" ;;
            absent|removed) [ "$ok" = 1 ] && todo="$todo $n" ;;
          esac
        done
        if [ -n "$todo" ]; then
          tb_changed=1
          case "$state" in absent|removed) verb=del ;; *) verb=add ;; esac
          if [ "$tb_check" != 1 ]; then
            tb_pm apk $verb $todo; r=$?; tb_outs
            [ "$r" = 0 ] || tb_fail "failed to $verb packages:$todo"
          fi
        fi
        tb_kb changed "$tb_changed"; tb_ks msg ""; tb_emit; exit 0
      }
      """;
}
