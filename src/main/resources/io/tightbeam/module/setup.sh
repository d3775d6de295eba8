# Ansible's setup facts from POSIX sh. Set before this text: tb_collect (the collectors to run,
# space-separated with a space at each end), tb_filter (an ERE over fact names, empty for all),
# tb_subset (gather_subset as a JSON list), tb_fact_path (facts.d) and tb_timeout (seconds).
# Collectors print records "type<TAB>path<TAB>value" (path segments joined by "/", top-level names
# without the ansible_ prefix); one awk at the end reads files itself and turns records into JSON.
# shellcheck disable=SC2154 # tb_collect, tb_filter, tb_subset, tb_fact_path and tb_timeout come before this text
set -f
tb_tab=$(printf '\t')
tb_r() { printf '%s\t%s\t%s\n' "$1" "$2" "$3"; }
# tb_bool PATH TEST...: a boolean fact from a test command
tb_bool() { tb_p=$1; shift; if "$@"; then tb_r b "$tb_p" true; else tb_r b "$tb_p" false; fi; }
tb_has() { case $tb_collect in *" $1 "*) return 0 ;; esac; return 1; }
# reads the first line of a file without a process; fails when it cannot be read
tb_read() { tb_v=; { IFS= read -r tb_v || [ -n "$tb_v" ]; } < "$1"; } 2>/dev/null

tb_platform() {
  tb_read /proc/sys/kernel/hostname && tb_node=$tb_v || tb_node=$(uname -n)
  tb_read /proc/sys/kernel/osrelease && tb_kernel=$tb_v || tb_kernel=$(uname -r)
  tb_read /proc/sys/kernel/version && tb_kver=$tb_v || tb_kver=$(uname -v)
  tb_read /proc/sys/kernel/ostype && tb_system=$tb_v || tb_system=$(uname -s)
  tb_m=$(uname -m)
  tb_r s system "$tb_system"
  tb_r s kernel "$tb_kernel"
  tb_r s kernel_version "$tb_kver"
  tb_r s machine "$tb_m"
  tb_r s nodename "$tb_node"
  tb_r s hostname "${tb_node%%.*}"
  # Python's socket.getfqdn: the name's address, then that address's names (the first dotted one)
  tb_fqdn=
  if command -v getent >/dev/null 2>&1; then
    # shellcheck disable=SC2046 # an address and its names
    set -- $(getent hosts "$tb_node" 2>/dev/null)
    # shellcheck disable=SC2046
    [ $# -lt 2 ] || set -- $(getent hosts "$1" 2>/dev/null)
    if [ $# -ge 2 ]; then
      shift; tb_fqdn=$1
      for tb_x in "$@"; do case $tb_x in *.*) tb_fqdn=$tb_x; break ;; esac; done
    fi
  fi
  [ -n "$tb_fqdn" ] || tb_fqdn=$tb_node
  tb_r s fqdn "$tb_fqdn"
  case $tb_fqdn in *.*) tb_r s domain "${tb_fqdn#*.}" ;; *) tb_r s domain "" ;; esac
  # the bits of the shell's own executable when getconf is missing (busybox): its ELF class
  tb_bits=$(getconf LONG_BIT 2>/dev/null) ||
    case $(od -An -tu1 -j4 -N1 /bin/sh 2>/dev/null) in *2) tb_bits=64 ;; *1) tb_bits=32 ;; *) tb_bits='' ;; esac
  tb_r s userspace_bits "$tb_bits"
  case $tb_m in
    x86_64|i[3456]86|i86pc)
      case $tb_m in x86_64) tb_r s architecture "$tb_m" ;; *) tb_r s architecture i386 ;; esac
      case $tb_bits in 64) tb_r s userspace_architecture x86_64 ;; 32) tb_r s userspace_architecture i386 ;; esac ;;
    *) tb_r s architecture "$tb_m" ;;
  esac
  { tb_read /var/lib/dbus/machine-id && [ -n "$tb_v" ]; } || tb_read /etc/machine-id
  [ -z "$tb_v" ] || tb_r s machine_id "$tb_v"
}

