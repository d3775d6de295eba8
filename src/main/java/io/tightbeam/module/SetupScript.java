package io.tightbeam.module;

/**
 * The POSIX sh text of {@code setup}: facts from uname, /etc/os-release, id, date, ip, /proc and
 * the environment, turned into one JSON object by a single awk. It expects {@code tb_filter} (an
 * ERE over fact names, empty for all) and {@code tb_subset} (a JSON list) to be set before it.
 */
final class SetupScript {
  private SetupScript() {}

  static final String BODY =
      """
      set -f
      tb_f() { printf '%s\\t%s\\t%s\\n' "$1" "$2" "$3"; }
      tb_facts() {
        tb_node=$(uname -n 2>/dev/null)
        tb_f s ansible_nodename "$tb_node"
        tb_f s ansible_hostname "${tb_node%%.*}"
        tb_fqdn=$(hostname -f 2>/dev/null) || tb_fqdn=
        [ -n "$tb_fqdn" ] || tb_fqdn=$tb_node
        tb_f s ansible_fqdn "$tb_fqdn"
        case $tb_fqdn in *.*) tb_f s ansible_domain "${tb_fqdn#*.}" ;; *) tb_f s ansible_domain "" ;; esac
        tb_f s ansible_system "$(uname -s 2>/dev/null)"
        tb_f s ansible_kernel "$(uname -r 2>/dev/null)"
        tb_f s ansible_kernel_version "$(uname -v 2>/dev/null)"
        tb_m=$(uname -m 2>/dev/null)
        tb_f s ansible_machine "$tb_m"
        case $tb_m in i?86) tb_f s ansible_architecture i386 ;; *) tb_f s ansible_architecture "$tb_m" ;; esac
        tb_id= tb_ver= tb_code= tb_like= tb_name=
        for tb_osr in /etc/os-release /usr/lib/os-release; do
          [ -r "$tb_osr" ] || continue
          while IFS='=' read -r tb_k tb_v; do
            tb_v=${tb_v#\\"}; tb_v=${tb_v%\\"}; tb_v=${tb_v#\\'}; tb_v=${tb_v%\\'}
            case $tb_k in
              ID) tb_id=$tb_v ;;
              VERSION_ID) tb_ver=$tb_v ;;
              VERSION_CODENAME) tb_code=$tb_v ;;
              UBUNTU_CODENAME) [ -n "$tb_code" ] || tb_code=$tb_v ;;
              ID_LIKE) tb_like=$tb_v ;;
              NAME) tb_name=$tb_v ;;
            esac
          done < "$tb_osr"
          break
        done
        case $tb_id in
          ubuntu) tb_dist=Ubuntu ;; debian) tb_dist=Debian ;; centos) tb_dist=CentOS ;;
          rhel) tb_dist=RedHat ;; fedora) tb_dist=Fedora ;; alpine) tb_dist=Alpine ;;
          rocky) tb_dist=Rocky ;; almalinux) tb_dist=AlmaLinux ;; amzn) tb_dist=Amazon ;;
          ol) tb_dist=OracleLinux ;; sles) tb_dist=SLES ;; opensuse-leap) tb_dist="openSUSE Leap" ;;
          opensuse-tumbleweed) tb_dist="openSUSE Tumbleweed" ;; arch) tb_dist=Archlinux ;;
          linuxmint) tb_dist="Linux Mint" ;; kali) tb_dist=Kali ;; raspbian) tb_dist=Debian ;;
          "") tb_dist=$(uname -s 2>/dev/null) ;;
          *) tb_dist=$(printf '%s' "$tb_id" | awk '{ print toupper(substr($0, 1, 1)) substr($0, 2) }') ;;
        esac
        if [ "$tb_id" = debian ] && [ -r /etc/debian_version ]; then
          tb_dv=$(head -n 1 /etc/debian_version)
          case $tb_dv in [0-9]*) tb_ver=$tb_dv ;; esac
        fi
        tb_f s ansible_distribution "$tb_dist"
        tb_f s ansible_distribution_version "${tb_ver:-NA}"
        tb_f s ansible_distribution_major_version "${tb_ver%%.*}"
        tb_f s ansible_distribution_release "${tb_code:-NA}"
        case $tb_dist in
          Debian|Ubuntu|Kali|"Linux Mint"|Devuan|Raspbian) tb_fam=Debian ;;
          RedHat|CentOS|Fedora|Rocky|AlmaLinux|Amazon|OracleLinux|Scientific) tb_fam=RedHat ;;
          Alpine) tb_fam=Alpine ;; SLES|"openSUSE Leap"|"openSUSE Tumbleweed") tb_fam=Suse ;;
          Archlinux|Manjaro) tb_fam=Archlinux ;; Gentoo) tb_fam=Gentoo ;;
          *) case " $tb_like " in
               *" debian "*|*" ubuntu "*) tb_fam=Debian ;;
               *" rhel "*|*" fedora "*|*" centos "*) tb_fam=RedHat ;;
               *" suse "*) tb_fam=Suse ;; *" arch "*) tb_fam=Archlinux ;;
               *) tb_fam=$tb_dist ;;
             esac ;;
        esac
        tb_f s ansible_os_family "$tb_fam"
        tb_uid=$(id -u); tb_gid=$(id -g)
        tb_user=$(id -un 2>/dev/null) || tb_user=$(whoami 2>/dev/null)
        tb_pw=$(getent passwd "$tb_uid" 2>/dev/null) || tb_pw=
        [ -n "$tb_pw" ] || tb_pw=$(awk -F: -v u="$tb_uid" '$3 == u { print; exit }' /etc/passwd 2>/dev/null)
        IFS=: read -r tb_x tb_x tb_x tb_x tb_gecos tb_home tb_shell <<TB_EOF
      $tb_pw
      TB_EOF
        tb_f s ansible_user_id "$tb_user"
        tb_f n ansible_user_uid "$tb_uid"
        tb_f n ansible_user_gid "$tb_gid"
        tb_f s ansible_user_gecos "$tb_gecos"
        tb_f s ansible_user_dir "${tb_home:-$HOME}"
        tb_f s ansible_user_shell "$tb_shell"
        IFS='|' read -r tb_Y tb_mo tb_d tb_H tb_M tb_S tb_s tb_Z tb_z tb_A tb_w tb_W tb_N <<TB_EOF
      $(date '+%Y|%m|%d|%H|%M|%S|%s|%Z|%z|%A|%w|%W|%N')
      TB_EOF
        case $tb_N in [0-9][0-9][0-9][0-9][0-9][0-9]*) tb_us=$(printf '%.6s' "$tb_N") ;; *) tb_us=000000 ;; esac
        tb_f d ansible_date_time.year "$tb_Y"
        tb_f d ansible_date_time.month "$tb_mo"
        tb_f d ansible_date_time.weekday "$tb_A"
        tb_f d ansible_date_time.weekday_number "$tb_w"
        tb_f d ansible_date_time.weeknumber "$tb_W"
        tb_f d ansible_date_time.day "$tb_d"
        tb_f d ansible_date_time.hour "$tb_H"
        tb_f d ansible_date_time.minute "$tb_M"
        tb_f d ansible_date_time.second "$tb_S"
        tb_f d ansible_date_time.epoch "$tb_s"
        tb_f d ansible_date_time.epoch_int "$tb_s"
        tb_f d ansible_date_time.date "$tb_Y-$tb_mo-$tb_d"
        tb_f d ansible_date_time.time "$tb_H:$tb_M:$tb_S"
        tb_utc=$(date -u '+%Y-%m-%dT%H:%M:%S')
        tb_f d ansible_date_time.iso8601_micro "$tb_utc.${tb_us}Z"
        tb_f d ansible_date_time.iso8601 "${tb_utc}Z"
        tb_f d ansible_date_time.iso8601_basic "$tb_Y$tb_mo${tb_d}T$tb_H$tb_M$tb_S$tb_us"
        tb_f d ansible_date_time.iso8601_basic_short "$tb_Y$tb_mo${tb_d}T$tb_H$tb_M$tb_S"
        tb_f d ansible_date_time.tz "$tb_Z"
        tb_f d ansible_date_time.tz_dst "$tb_Z"
        tb_f d ansible_date_time.tz_offset "$tb_z"
        if command -v ip >/dev/null 2>&1; then
          tb_ip= tb_dev= tb_gw=
          set -- $(ip -4 route get 1.0.0.1 2>/dev/null | head -n 1)
          while [ $# -gt 1 ]; do
            case $1 in src) tb_ip=$2 ;; dev) tb_dev=$2 ;; via) tb_gw=$2 ;; esac
            shift
          done
          if [ -z "$tb_ip" ] && [ -n "$tb_dev" ]; then
            tb_ip=$(ip -4 addr show dev "$tb_dev" 2>/dev/null | awk '$1 == "inet" { sub(/\\/.*/, "", $2); print $2; exit }')
          fi
          if [ -n "$tb_ip" ]; then
            tb_f d ansible_default_ipv4.address "$tb_ip"
            [ -z "$tb_dev" ] || tb_f d ansible_default_ipv4.interface "$tb_dev"
            [ -z "$tb_gw" ] || tb_f d ansible_default_ipv4.gateway "$tb_gw"
          fi
        fi
        tb_nproc=$(nproc 2>/dev/null || getconf _NPROCESSORS_ONLN 2>/dev/null)
        tb_vcpus=$(grep -c '^processor' /proc/cpuinfo 2>/dev/null) || tb_vcpus=
        tb_f n ansible_processor_vcpus "${tb_vcpus:-$tb_nproc}"
        tb_f n ansible_processor_nproc "${tb_nproc:-$tb_vcpus}"
        if [ -r /proc/meminfo ]; then
          tb_f n ansible_memtotal_mb "$(awk '$1 == "MemTotal:" { print int($2 / 1024) }' /proc/meminfo)"
          tb_f n ansible_memfree_mb "$(awk '$1 == "MemFree:" { print int($2 / 1024) }' /proc/meminfo)"
        fi
        tb_pkg=unknown
        for tb_p in apk:apk apt-get:apt dnf:dnf yum:yum zypper:zypper pacman:pacman emerge:portage pkg:pkgng; do
          if command -v "${tb_p%%:*}" >/dev/null 2>&1; then tb_pkg=${tb_p#*:}; break; fi
        done
        tb_f s ansible_pkg_mgr "$tb_pkg"
        tb_init=$(cat /proc/1/comm 2>/dev/null) || tb_init=
        case $tb_init in
          ""|init|*sh) if [ -d /run/systemd/system ]; then tb_init=systemd
            elif command -v initctl >/dev/null 2>&1 && [ -d /etc/init ]; then tb_init=upstart
            elif [ -e /sbin/openrc ]; then tb_init=openrc
            elif [ -d /etc/init.d ]; then tb_init=sysvinit
            else tb_init=service; fi ;;
        esac
        tb_f s ansible_service_mgr "$tb_init"
      }
      tb_facts | LC_ALL=C awk -F '\\t' -v filter="$tb_filter" -v subset="$tb_subset" '
        function esc(s,   i, c) {
          gsub(/\\\\/, "\\\\\\\\", s); gsub(/"/, "\\\\\\"", s); gsub(/\\t/, "\\\\t", s); gsub(/\\n/, "\\\\n", s); gsub(/\\r/, "\\\\r", s)
          for (i = 1; i < 32; i++) { c = sprintf("%c", i); if (index(s, c)) gsub(c, sprintf("\\\\\\\\u%04x", i), s) }
          return "\\"" s "\\""
        }
        function keep(name) { return filter == "" || name ~ filter }
        function add(name, value) { if (keep(name)) { out = out sep "\\"" name "\\": " value; sep = ", " } }
        $1 == "s" { add($2, esc($3)) }
        $1 == "n" && $3 ~ /^[0-9]+$/ { add($2, $3 + 0) }
        $1 == "d" { split($2, part, "."); if (!(part[1] in dict)) { order[++n] = part[1]; dict[part[1]] = "" }
                    dict[part[1]] = dict[part[1]] (dict[part[1]] == "" ? "" : ", ") "\\"" part[2] "\\": " esc($3) }
        END {
          for (i = 1; i <= n; i++) add(order[i], "{" dict[order[i]] "}")
          env = ""; es = ""
          for (k in ENVIRON) { if (k != "tb_filter" && k != "AWKPATH" && k != "AWKLIBPATH") { env = env es esc(k) ": " esc(ENVIRON[k]); es = ", " } }
          add("ansible_env", "{" env "}")
          add("ansible_local", "{}")
          add("gather_subset", subset)
          add("module_setup", "true")
          printf "{\\"ansible_facts\\": {%s}, \\"changed\\": false}\\n", out
        }'
      """;
}
