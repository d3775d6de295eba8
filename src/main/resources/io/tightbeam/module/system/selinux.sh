# shellcheck shell=sh disable=SC2154,SC2034 # arguments and tb_run's outputs are set before this script
# ansible.posix.selinux: the SELINUX=/SELINUXTYPE= lines of the config file, the running mode
# through setenforce, the kernel's selinux=0 through grubby. What libselinux answers the
# collection's module is read here from selinuxfs (enabled, enforce) and /etc/selinux/config (the
# policy type, 'targeted' when unset, libselinux's default).
msgs=''
note() { msgs="${msgs:+$msgs, }$1"; }
# key KEY FILE: the value of the first ^KEY= line, trimmed
key() { [ -f "$2" ] && awk -v k="$1=" 'index($0, k) == 1 { v = substr($0, length(k) + 1); gsub(/^[ \t]+|[ \t]+$/, "", v); print v; exit }' "$2"; }
# put KEY VALUE: every ^KEY=... line of the config file set to KEY=VALUE, the line added when none
put() {
  tmp=$(mktemp "${configfile%/*}/.selinux.XXXXXX" 2>/dev/null || mktemp) || tb_fail "mktemp failed"
  if awk -v k="$1=" -v line="$1=$2" 'index($0, k) == 1 { $0 = line; f = 1 } { print } END { if (!f) print line }' \
      "$configfile" > "$tmp" && { cat -- "$tmp" > "$configfile"; } 2>/dev/null; then
    rm -f "$tmp"
  else
    rm -f "$tmp"; tb_fail "Unable to write $configfile"
  fi
}

if [ -e /sys/fs/selinux/enforce ] || { command -v selinuxenabled >/dev/null 2>&1 && selinuxenabled; }; then
  runtime_enabled=1; runtime_state=permissive
  if [ -r /sys/fs/selinux/enforce ]; then [ "$(cat /sys/fs/selinux/enforce)" = 1 ] && runtime_state=enforcing
  else case $(getenforce 2>/dev/null) in Enforcing) runtime_state=enforcing ;; esac; fi
else
  runtime_enabled=0; runtime_state=disabled
fi
runtime_policy=$(key SELINUXTYPE /etc/selinux/config); runtime_policy=${runtime_policy:-targeted}

if [ ! -f "$configfile" ]; then
  tb_ks details "Please install SELinux-policy package, if this package is not installed previously."
  tb_fail "Unable to find file $configfile"
fi
config_policy=$(key SELINUXTYPE "$configfile")
config_state=$(key SELINUX "$configfile")

kernel_enabled=''
if [ "$update_kernel_param" = 1 ]; then
  if ! command -v grubby >/dev/null 2>&1; then
    tb_ks details "In order to update the kernel command lineenabled/disabled setting, the grubby packageneeds to be present on the system."
    tb_fail "'grubby' command not found on host"
  fi
  tb_run grubby --info=ALL || tb_fail "unable to run grubby"
  kernel_enabled=$(printf '%s\n' "$tb_o" | awk '
    /^args=".*"$/ { a = substr($0, 7, length($0) - 7); n = split(a, w, " "); off = 0
      for (i = 1; i <= n; i++) if (w[i] == "selinux=0") off = 1
      if (off) en = 0; else dis = 0; seen = 1 }
    BEGIN { en = 1; dis = 1 }
    END { if (en == dis) print "none"; else if (en) print "1"; else print "0" }')
fi

if [ "$state" != disabled ]; then
  [ -n "$policy" ] || tb_fail "Policy is required if state is not 'disabled'"
elif [ -z "$policy" ]; then
  policy=$config_policy
fi

if [ "$policy" != "$runtime_policy" ]; then
  [ "$tb_check" = 1 ] && { tb_changed=1; tb_end; }
  note "Running SELinux policy changed from '$runtime_policy' to '$policy'"; tb_changed=1
fi
if [ "$policy" != "$config_policy" ]; then
  [ "$tb_check" = 1 ] && { tb_changed=1; tb_end; }
  [ -e "/etc/selinux/$policy/policy" ] || tb_fail "Policy $policy does not exist in /etc/selinux/"
  put SELINUXTYPE "$policy"
  note "SELinux policy configuration in '$configfile' changed from '$config_policy' to '$policy'"; tb_changed=1
fi
reboot=0
if [ "$state" != "$runtime_state" ]; then
  if [ "$runtime_enabled" = 1 ]; then
    if [ "$state" = disabled ]; then
      if [ "$runtime_state" != permissive ]; then
        if [ "$tb_check" != 1 ]; then tb_need setenforce; tb_run setenforce 0; fi
        tb_warn "SELinux state temporarily changed from '$runtime_state' to 'permissive'. State change will take effect next reboot."
        tb_changed=1
      else
        tb_warn 'SELinux state change will take effect next reboot'
      fi
      reboot=1
    else
      if [ "$tb_check" != 1 ]; then
        tb_need setenforce
        if [ "$state" = enforcing ]; then tb_run setenforce 1; else tb_run setenforce 0; fi
      fi
      note "SELinux state changed from '$runtime_state' to '$state'"; tb_changed=1
    fi
  else
    tb_warn "Reboot is required to set SELinux state to '$state'"
    reboot=1
  fi
fi
if [ "$state" != "$config_state" ]; then
  [ "$tb_check" != 1 ] && put SELINUX "$state"
  note "Config SELinux state changed from '${config_state:-None}' to '$state'"; tb_changed=1
fi
if [ "$update_kernel_param" = 1 ]; then
  want=0; [ "$state" != disabled ] && want=1
  if [ "$kernel_enabled" != "$want" ]; then
    if [ "$tb_check" != 1 ]; then
      if [ "$want" = 1 ]; then
        tb_run grubby --update-kernel=ALL --remove-args selinux=0 || tb_fail 'unable to remove selinux=0 from kernel config'
      else
        tb_run grubby --update-kernel=ALL --args selinux=0 || tb_fail 'unable to add selinux=0 to kernel config'
      fi
    fi
    if [ "$want" = 1 ]; then from=disabled; to=enabled; else from=enabled; to=disabled; fi
    [ "$kernel_enabled" = none ] && from='<inconsistent>'
    note "Kernel SELinux state changed from '$from' to '$to'"; tb_changed=1
  fi
fi
tb_ks msg "$msgs"; tb_ks configfile "$configfile"
if [ -n "$policy" ]; then tb_ks policy "$policy"; else tb_kv policy null; fi
tb_ks state "$state"; tb_kb reboot_required "$reboot"
tb_end