tb_distribution() {
  tb_id='' tb_ver='' tb_osver='' tb_code='' tb_like=''
  for tb_osr in /etc/os-release /usr/lib/os-release; do
    [ -r "$tb_osr" ] || continue
    while IFS='=' read -r tb_k tb_v; do
      tb_v=${tb_v#\"}; tb_v=${tb_v%\"}; tb_v=${tb_v#\'}; tb_v=${tb_v%\'}
      case $tb_k in
        ID) tb_id=$tb_v ;;
        VERSION_ID) tb_ver=$tb_v; tb_osver=$tb_v ;;
        VERSION_CODENAME) tb_code=$tb_v ;;
        UBUNTU_CODENAME) [ -n "$tb_code" ] || tb_code=$tb_v ;;
        ID_LIKE) tb_like=$tb_v ;;
        PRETTY_NAME) tb_pretty=$tb_v ;;
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
    "") tb_dist=$(uname -s) ;;
    *) tb_dist=$(printf '%s' "$tb_id" | awk '{ print toupper(substr($0, 1, 1)) substr($0, 2) }') ;;
  esac
  if [ "$tb_id" = debian ] && tb_read /etc/debian_version; then
    case $tb_v in [0-9]*) tb_ver=$tb_v ;; esac
  fi
  if [ "$tb_id" = alpine ] && tb_read /etc/alpine-release; then tb_ver=$tb_v; fi
  tb_r s distribution "$tb_dist"
  tb_r s distribution_version "${tb_ver:-NA}"
  tb_r s distribution_major_version "${tb_ver%%.*}"
  case $tb_ver in *.*) tb_minor=${tb_ver#*.}; tb_r s distribution_minor_version "${tb_minor%%.*}" ;; esac
  tb_r s distribution_release "${tb_code:-NA}"
  case $tb_dist in
    Debian|Ubuntu|Kali|"Linux Mint"|Devuan|Raspbian|Pop!_OS) tb_fam=Debian ;;
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
  tb_r s os_family "$tb_fam"
  # the release file Ansible's distribution parser recognised
  case $tb_fam/$tb_dist in
    */CentOS) tb_variety=CentOS; tb_dfile=/etc/centos-release ;;
    */OracleLinux) tb_variety=OracleLinux; tb_dfile=/etc/oracle-release ;;
    */Amazon) tb_variety=Amazon; tb_dfile=/etc/os-release ;;
    RedHat/*) tb_variety=RedHat; tb_dfile=/etc/redhat-release ;;
    Alpine/*) tb_variety=Alpine; tb_dfile=/etc/alpine-release ;;
    Archlinux/*) tb_variety=Archlinux; tb_dfile=/etc/arch-release ;;
    Suse/*) tb_variety=SUSE; tb_dfile=/etc/os-release ;;
    Gentoo/*) tb_variety=Gentoo; tb_dfile=/etc/gentoo-release ;;
    Debian/*) tb_variety=Debian; tb_dfile=/etc/os-release ;;
    *) tb_variety=; tb_dfile= ;;
  esac
  if [ -n "$tb_dfile" ] && [ -e "$tb_dfile" ]; then
    tb_r s distribution_file_path "$tb_dfile"
    tb_r s distribution_file_variety "$tb_variety"
    tb_r b distribution_file_parsed true
  fi
}

tb_user() {
  # Python's getpass.getuser: the login variables first, then the password entry of the uid
  tb_user=${LOGNAME:-${USER:-${LNAME:-${USERNAME:-}}}}
  [ -n "$tb_user" ] || tb_user=$(id -un 2>/dev/null)
  tb_pw=''
  if command -v getent >/dev/null 2>&1; then
    tb_pw=$(getent passwd "$tb_user" 2>/dev/null) || tb_pw=$(getent passwd "$(id -u)" 2>/dev/null) || tb_pw=''
  fi
  if [ -z "$tb_pw" ]; then
    tb_pw=$(awk -F: -v n="$tb_user" -v u="$(id -u)" '$1 == n { print; exit } $3 == u && !f { f = $0 } END { if (f != "") print f }' /etc/passwd 2>/dev/null | head -n 1)
  fi
  IFS=: read -r tb_x tb_x tb_puid tb_pgid tb_gecos tb_home tb_shell <<TB_EOF
$tb_pw
TB_EOF
  tb_r s user_id "$tb_user"
  tb_r n user_uid "$tb_puid"
  tb_r n user_gid "$tb_pgid"
  tb_r s user_gecos "$tb_gecos"
  tb_r s user_dir "$tb_home"
  tb_r s user_shell "$tb_shell"
  # real and effective ids: the builder reads them from /proc/self/status, else id tells
  if [ ! -r /proc/self/status ]; then
    tb_r n real_user_id "$(id -ru)"
    tb_r n effective_user_id "$(id -u)"
    tb_r n real_group_id "$(id -rg)"
    tb_r n effective_group_id "$(id -rg)"
  fi
}

tb_date_time() {
  IFS='|' read -r tb_Y tb_mo tb_d tb_H tb_M tb_S tb_s tb_Z tb_z tb_A tb_w tb_W tb_N <<TB_EOF
$(LC_ALL=C date '+%Y|%m|%d|%H|%M|%S|%s|%Z|%z|%A|%w|%W|%N')
TB_EOF
  case $tb_N in [0-9][0-9][0-9][0-9][0-9][0-9]*) tb_us=$(printf '%.6s' "$tb_N") ;; *) tb_us=000000 ;; esac
  for tb_kv in year="$tb_Y" month="$tb_mo" weekday="$tb_A" weekday_number="$tb_w" \
    weeknumber="$tb_W" day="$tb_d" hour="$tb_H" minute="$tb_M" second="$tb_S" epoch="$tb_s" \
    epoch_int="$tb_s" date="$tb_Y-$tb_mo-$tb_d" time="$tb_H:$tb_M:$tb_S" \
    iso8601_basic="$tb_Y$tb_mo${tb_d}T$tb_H$tb_M$tb_S$tb_us" \
    iso8601_basic_short="$tb_Y$tb_mo${tb_d}T$tb_H$tb_M$tb_S" tz="$tb_Z" tz_dst="$tb_Z" \
    tz_offset="$tb_z"; do
    tb_r s "date_time/${tb_kv%%=*}" "${tb_kv#*=}"
  done
  tb_r T "$tb_s" "$tb_us"
}

tb_python() {
  # the interpreter Ansible's discovery would pick; its version needs the interpreter itself
  tb_py=
  for tb_p in /usr/bin/python3 /usr/libexec/platform-python /usr/bin/python; do
    if [ -x "$tb_p" ]; then tb_py=$tb_p; break; fi
  done
  [ -n "$tb_py" ] || tb_py=$(command -v python3 2>/dev/null) || tb_py=
  [ -n "$tb_py" ] || return 0
  tb_r s :discovered_interpreter_python "$tb_py"
  tb_has python || tb_has platform || return 0
  # -S: without site the interpreter starts in about half the time; finding _ssl does not load it
  tb_pv=$("$tb_py" -S -c 'import sys; from importlib.util import find_spec; v = sys.version_info; print("%d %d %d %s %d %s %s" % (v[0], v[1], v[2], v[3], v[4], sys.implementation.name, find_spec("_ssl") is not None))' 2>/dev/null) || return 0
  # shellcheck disable=SC2086 # seven words
  set -- $tb_pv
  [ $# -eq 7 ] || return 0
  tb_has platform && tb_r s python_version "$1.$2.$3"
  tb_has python || return 0
  tb_r s python/executable "$tb_py"
  tb_r b python/has_sslcontext "$([ "$7" = True ] && echo true || echo false)"
  tb_r s python/type "$6"
  tb_r n python/version/major "$1"
  tb_r n python/version/micro "$3"
  tb_r n python/version/minor "$2"
  tb_r s python/version/releaselevel "$4"
  tb_r n python/version/serial "$5"
  tb_r a python/version_info ""
  tb_r n python/version_info/0 "$1"
  tb_r n python/version_info/1 "$2"
  tb_r n python/version_info/2 "$3"
  tb_r s python/version_info/3 "$4"
  tb_r n python/version_info/4 "$5"
}

tb_lsb() {
  if [ -r /etc/lsb-release ]; then
    while IFS='=' read -r tb_k tb_v; do
      tb_v=${tb_v#\"}; tb_v=${tb_v%\"}; tb_v=${tb_v#\'}; tb_v=${tb_v%\'}
      case $tb_k in
        DISTRIB_ID) tb_r s lsb/id "$tb_v" ;;
        DISTRIB_RELEASE) tb_r s lsb/release "$tb_v"; tb_r s lsb/major_release "${tb_v%%.*}" ;;
        DISTRIB_DESCRIPTION) tb_r s lsb/description "$tb_v" ;;
        DISTRIB_CODENAME) tb_r s lsb/codename "$tb_v" ;;
      esac
    done < /etc/lsb-release
    tb_r o lsb ""
  elif command -v lsb_release >/dev/null 2>&1 && [ -n "$tb_id" ]; then
    # lsb_release is a Python program on Debian; it reads the same os-release
    tb_r s lsb/id "$tb_dist"
    tb_r s lsb/description "$tb_pretty"
    tb_r s lsb/release "$tb_osver"
    tb_r s lsb/major_release "${tb_osver%%.*}"
    tb_r s lsb/codename "$tb_code"
  else
    tb_r o lsb ""
  fi
}

tb_selinux() {
  tb_sp=false
  for tb_p in /usr/lib/python3/dist-packages/selinux /usr/lib/python3*/site-packages/selinux \
    /usr/lib64/python3*/site-packages/selinux; do
    set +f
    for tb_q in $tb_p; do [ -d "$tb_q" ] && tb_sp=true; done
    set -f
  done
  tb_r b selinux_python_present "$tb_sp"
  if [ "$tb_sp" = false ]; then
    tb_r s selinux/status "Missing selinux Python library"
  elif tb_read /sys/fs/selinux/enforce; then
    tb_r s selinux/status enabled
    case $tb_v in 1) tb_r s selinux/mode enforcing ;; *) tb_r s selinux/mode permissive ;; esac
    tb_read /sys/fs/selinux/policyvers && tb_r n selinux/policyvers "$tb_v"
    if [ -r /etc/selinux/config ]; then
      while IFS='=' read -r tb_k tb_v; do
        case $tb_k in SELINUX) tb_r s selinux/config_mode "$tb_v" ;; SELINUXTYPE) tb_r s selinux/type "$tb_v" ;; esac
      done < /etc/selinux/config
    fi
  else
    tb_r s selinux/status disabled
  fi
}

