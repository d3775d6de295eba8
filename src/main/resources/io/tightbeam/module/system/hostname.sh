# shellcheck shell=sh
# Ansible's hostname: through hostnamectl (systemd), else the distribution's file plus `hostname`.
strategy=$use
if [ -z "$strategy" ]; then
  if command -v hostnamectl >/dev/null 2>&1 && [ -d /run/systemd/system ]; then strategy=systemd
  elif [ -f /etc/conf.d/hostname ]; then strategy=openrc
  elif [ -f /etc/sysconfig/network ] && [ ! -f /etc/hostname ]; then strategy=redhat
  else strategy=generic; fi
fi
case "$strategy" in
  systemd) tb_need hostnamectl ;;
  debian|generic|alpine) file=/etc/hostname ;;
  openrc) file=/etc/conf.d/hostname ;;
  redhat|sles) file=/etc/sysconfig/network ;;
  *) tb_fail "hostname strategy $strategy is not supported by tightbeam on this target" ;;
esac
current() { tb_run hostnamectl --transient status || tb_fail "Command failed rc=$tb_rc, out=$tb_o, err=$tb_e"; printf '%s' "$tb_o"; }
permanent() {
  case "$strategy" in
    systemd) tb_run hostnamectl --static status || tb_fail "Command failed rc=$tb_rc, out=$tb_o, err=$tb_e"; printf '%s' "$tb_o" ;;
    openrc) sed -n 's/^hostname="\{0,1\}\([^"]*\)"\{0,1\}$/\1/p' "$file" 2>/dev/null | tail -n 1 ;;
    redhat|sles) sed -n 's/^HOSTNAME="\{0,1\}\([^"]*\)"\{0,1\}$/\1/p' "$file" 2>/dev/null | tail -n 1 ;;
    *) head -n 1 "$file" 2>/dev/null ;;
  esac
}
if [ "$strategy" = systemd ]; then now=$(current); else now=$(hostname 2>/dev/null || uname -n); fi
perm=$(permanent)
if [ "$now" != "$name" ] || [ "$perm" != "$name" ]; then
  tb_changed=1
  if [ "$tb_diff" = 1 ]; then
    tb_kv diff "{\"before\":$(printf 'hostname = %s\n' "$now" | tb_json),\"after\":$(printf 'hostname = %s\n' "$name" | tb_json)}"
  fi
  if [ "$tb_check" != 1 ]; then
    if [ "$strategy" = systemd ]; then
      if [ "$perm" != "$name" ]; then
        tb_run hostnamectl --pretty --static set-hostname "$name" || tb_fail "Command failed rc=$tb_rc, out=$tb_o, err=$tb_e"
      fi
      if [ "$(current)" != "$name" ]; then
        tb_run hostnamectl --transient set-hostname "$name" || tb_fail "Command failed rc=$tb_rc, out=$tb_o, err=$tb_e"
      fi
    else
      case "$strategy" in
        openrc) text="hostname=\"$name\"" ;;
        redhat|sles) text=$( { grep -v '^HOSTNAME=' "$file" 2>/dev/null; echo "HOSTNAME=$name"; } ) ;;
        *) text=$name ;;
      esac
      e=$(printf '%s\n' "$text" 2>&1 > "$file") || tb_fail "failed to update hostname: $(tb_why "$e")"
      tb_run hostname "$name" || tb_fail "Command failed rc=$tb_rc, out=$tb_o, err=$tb_e"
    fi
  fi
fi
# the facts name the new host; fqdn and domain are the resolver's answer for this machine, as Python's getfqdn gives
self=$(uname -n); fqdn=$self
ip=$(getent hosts "$self" 2>/dev/null | awk '{ print $1; exit }')
if [ -n "$ip" ]; then
  names=$(getent hosts "$ip" 2>/dev/null | awk '{ for (i = 2; i <= NF; i++) print $i; exit }')
  first=$(printf '%s\n' "$names" | head -n 1); dotted=$(printf '%s\n' "$names" | grep -m 1 '\.')
  fqdn=${dotted:-${first:-$self}}
fi
domain=''; case "$fqdn" in *.*) domain=${fqdn#*.} ;; esac
tb_kv ansible_facts "{\"ansible_hostname\":$(printf '%s' "${name%%.*}" | tb_json),\"ansible_nodename\":$(printf '%s' "$name" | tb_json),\"ansible_fqdn\":$(printf '%s' "$fqdn" | tb_json),\"ansible_domain\":$(printf '%s' "$domain" | tb_json)}"
tb_ks name "$name"
tb_end
