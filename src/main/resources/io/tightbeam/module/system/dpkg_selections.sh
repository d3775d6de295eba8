# shellcheck shell=sh
# Ansible's dpkg_selections: the package's selection from `dpkg --get-selections` ("not present"
# when dpkg knows none), set with `dpkg --set-selections` when it differs.
tb_need dpkg
current=$(LC_ALL=C dpkg --get-selections "$name" 2>/dev/null | awk -v n="$name" '$1 == n || $1 ~ "^" n ":" { print $2; exit }')
[ -n "$current" ] || current='not present'
tb_ks before "$current"; tb_ks after "$selection"
if [ "$current" != "$selection" ]; then
  tb_changed=1
  if [ "$tb_check" != 1 ]; then
    tb_e=$(printf '%s %s\n' "$name" "$selection" | LC_ALL=C dpkg --set-selections 2>&1) || tb_fail "$tb_e"
  fi
fi
tb_end