tb_caps() {
  if command -v capsh >/dev/null 2>&1 && tb_c=$(capsh --print 2>/dev/null); then
    tb_cur=''
    while IFS= read -r tb_l; do case $tb_l in Current:*) tb_cur=$tb_l; break ;; esac; done <<TB_EOF
$tb_c
TB_EOF
    tb_r K "" "$tb_cur"
  else
    tb_r s system_capabilities_enforced N/A
    tb_r s system_capabilities N/A
  fi
}

tb_service_mgr() {
  tb_init=''; tb_read /proc/1/comm && tb_init=$tb_v
  case $tb_init in
    ""|init|*sh) if [ -d /run/systemd/system ]; then tb_init=systemd
      elif command -v initctl >/dev/null 2>&1 && [ -d /etc/init ]; then tb_init=upstart
      elif [ -e /sbin/openrc ]; then tb_init=openrc
      elif [ -d /etc/init.d ]; then tb_init=sysvinit
      else tb_init=service; fi ;;
  esac
  tb_r s service_mgr "$tb_init"
}

tb_pkg_mgr() {
  tb_pkg=unknown
  for tb_p in apk:apk apt-get:apt dnf:dnf yum:yum zypper:zypper pacman:pacman emerge:portage pkg:pkgng; do
    if command -v "${tb_p%%:*}" >/dev/null 2>&1; then tb_pkg=${tb_p#*:}; break; fi
  done
  tb_r s pkg_mgr "$tb_pkg"
}

tb_chroot() {
  if [ -n "${debian_chroot:-}" ]; then tb_r b is_chroot true; return; fi
  # the same inode as init's root; without access to /proc/1/root Ansible compares with the
  # file system's root inode, which this leaves out
  # shellcheck disable=SC2046 # two inode numbers and two names
  set -- $(ls -di / /proc/1/root/. 2>/dev/null)
  if [ $# -eq 4 ]; then tb_bool is_chroot [ "$1" != "$3" ]; else tb_r b is_chroot false; fi
}

tb_local() {
  tb_r o local ""
  case $tb_fact_path in \~) tb_fact_path=$HOME ;; \~/*) tb_fact_path=$HOME/${tb_fact_path#??} ;; esac
  [ -d "$tb_fact_path" ] || return 0
  set +f
  for tb_ff in "$tb_fact_path"/*.fact; do
    tb_fb=${tb_ff##*/}; tb_fb=${tb_fb%.fact}
    if [ ! -e "$tb_ff" ]; then
      # a dangling link; Python's stat error in Ansible's words
      [ -L "$tb_ff" ] || continue
      printf "Could not stat fact (%s): [Errno 2] No such file or directory: '%s'\n" "$tb_ff" "$tb_ff" |
        awk -v p="local/$tb_fb" '{ printf "M\t%s\t%s\n", p, $0 }'
    elif [ -x "$tb_ff" ]; then
      tb_errf=${TMPDIR:-/tmp}/tb_fact_err.$$
      if tb_out=$("$tb_ff" 2>"$tb_errf"); then
        printf '%s\n' "$tb_out" | tb_text "$tb_fb" "$tb_ff"
      else
        tb_rc=$?
        { printf 'Failure executing fact script (%s), rc: %s, err: ' "$tb_ff" "$tb_rc"; cat "$tb_errf"; } |
          awk -v p="local/$tb_fb" '{ s = s $0 "\001" } END { printf "M\t%s\t%s\n", p, s }'
      fi
      rm -f "$tb_errf"
    else
      # an unreadable file reads as empty, as Ansible's get_file_content gives its default
      # shellcheck disable=SC2094 # tb_text only names the file
      { tb_text "$tb_fb" "$tb_ff" < "$tb_ff"; } 2>/dev/null || : | tb_text "$tb_fb" "$tb_ff"
    fi
  done
  set -f
}
# a fact file's text as one record for the builder, its lines joined by \001 (no text file holds it)
tb_text() {
  awk -v name="$1" -v file="$2" 'BEGIN { printf "L\t%s\t%s\t", name, file }
    { printf "%s%s", (NR > 1 ? "\001" : ""), $0 } END { printf "\n" }'
}

