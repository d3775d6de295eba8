# shellcheck shell=sh
# community.general.timezone: timedatectl when it answers, else /etc/localtime (and /etc/timezone).
if [ -n "$name" ] && [ ! -f "/usr/share/zoneinfo/$name" ]; then
  tb_fail "Error message:
given timezone \"$name\" is not available"
fi
tdc=$(command -v timedatectl 2>/dev/null)
[ -n "$tdc" ] && ! "$tdc" >/dev/null 2>&1 && tdc=''
zone_now() {
  if [ -n "$tdc" ]; then "$tdc" status 2>/dev/null | sed -n 's/^ *Time zone: \([^ ]*\).*/\1/p'
  elif [ -f /etc/timezone ]; then head -n 1 /etc/timezone
  else readlink /etc/localtime 2>/dev/null | sed 's|.*/zoneinfo/||'; fi
}
rtc_now() {
  if [ -n "$tdc" ]; then
    case "$("$tdc" status 2>/dev/null | sed -n 's/^ *RTC in local TZ: *//p')" in yes) echo local ;; *) echo UTC ;; esac
  else
    if grep -qx LOCAL /etc/adjtime 2>/dev/null; then echo local; else echo UTC; fi
  fi
}
pair() {
  s=''
  [ -n "$hwclock" ] && s="\"hwclock\":$(printf '%s' "$2" | tb_json)"
  [ -n "$name" ] && s="$s${s:+,}\"name\":$(printf '%s' "$1" | tb_json)"
  printf '{%s}' "$s"
}
z0=$(zone_now); r0=$(rtc_now); msgs=''
# Ansible sets the options in its argument_spec's order: hwclock, then name.
if [ -n "$hwclock" ] && [ "$r0" != "$hwclock" ]; then
  if [ -n "$tdc" ]; then
    yn=no; [ "$hwclock" = local ] && yn=yes
    tb_do "$tdc" set-local-rtc "$yn" || tb_fail "$tb_e"
    [ "$tb_check" = 1 ] || msgs="executed \`$tdc set-local-rtc $yn\`"
  else
    tb_fail "setting hwclock needs timedatectl on this target (tightbeam does not edit /etc/adjtime)"
  fi
fi
if [ -n "$name" ] && [ "$z0" != "$name" ]; then
  if [ -n "$tdc" ]; then
    tb_do "$tdc" set-timezone "$name" || tb_fail "$tb_e"
    [ "$tb_check" = 1 ] || msgs="$msgs${msgs:+
}executed \`$tdc set-timezone $name\`"
  else
    tb_changed=1
    if [ "$tb_check" != 1 ]; then
      ln -sf "/usr/share/zoneinfo/$name" /etc/localtime || tb_fail "could not link /etc/localtime"
      [ -f /etc/timezone ] && printf '%s\n' "$name" > /etc/timezone
    fi
  fi
fi
if [ "$tb_check" != 1 ] && [ "$tb_changed" = 1 ]; then
  z1=$(zone_now); r1=$(rtc_now)
  if { [ -n "$name" ] && [ "$z1" != "$name" ]; } || { [ -n "$hwclock" ] && [ "$r1" != "$hwclock" ]; }; then
    planned=''; [ -n "$hwclock" ] && planned="'hwclock': '$hwclock'"
    [ -n "$name" ] && planned="$planned${planned:+, }'name': '$name'"
    got=''; [ -n "$hwclock" ] && got="'hwclock': '$r1'"
    [ -n "$name" ] && got="$got${got:+, }'name': '$z1'"
    tb_changed=0
    tb_fail "Error message:
still not desired state, though changes have made - planned: {$planned}, after: {$got}
Other message(s):
$msgs"
  fi
fi
if [ "$tb_check" = 1 ]; then z1=${name:-$z0}; r1=${hwclock:-$r0}
elif [ "$tb_changed" != 1 ]; then z1=$z0; r1=$r0; fi
tb_kv diff "{\"before\":$(pair "$z0" "$r0"),\"after\":$(pair "${name:+$z1}" "${hwclock:+$r1}")}"
[ -n "$msgs" ] && tb_ks msg "$msgs"
tb_end