tb_hardware() {
  # the builder counts Cpus_allowed_list as sched_getaffinity does; without /proc, nproc
  [ -r /proc/self/status ] || tb_r n processor_nproc "$(nproc 2>/dev/null || getconf _NPROCESSORS_ONLN 2>/dev/null)"
  # mounts Ansible lists: a device path or a remote source, and a real file system type
  tb_mnt='' tb_nl='
'
  while read -r tb_x tb_mp tb_fs tb_y; do
    case $tb_x in /*|\\*|*:/*) ;; *) continue ;; esac
    [ "$tb_fs" != none ] || continue
    while :; do case $tb_mp in *\\040*) tb_mp="${tb_mp%%\\040*} ${tb_mp#*\\040}" ;; *) break ;; esac; done
    tb_mnt=$tb_mnt$tb_nl$tb_mp
  done < /proc/mounts 2>/dev/null
  if [ -n "$tb_mnt" ]; then
    tb_ifs=$IFS; IFS='
'
    # shellcheck disable=SC2086 # one mount point per line
    set -- $tb_mnt
    IFS=$tb_ifs
    # a hung network file system must not hold the run: gather_timeout bounds the one stat
    tb_lim=''; command -v timeout >/dev/null 2>&1 && tb_lim="timeout $tb_timeout"
    $tb_lim stat -f -c "S$tb_tab%n$tb_tab%s$tb_tab%S$tb_tab%b$tb_tab%f$tb_tab%a$tb_tab%c$tb_tab%d" "$@" 2>/dev/null |
      while IFS= read -r tb_l; do printf '%s\n' "$tb_l"; done # a write per line, as above
  fi
  if command -v lsblk >/dev/null 2>&1; then
    lsblk -lnpo NAME,UUID 2>/dev/null | while read -r tb_x tb_y; do [ -z "$tb_y" ] || tb_r U "$tb_x" "$tb_y"; done
  fi
  if command -v findmnt >/dev/null 2>&1; then
    findmnt -lnur -o TARGET,SOURCE 2>/dev/null | while read -r tb_x tb_y; do case $tb_y in *\[*) tb_r B "$tb_x" "" ;; esac; done
  fi
  tb_r s lvm N/A
  for tb_k in bios_date bios_vendor bios_version board_asset_tag board_name board_serial \
    board_vendor board_version chassis_asset_tag chassis_serial chassis_vendor chassis_version \
    product_name product_serial product_uuid product_version sys_vendor:system_vendor \
    chassis_type:form_factor; do
    tb_read "/sys/devices/virtual/dmi/id/${tb_k%%:*}" || tb_v=NA
    if [ "${tb_k#*:}" = form_factor ]; then
      case $tb_v in
        3) tb_v=Desktop ;; 4) tb_v="Low Profile Desktop" ;; 6) tb_v="Mini Tower" ;; 7) tb_v=Tower ;;
        8) tb_v=Portable ;; 9) tb_v=Laptop ;; 10) tb_v=Notebook ;; 13) tb_v="All In One" ;;
        17) tb_v="Main Server Chassis" ;; 23) tb_v="Rack Mount Chassis" ;; 1) tb_v=Other ;;
        2) tb_v=Unknown ;; 30) tb_v=Tablet ;; 31) tb_v=Convertible ;; 35) tb_v="Mini PC" ;;
        NA) ;; *) tb_v=unknown ;;
      esac
    fi
    tb_r s "${tb_k#*:}" "$tb_v"
  done
  tb_devices
}

tb_devices() {
  tb_r o devices ""
  set +f
  for tb_dev in /sys/block/*; do
    [ -d "$tb_dev" ] || continue
    tb_dn=${tb_dev##*/}
    tb_dp=devices/$tb_dn
    tb_r o "$tb_dp/partitions" ""
    tb_r a "$tb_dp/holders" ""
    for tb_h in "$tb_dev"/holders/*; do [ -e "$tb_h" ] && tb_r s "$tb_dp/holders/+" "${tb_h##*/}"; done
    tb_r s "$tb_dp/host" ""
    for tb_l in ids labels masters uuids; do tb_r a "$tb_dp/links/$tb_l" ""; done
    for tb_k in device/vendor:vendor device/model:model device/sas_address:sas_address \
      device/sas_device_handle:sas_device_handle; do
      if tb_read "$tb_dev/${tb_k%%:*}"; then tb_r s "$tb_dp/${tb_k#*:}" "$tb_v"; else tb_r z "$tb_dp/${tb_k#*:}" ""; fi
    done
    tb_read "$tb_dev/removable" && tb_r s "$tb_dp/removable" "$tb_v"
    tb_read "$tb_dev/queue/rotational" && tb_r s "$tb_dp/rotational" "$tb_v"
    tb_read "$tb_dev/queue/discard_granularity" && tb_r s "$tb_dp/support_discard" "$tb_v"
    tb_sched=
    if tb_read "$tb_dev/queue/scheduler"; then
      case $tb_v in *"["*"]"*) tb_sched=${tb_v#*\[}; tb_sched=${tb_sched%%\]*} ;; esac
    fi
    tb_r s "$tb_dp/scheduler_mode" "$tb_sched"
    tb_ss=512; tb_read "$tb_dev/queue/logical_block_size" && tb_ss=$tb_v
    tb_sec=0; tb_read "$tb_dev/size" && tb_sec=$tb_v
    tb_r s "$tb_dp/sectors" "$tb_sec"
    tb_r s "$tb_dp/sectorsize" "$tb_ss"
    tb_r h "$tb_dp/size" "$tb_sec $tb_ss"
    for tb_part in "$tb_dev/$tb_dn"*; do
      [ -d "$tb_part" ] || continue
      tb_pn=${tb_part##*/}; tb_pp=$tb_dp/partitions/$tb_pn
      tb_r a "$tb_pp/holders" ""
      for tb_l in ids labels masters uuids; do tb_r a "$tb_pp/links/$tb_l" ""; done
      tb_read "$tb_part/start" && tb_r s "$tb_pp/start" "$tb_v"
      tb_read "$tb_part/size" && { tb_r s "$tb_pp/sectors" "$tb_v"; tb_r h "$tb_pp/size" "$tb_v $tb_ss"; }
      tb_r n "$tb_pp/sectorsize" "$tb_ss"
      tb_r z "$tb_pp/uuid" ""
    done
    # Ansible's test for a virtual device is true wherever /sys/block holds links
    tb_r n "$tb_dp/virtual" 1
  done
  set -f
}

tb_network() {
  set +f
  for tb_if in /sys/class/net/*; do
    [ -d "$tb_if" ] || continue
    tb_n=${tb_if##*/}
    tb_r N "$tb_n" ""
    tb_r s "$tb_n/device" "$tb_n"
    tb_read "$tb_if/address" && [ -n "$tb_v" ] && [ "$tb_v" != 00:00:00:00:00:00 ] && tb_r s "$tb_n/macaddress" "$tb_v"
    tb_read "$tb_if/mtu" && tb_r n "$tb_n/mtu" "$tb_v"
    tb_read "$tb_if/operstate" && tb_bool "$tb_n/active" [ "$tb_v" != down ]
    if [ -e "$tb_if/device/driver/module" ]; then
      tb_v=$(cd -P "$tb_if/device/driver/module" && pwd) && tb_r s "$tb_n/module" "${tb_v##*/}"
    fi
    if tb_read "$tb_if/type"; then
      case $tb_v in 1) tb_v=ether ;; 32) tb_v=infiniband ;; 512) tb_v=ppp ;; 772) tb_v=loopback ;; 65534) tb_v=tunnel ;; *) tb_v=unknown ;; esac
      tb_r s "$tb_n/type" "$tb_v"
    fi
    if [ -e "$tb_if/bridge" ]; then
      tb_r s "$tb_n/type" bridge
      tb_r a "$tb_n/interfaces" ""
      for tb_b in "$tb_if"/brif/*; do [ -e "$tb_b" ] && tb_r s "$tb_n/interfaces/+" "${tb_b##*/}"; done
      tb_read "$tb_if/bridge/bridge_id" && tb_r s "$tb_n/id" "$tb_v"
      tb_read "$tb_if/bridge/stp_state" && tb_bool "$tb_n/stp" [ "$tb_v" = 1 ]
    fi
    if [ -e "$tb_if/bonding" ]; then
      tb_r s "$tb_n/type" bonding
      tb_r a "$tb_n/slaves" ""
      tb_read "$tb_if/bonding/slaves" && for tb_b in $tb_v; do tb_r s "$tb_n/slaves/+" "$tb_b"; done
      tb_read "$tb_if/bonding/mode" && tb_r s "$tb_n/mode" "${tb_v%% *}"
      tb_read "$tb_if/bonding/miimon" && tb_r s "$tb_n/miimon" "${tb_v%% *}"
      tb_read "$tb_if/bonding/lacp_rate" && tb_r s "$tb_n/lacp_rate" "${tb_v%% *}"
      tb_read "$tb_if/bonding/primary" && [ -n "$tb_v" ] && tb_r s "$tb_n/primary" "$tb_v"
    fi
    [ -e "$tb_if/bonding_slave" ] && tb_read "$tb_if/bonding_slave/perm_hwaddr" && tb_r s "$tb_n/perm_macaddress" "$tb_v"
    if [ -e "$tb_if/device" ]; then
      tb_v=$(cd -P "$tb_if/device" && pwd) && tb_r s "$tb_n/pciid" "${tb_v##*/}"
    fi
    tb_read "$tb_if/speed" && tb_r n "$tb_n/speed" "$tb_v"
    tb_read "$tb_if/flags" && tb_bool "$tb_n/promisc" [ $((tb_v & 256)) -ne 0 ]
  done
  set -f
  command -v ip >/dev/null 2>&1 || return 0
  # a record per line from sh: this runs beside other collectors, and an awk's buffered output
  # could split a line at 4 KiB
  { echo @4; ip -4 route get 8.8.8.8; echo @6; ip -6 route get 2404:6800:400a:800::1012; echo @a; ip addr show; } 2>/dev/null |
    while IFS= read -r tb_l; do
      case $tb_l in
        @*) tb_m=${tb_l#@}; tb_first=1 ;;
        *) if [ "$tb_m" = a ]; then tb_r I "" "$tb_l"; elif [ "$tb_first" = 1 ]; then tb_first=0; tb_r R "$tb_m" "$tb_l"; fi ;;
      esac
    done
}

tb_virtual() {
  tb_guest='' tb_hostt='' tb_vtype='' tb_vrole=''
  tb_g() { tb_guest="$tb_guest $1"; [ -n "$tb_vtype" ] || { tb_vtype=$1; tb_vrole=guest; }; }
  if [ -e /.dockerenv ] || [ -e /.dockerinit ]; then tb_guest="$tb_guest container"; tb_g docker
  elif [ -e /run/.containerenv ]; then tb_guest="$tb_guest container"; tb_g podman
  elif grep -qs 'container=lxc' /proc/1/environ; then tb_guest="$tb_guest container"; tb_g lxc
  elif grep -qs 'container=systemd-nspawn' /proc/1/environ; then tb_guest="$tb_guest container"; tb_g systemd-nspawn
  fi
  tb_pn=; tb_read /sys/devices/virtual/dmi/id/product_name && tb_pn=$tb_v
  tb_sv=; tb_read /sys/devices/virtual/dmi/id/sys_vendor && tb_sv=$tb_v
  tb_bv=; tb_read /sys/devices/virtual/dmi/id/bios_vendor && tb_bv=$tb_v
  case "$tb_pn|$tb_sv|$tb_bv" in
    *KVM*|*"Amazon EC2"*|*Bochs*|*OpenStack*|*"Google"*) tb_g kvm ;;
    *QEMU*) tb_g kvm ;;
    *VMware*) tb_g VMware ;;
    *VirtualBox*|*innotek*) tb_g virtualbox ;;
    *Xen*) tb_g xen ;;
    *"Microsoft Corporation"*) tb_g hyperv ;;
    *Parallels*) tb_g parallels ;;
    *RHEV*) tb_g RHEV ;;
  esac
  if [ -d /proc/xen ] && [ -z "$tb_vtype" ]; then tb_g xen; fi
  if [ -z "$tb_vtype" ] && grep -qs '^flags.* hypervisor' /proc/cpuinfo; then tb_vtype=kvm; tb_vrole=guest; fi
  if [ -e /dev/kvm ] || grep -qs '^kvm ' /proc/modules; then
    tb_hostt="$tb_hostt kvm"
    [ -n "$tb_vtype" ] || { tb_vtype=kvm; tb_vrole=host; }
  fi
  tb_r a virtualization_tech_guest ""
  for tb_x in $tb_guest; do tb_r s virtualization_tech_guest/+ "$tb_x"; done
  tb_r a virtualization_tech_host ""
  for tb_x in $tb_hostt; do tb_r s virtualization_tech_host/+ "$tb_x"; done
  tb_r s virtualization_type "${tb_vtype:-NA}"
  tb_r s virtualization_role "${tb_vrole:-NA}"
}

tb_facts() {
  # facts.d before the parallel collectors: its records can be longer than a pipe writes at once
  tb_has local && tb_local
  # the interpreter, capsh and ip run beside the rest, printing their records from sh: each is one
  # short write to the pipe, so records of parallel collectors never mix
  tb_python &
  tb_has caps && tb_caps &
  tb_has network && tb_network &
  tb_has platform && tb_platform
  tb_has distribution && tb_distribution
  tb_has user && tb_user
  tb_has date_time && tb_date_time
  tb_has cmdline && tb_read /proc/cmdline && tb_r C "" "$tb_v"
  tb_has lsb && tb_lsb
  tb_has selinux && tb_selinux
  if tb_has apparmor; then
    if [ -d /sys/kernel/security/apparmor ]; then tb_r s apparmor/status enabled; else tb_r s apparmor/status disabled; fi
  fi
  tb_has fips && { tb_read /proc/sys/crypto/fips_enabled || tb_v=0; tb_bool fips [ "$tb_v" = 1 ]; }
  tb_has service_mgr && tb_service_mgr
  tb_has pkg_mgr && tb_pkg_mgr
  tb_has chroot && tb_chroot
  tb_has hardware && tb_hardware
  tb_has virtual && tb_virtual
  tb_has iscsi && { tb_iqn=; [ -r /etc/iscsi/initiatorname.iscsi ] && tb_iqn=$(awk -F= '/^InitiatorName=/ { print $2; exit }' /etc/iscsi/initiatorname.iscsi); tb_r s iscsi_iqn "$tb_iqn"; }
  tb_has nvme && { tb_read /etc/nvme/hostnqn || tb_v=; tb_r s hostnqn "$tb_v"; }
  tb_has fibre_channel_wwn && tb_r a fibre_channel_wwn ""
  wait
  return 0
}

# Records to JSON: {"ansible_facts": {...}, "changed": false}. Files that need no command are
# read here, so that most facts cost no process of their own.
tb_json() {
  awk -F '\t' -v filter="$tb_filter" -v subset="$tb_subset" -v collect="$tb_collect" '
function has(c) { return index(collect, " " c " ") > 0 }
# a literal replacement: awks disagree on backslashes in gsub'"'"'s replacement (mawk halves them)
function lit(s, from, to,   out, i) {
  while ((i = index(s, from)) > 0) { out = out substr(s, 1, i - 1) to; s = substr(s, i + length(from)) }
  return out s
}
function esc(s,   i, c) {
  s = lit(lit(lit(lit(lit(s, "\\", "\\\\"), "\"", "\\\""), "\t", "\\t"), "\n", "\\n"), "\r", "\\r")
  for (i = 1; i < 32; i++) { c = sprintf("%c", i); if (index(s, c)) s = lit(s, c, sprintf("\\u%04x", i)) }
  return "\"" s "\""
}
function trim(s) { gsub(/^[ \t]+|[ \t]+$/, "", s); return s }
# the node tree: kid[parent, i] in insertion order, a leaf holds its JSON text
function ensure(p,   i, par, key) {
  if (p in node) return
  node[p] = 1
  for (i = length(p); i > 0 && substr(p, i, 1) != "/"; i--) ;
  par = i ? substr(p, 1, i - 1) : ""; key = substr(p, i + 1)
  if (par != "") ensure(par)
  kid[par, ++nk[par]] = key
}
function resolve(p,   par) {
  if (p !~ /\/\+$/) return p
  par = substr(p, 1, length(p) - 2); ensure(par); list[par] = 1
  return par "/" (nk[par] + 0)
}
function put(p, json) { p = resolve(p); ensure(p); leaf[p] = json; return p }
function container(p, isList) { ensure(p); delete leaf[p]; if (isList) list[p] = 1 }
function putn(p, v) { if (v ~ /^-?[0-9]+$/) put(p, v + 0) }
function emit(p,   s, i, k) {
  if (p in leaf) return leaf[p]
  for (i = 1; i <= nk[p]; i++) { k = kid[p, i]; s = s (i > 1 ? ", " : "") (p in list ? "" : esc(k) ": ") emit(p "/" k) }
  return (p in list) ? "[" s "]" : "{" s "}"
}
function human(bytes,   u, n) {
  split("Bytes KB MB GB TB PB EB ZB YB", u, " ")
  for (n = 1; bytes >= 1024 && n < 9; n++) bytes /= 1024
  return sprintf("%.2f %s", bytes, u[n])
}
function unoctal(s) { return lit(lit(lit(lit(s, "\\040", " "), "\\011", "\t"), "\\012", "\n"), "\\134", "\\") }
# no ^: busybox awk built without its math library refuses it
function ipv4bits(addr, prefix, want,   a, o, b, blk, m, n) {
  split(addr, a, ".")
  for (o = 1; o <= 4; o++) {
    b = prefix - 8 * (o - 1); b = b < 0 ? 0 : (b > 8 ? 8 : b); for (blk = 1; b < 8; b++) blk *= 2
    m = m (o > 1 ? "." : "") (256 - blk); n = n (o > 1 ? "." : "") int(a[o] / blk) * blk
  }
  return want == "netmask" ? m : n
}
function ipv4(p, addr, prefix, brd) {
  put(p "/address", esc(addr)); put(p "/broadcast", esc(brd)); put(p "/netmask", esc(ipv4bits(addr, prefix, "netmask")))
  put(p "/network", esc(ipv4bits(addr, prefix, "network"))); put(p "/prefix", esc(prefix))
}
function iface(name) { gsub(/:/, "_", name); if (!(name in ifseen)) { ifseen[name] = 1; ifs[++nif] = name }; return name }
function addr_line(line,   w, n, a, pp, pfx, brd, lbl, sec, scope, p) {
  n = split(line, w, " ")
  if (line ~ /^[0-9]+: /) { dev = w[2]; sub(/:$/, "", dev); sub(/@.*/, "", dev); return }
  if (w[1] == "inet") {
    if (index(w[2], "/")) { split(w[2], a, "/"); pfx = a[2] } else { a[1] = w[2]; pfx = "32" }
    brd = (n > 3 && w[3] == "brd") ? w[4] : ""
    lbl = iface(w[n]); sec = index(line, " secondary ")
    if (!sec && !((lbl "/ipv4") in node)) ipv4(lbl "/ipv4", a[1], pfx, brd)
    else { container(lbl "/ipv4_secondaries", 1); ipv4(resolve(lbl "/ipv4_secondaries/+"), a[1], pfx, brd) }
    if (sec && lbl != iface(dev)) { container(iface(dev) "/ipv4_secondaries", 1); ipv4(resolve(iface(dev) "/ipv4_secondaries/+"), a[1], pfx, brd) }
    if (a[1] == def["4"]) {
      ipv4("default_ipv4", a[1], pfx, brd); defdev["4"] = iface(dev); put("default_ipv4/alias", esc(w[n]))
    }
    if (a[1] !~ /^127\./) put("all_ipv4_addresses/+", esc(a[1]))
  } else if (w[1] == "inet6") {
    if (w[3] == "peer") { a[1] = w[2]; split(w[4], pp, "/"); pfx = pp[2]; scope = w[6] }
    else { split(w[2], a, "/"); pfx = a[2]; scope = w[4] }
    container(iface(dev) "/ipv6", 1); p = resolve(iface(dev) "/ipv6/+")
    put(p "/address", esc(a[1])); put(p "/prefix", esc(pfx)); put(p "/scope", esc(scope))
    if (a[1] == def["6"]) { put("default_ipv6/prefix", esc(pfx)); put("default_ipv6/scope", esc(scope)); defdev["6"] = iface(dev) }
    if (a[1] != "::1") put("all_ipv6_addresses/+", esc(a[1]))
  }
}
function route(v, line,   w, n, i, p) {
  n = split(line, w, " "); p = "default_ipv" v
  if (w[1] != (v == "4" ? "8.8.8.8" : "2404:6800:400a:800::1012")) return
  for (i = 1; i < n; i++) {
    if (w[i] == "dev") put(p "/interface", esc(w[i + 1]))
    else if (w[i] == "src") { put(p "/address", esc(w[i + 1])); def[v] = w[i + 1] }
    else if (w[i] == "via" && w[i + 1] != w[1]) put(p "/gateway", esc(w[i + 1]))
  }
}
function default_extras(v, d,   p) {
  p = "default_ipv" v
  if (d == "") return
  if ((d "/macaddress") in leaf) put(p "/macaddress", leaf[d "/macaddress"])
  if ((d "/mtu") in leaf) put(p "/mtu", leaf[d "/mtu"])
  put(p "/type", (d "/type") in leaf ? leaf[d "/type"] : "\"unknown\"")
}
function memory(   k, v, kb, mb) {
  while ((getline line < "/proc/meminfo") > 0) { split(line, kb, ":"); v = trim(kb[2]); sub(/ .*/, "", v); mb[kb[1]] = int(v / 1024) }
  close("/proc/meminfo")
  if (!("MemTotal" in mb)) return
  putn("memtotal_mb", mb["MemTotal"]); putn("memfree_mb", mb["MemFree"])
  putn("swaptotal_mb", mb["SwapTotal"]); putn("swapfree_mb", mb["SwapFree"])
  putn("memory_mb/real/total", mb["MemTotal"]); putn("memory_mb/real/used", mb["MemTotal"] - mb["MemFree"])
  putn("memory_mb/real/free", mb["MemFree"])
  putn("memory_mb/nocache/free", mb["Cached"] + mb["MemFree"] + mb["Buffers"])
  putn("memory_mb/nocache/used", mb["MemTotal"] - (mb["Cached"] + mb["MemFree"] + mb["Buffers"]))
  putn("memory_mb/swap/total", mb["SwapTotal"]); putn("memory_mb/swap/free", mb["SwapFree"])
  putn("memory_mb/swap/used", mb["SwapTotal"] - mb["SwapFree"]); putn("memory_mb/swap/cached", mb["SwapCached"])
}
function cpus(   kv, k, v, n, vendors, models, procs, phys, core, sockets, nsock, cores, firstsock, firstcore, count, c, t, arch) {
  container("processor", 1)
  while ((getline line < "/proc/cpuinfo") > 0) {
    n = index(line, ":"); k = trim(n ? substr(line, 1, n - 1) : line); v = n ? trim(substr(line, n + 1)) : ""
    if (k == "model name" || k == "Processor" || k == "vendor_id" || k == "cpu" || k == "Vendor" || k == "processor") {
      put("processor/+", esc(v)); n = 0
      if (k == "vendor_id") vendors++; if (k == "model name") models++; if (k == "processor") procs++
      count++
    } else if (k == "physical id") { phys = v; if (!(v in sockets)) { sockets[v] = 1; nsock++; if (nsock == 1) firstsock = v } }
    else if (k == "core id") { core = v; if (!(v in sockets) && !(v in cores)) { cores[v] = 1; if (firstcore == "") firstcore = v } }
    else if (k == "cpu cores") sockets[phys] = v + 0
    else if (k == "siblings") { cores[core] = v + 0; if (firstcore == "") firstcore = core }
  }
  close("/proc/cpuinfo")
  if (vendors > 0 && vendors == models) count = vendors
  arch = leaf["architecture"]
  if (arch ~ /^"(armv|aarch|ppc)/) count = procs
  put("processor_count", nsock ? nsock : count + 0)
  c = (nsock && sockets[firstsock]) ? sockets[firstsock] : 1
  put("processor_cores", c)
  t = (firstcore != "") ? int(cores[firstcore] / c) : int(1 / c)
  put("processor_threads_per_core", t)
  put("processor_vcpus", t * (nsock ? nsock : count + 0) * c)
}
function mounts(   f, m, n, i, o, s, p) {
  container("mounts", 1)
  while ((getline line < "/proc/mounts") > 0) {
    split(line, f, " ")
    if ((f[1] !~ /^[\/\\]/ && f[1] !~ /:\//) || f[3] == "none") continue
    for (i = 1; i <= 4; i++) f[i] = unoctal(f[i])
    m = f[2]
    if (!(m in mountidx)) mountidx[m] = ++nmount
    p = "mounts/" (mountidx[m] - 1)
    o = f[4]; if ((m in bind) && o !~ /bind/) o = o ",bind"
    put(p "/mount", esc(m)); put(p "/device", esc(f[1])); put(p "/fstype", esc(f[3])); put(p "/options", esc(o))
    if (m in statfs) {
      split(statfs[m], s, "\t")
      put(p "/block_available", s[5] + 0); put(p "/block_size", s[1] + 0); put(p "/block_total", s[3] + 0)
      put(p "/block_used", s[3] - s[5]); put(p "/inode_available", s[7] + 0); put(p "/inode_total", s[6] + 0)
      put(p "/inode_used", s[6] - s[7])
      put(p "/size_available", sprintf("%.0f", s[2] * s[5])); put(p "/size_total", sprintf("%.0f", s[2] * s[3]))
    }
    put(p "/uuid", esc(f[1] in uuid ? uuid[f[1]] : "N/A"))
  }
  close("/proc/mounts")
}
# Ansible'"'"'s two readings: cmdline keeps the last value of a key, proc_cmdline all of them
function cmdline(line,   n, w, i, k, v, e) {
  if (line == "") return
  container("cmdline", 0); container("proc_cmdline", 0)
  n = split(line, w, " ")
  for (i = 1; i <= n; i++) {
    e = index(w[i], "=")
    if (!e) { put("cmdline/" w[i], "true"); put("proc_cmdline/" w[i], "true"); continue }
    k = substr(w[i], 1, e - 1); v = esc(substr(w[i], e + 1))
    put("cmdline/" k, v)
    if (!(("proc_cmdline/" k) in node) || leaf["proc_cmdline/" k] == "true") put("proc_cmdline/" k, v)
    else if (("proc_cmdline/" k) in list) put("proc_cmdline/" k "/+", v)
    else { e = leaf["proc_cmdline/" k]; container("proc_cmdline/" k, 1); put("proc_cmdline/" k "/+", e); put("proc_cmdline/" k "/+", v) }
  }
}
function dns(   w, n, i, o) {
  container("dns", 0)
  while ((getline line < "/etc/resolv.conf") > 0) {
    if (line ~ /^[#;]/ || line ~ /^[ \t]*$/) continue
    n = split(line, w, " ")
    if (w[1] == "nameserver") { container("dns/nameservers", 1); for (i = 2; i <= n; i++) put("dns/nameservers/+", esc(w[i])) }
    else if (w[1] == "domain" && n > 1) put("dns/domain", esc(w[2]))
    else if (w[1] == "search" || w[1] == "sortlist") {
      container("dns/" w[1], 1); delete nk["dns/" w[1]]
      for (i = 2; i <= n; i++) put("dns/" w[1] "/+", esc(w[i]))
    } else if (w[1] == "options") {
      container("dns/options", 0)
      for (i = 2; i <= n; i++) { o = index(w[i], ":"); if (o) put("dns/options/" substr(w[i], 1, o - 1), esc(substr(w[i], o + 1))); else put("dns/options/" w[i], "true") }
    }
  }
  close("/etc/resolv.conf")
}
function sshkeys(   t, f, w) {
  split("dsa rsa ecdsa ed25519", t, " ")
  for (i = 1; i <= 4; i++) {
    f = "/etc/ssh/ssh_host_" t[i] "_key.pub"
    if ((getline line < f) > 0) { split(line, w, " "); put("ssh_host_key_" t[i] "_public", esc(w[2])); put("ssh_host_key_" t[i] "_public_keytype", esc(w[1])) }
    close(f)
  }
}
# Python'"'"'s utcnow from the epoch: days to a civil date (the proleptic Gregorian calendar)
function utc(epoch,   d, s, z, era, doe, yoe, y, doy, mp, m) {
  d = int(epoch / 86400); s = epoch - d * 86400; z = d + 719468; era = int(z / 146097); doe = z - era * 146097
  yoe = int((doe - int(doe / 1460) + int(doe / 36524) - int(doe / 146096)) / 365); doy = doe - (365 * yoe + int(yoe / 4) - int(yoe / 100))
  mp = int((5 * doy + 2) / 153); d = doy - int((153 * mp + 2) / 5) + 1; m = mp < 10 ? mp + 3 : mp - 9; y = yoe + era * 400 + (m <= 2)
  return sprintf("%04d-%02d-%02dT%02d:%02d:%02d", y, m, d, int(s / 3600), int(s % 3600 / 60), s % 60)
}
# the ids and the CPUs this process may run on, which are the shell'"'"'s
function self_status(   w, n, r, i, c) {
  while ((getline line < "/proc/self/status") > 0) {
    split(line, w, " ")
    if (w[1] == "Uid:" && has("user")) { putn("real_user_id", w[2]); putn("effective_user_id", w[3]) }
    else if (w[1] == "Gid:" && has("user")) { putn("real_group_id", w[2]); putn("effective_group_id", w[2]) }
    else if (w[1] == "Cpus_allowed_list:" && has("hardware")) {
      n = split(w[2], r, ","); c = 0
      for (i = 1; i <= n; i++) { if (split(r[i], w, "-") == 2) c += w[2] - w[1] + 1; else c++ }
      put("processor_nproc", c)
    }
  }
  close("/proc/self/status")
}
function simple_files(   w) {
  if (has("hardware") && (getline line < "/proc/uptime") > 0) { split(line, w, " "); put("uptime_seconds", int(w[1])); close("/proc/uptime") }
  if (has("loadavg") && (getline line < "/proc/loadavg") > 0) {
    # as written ("0.00"): floats, as Python'"'"'s getloadavg gives, even when whole
    split(line, w, " "); put("loadavg/1m", w[1]); put("loadavg/5m", w[2]); put("loadavg/15m", w[3]); close("/proc/loadavg")
  }
}
# facts.d: JSON when it parses as JSON, else INI (sections of lower-cased keys), else a message
function jws() { while (P <= JL && index(" \t\n\r", substr(J, P, 1))) P++ }
function jval(   c) {
  jws(); c = substr(J, P, 1)
  if (c == "{" || c == "[") {
    P++; jws()
    if (substr(J, P, 1) == (c == "{" ? "}" : "]")) { P++; return 1 }
    while (1) {
      if (c == "{") { jws(); if (!match(substr(J, P), /^"([^"\\]|\\.)*"/)) return 0; P += RLENGTH; jws(); if (substr(J, P++, 1) != ":") return 0 }
      if (!jval()) return 0
      jws(); k = substr(J, P++, 1)
      if (k == (c == "{" ? "}" : "]")) return 1
      if (k != ",") return 0
    }
  }
  if (match(substr(J, P), /^("([^"\\]|\\.)*"|-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?|true|false|null)/)) { P += RLENGTH; return 1 }
  return 0
}
function ini(p, text,   n, l, i, line, sect, k, e, c, last) {
  n = split(text, l, "\n")
  for (i = 1; i <= n; i++) {
    line = l[i]
    if (line ~ /^[ \t]*$/ || line ~ /^[ \t]*[#;]/) { last = ""; continue }
    if (line ~ /^[ \t]/ && last != "") { raw[last] = raw[last] "\n" trim(line); put(last, esc(raw[last])); continue }
    if (match(line, /^\[.*\]/)) {
      sect = substr(line, 2, RLENGTH - 2)
      if ((p "/" sect) in node) return 0
      container(p "/" sect, 0); last = ""; continue
    }
    if (sect == "") return 0
    e = index(line, "="); c = index(line, ":"); if (!e || (c && c < e)) e = c
    if (!e) return 0
    k = tolower(trim(substr(line, 1, e - 1)))
    if ((p "/" sect "/" k) in node) return 0
    raw[last = p "/" sect "/" k] = trim(substr(line, e + 1)); put(last, esc(raw[last]))
  }
  return 1
}
function local_fact(name, file, text,   p) {
  text = lit(text, "\001", "\n")
  p = "local/" name; J = text; JL = length(J); P = 1
  if (jval()) { jws(); if (P > JL) { put(p, text); return } }
  container(p, 0)
  if (!ini(p, text)) {
    delete node[p]; warn[++nwarn] = "error loading facts as JSON or ini - please check content: " file; put(p, esc(warn[nwarn]))
  }
}
$1 == "s" { put($2, esc($3)); next }
$1 == "n" { putn($2, $3); next }
$1 == "b" { put($2, $3 == "true" ? "true" : "false"); next }
$1 == "z" { put($2, "null"); next }
$1 == "K" {
  v = trim(substr($3, index($3, ":") + 1)); container("system_capabilities", 1)
  if ($3 == "") put("system_capabilities_enforced", esc("NA"))
  else if (v == "=ep") put("system_capabilities_enforced", esc("False"))
  else {
    put("system_capabilities_enforced", esc("True")); n = split(substr(v, index(v, "=") + 1), w, ",")
    for (i = 1; i <= n; i++) put("system_capabilities/+", esc(trim(w[i])))
  }
  next
}
$1 == "C" { cmdline($3); next }
$1 == "T" { put("date_time/iso8601", esc(utc($2) "Z")); put("date_time/iso8601_micro", esc(utc($2) "." $3 "Z")); next }
$1 == "h" { split($3, w, " "); put($2, esc(human(w[1] * w[2]))); next }
$1 == "o" { container($2, 0); next }
$1 == "a" { container($2, 1); next }
$1 == "N" { iface($2); next }
$1 == "R" { route($2, $3); next }
$1 == "I" { addr_line($3); next }
$1 == "S" { statfs[$2] = $3 "\t" $4 "\t" $5 "\t" $6 "\t" $7 "\t" $8 "\t" $9; next }
$1 == "U" { uuid[$2] = $3; next }
$1 == "B" { bind[$2] = 1; next }
$1 == "M" { put($2, esc(v = lit($3, "\001", "\n"))); warn[++nwarn] = v; next }
$1 == "L" { local_fact($2, $3, substr($0, length($1 $2 $3) + 4)); next }
END {
  if (has("hardware")) {
    memory(); cpus(); mounts()
    split("ids labels masters uuids", w, " "); for (i = 1; i <= 4; i++) container("device_links/" w[i], 0)
  }
  simple_files(); self_status()
  if (has("dns")) dns()
  if (has("ssh_pub_keys")) sshkeys()
  if (has("network")) {
    container("default_ipv4", 0); container("default_ipv6", 0); container("all_ipv4_addresses", 1); container("all_ipv6_addresses", 1)
    default_extras("4", defdev["4"]); default_extras("6", defdev["6"])
    container("interfaces", 1); for (i = 1; i <= nif; i++) put("interfaces/+", esc(ifs[i]))
  }
  if (has("env")) {
    container("env", 0)
    for (k in ENVIRON) if (k != "AWKPATH" && k != "AWKLIBPATH") put("env/" k, esc(ENVIRON[k]))
  }
  put(":gather_subset", subset); put(":module_setup", "true")
  for (i = 1; i <= nk[""]; i++) {
    k = kid["", i]; name = substr(k, 1, 1) == ":" ? substr(k, 2) : "ansible_" k
    if (filter == "" || name ~ filter) { out = out sep esc(name) ": " emit(k); sep = ", " }
  }
  for (i = 1; i <= nwarn; i++) warnings = warnings (i > 1 ? ", " : "") esc(warn[i])
  printf "{\"ansible_facts\": {%s}, \"changed\": false%s}\n", out, nwarn ? ", \"warnings\": [" warnings "]" : ""
}'
}
tb_facts | tb_json
