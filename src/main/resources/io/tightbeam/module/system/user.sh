# shellcheck shell=sh
# Ansible's user: useradd/usermod/userdel (shadow), else BusyBox adduser/deluser.
field() { tb_entry passwd "$name" | cut -d: -f"$1"; }
exists() { tb_entry passwd "$name" >/dev/null; }
gid_of() { tb_entry group "$1" | cut -d: -f3; }
group_check() { [ -n "$(gid_of "$1")" ] || tb_fail "Group $1 does not exist"; }
shadow_tools=0; command -v useradd >/dev/null 2>&1 && shadow_tools=1
[ "$shadow_tools" = 1 ] || tb_need useradd adduser
wanted_groups=$(printf '%s' "$groups" | tr '\n' ',' | sed 's/,$//')

if [ "$state" = absent ]; then
  if exists; then
    if [ "$tb_check" = 1 ]; then tb_kb changed 1; tb_emit; exit 0; fi
    if [ "$shadow_tools" = 1 ]; then
      set -- userdel; [ "$force" = 1 ] && set -- "$@" -f; [ "$remove" = 1 ] && set -- "$@" -r
    else
      set -- deluser; [ "$remove" = 1 ] && set -- "$@" --remove-home
    fi
    tb_do "$@" "$name" || { tb_kv rc "$tb_rc"; tb_ks name "$name"; tb_fail "$tb_e"; }
    tb_kb force "$force"; tb_kb remove "$remove"; tb_outputs
  fi
  tb_ks name "$name"; tb_ks state absent; tb_end
fi

for g in $group $(printf '%s' "$wanted_groups" | tr ',' ' '); do group_check "$g"; done
case "$password" in
  '') ;;
  \$1\$*\$*|\$5\$*\$*|\$6\$*\$*)
    hash=${password##*\$}
    case "$password" in \$1*) len=22 ;; \$5*) len=43 ;; *) len=86 ;; esac
    [ "${#hash}" = "$len" ] || tb_warn "The input password appears not to have been hashed. The 'password' argument must be encrypted for this module to work properly." ;;
  \$*) ;;
  *) tb_warn "The input password appears not to have been hashed. The 'password' argument must be encrypted for this module to work properly." ;;
esac

if ! exists; then
  if [ "$tb_check" = 1 ]; then tb_kb changed 1; tb_emit; exit 0; fi
  if [ "$shadow_tools" = 1 ]; then
    set -- useradd
    [ -n "$uid" ] && set -- "$@" -u "$uid"
    [ "$non_unique" = 1 ] && set -- "$@" -o
    if [ -n "$group" ]; then set -- "$@" -g "$group"
    elif [ -n "$(gid_of "$name")" ]; then set -- "$@" -g "$name"; fi
    [ -n "$wanted_groups" ] && set -- "$@" -G "$wanted_groups"
    [ -n "$comment" ] && set -- "$@" -c "$comment"
    [ -n "$home" ] && set -- "$@" -d "$home"
    [ -n "$shell" ] && set -- "$@" -s "$shell"
    [ -n "$password" ] && set -- "$@" -p "$password"
    [ "$system" = 1 ] && set -- "$@" -r
    if [ "$create_home" = 1 ]; then
      set -- "$@" -m; [ -n "$skeleton" ] && set -- "$@" -k "$skeleton"
    else set -- "$@" -M; fi
    [ -n "$umask" ] && set -- "$@" -K "UMASK=$umask"
    tb_do "$@" "$name" || tb_fail "$tb_e"
  else
    set -- adduser -D
    [ -n "$uid" ] && set -- "$@" -u "$uid"
    [ -n "$group" ] && set -- "$@" -G "$group"
    [ -n "$comment" ] && set -- "$@" -g "$comment"
    [ -n "$home" ] && set -- "$@" -h "$home"
    [ -n "$shell" ] && set -- "$@" -s "$shell"
    [ "$system" = 1 ] && set -- "$@" -S
    [ "$create_home" = 1 ] || set -- "$@" -H
    tb_do "$@" "$name" || tb_fail "$tb_e"
    for g in $(printf '%s' "$wanted_groups" | tr ',' ' '); do tb_do addgroup "$name" "$g" || tb_fail "$tb_e"; done
    if [ -n "$password" ]; then
      tb_e=$(printf '%s:%s\n' "$name" "$password" | chpasswd -e 2>&1) || tb_fail "$tb_e"
    fi
  fi
  o=$tb_o; e=$tb_e
  tb_kb create_home "$create_home"; tb_kb system "$system"
else
  set --
  cur_uid=$(field 3); cur_gid=$(field 4); cur_home=$(field 6)
  [ -n "$uid" ] && [ "$uid" != "$cur_uid" ] && set -- "$@" -u "$uid"
  [ -n "$uid" ] && [ "$uid" != "$cur_uid" ] && [ "$non_unique" = 1 ] && set -- "$@" -o
  [ -n "$group" ] && [ "$(gid_of "$group")" != "$cur_gid" ] && set -- "$@" -g "$group"
  if [ -n "$groups_given" ]; then
    have=$(id -Gn "$name" 2>/dev/null | tr ' ' '\n' | grep -vx "$(tb_entry group "$cur_gid" | cut -d: -f1)" | sort -u)
    want=$(printf '%s' "$wanted_groups" | tr ',' '\n' | grep -vx "$(tb_entry group "$cur_gid" | cut -d: -f1)" | sort -u)
    if [ "$append" = 1 ]; then
      missing=''
      for g in $want; do printf '%s\n' "$have" | grep -qxF -- "$g" || missing=1; done
      [ -n "$missing" ] && set -- "$@" -a -G "$wanted_groups"
    elif [ "$have" != "$want" ]; then set -- "$@" -G "$wanted_groups"; fi
  fi
  [ -n "$comment" ] && [ "$comment" != "$(field 5)" ] && set -- "$@" -c "$comment"
  if [ -n "$home" ] && [ "$home" != "$cur_home" ]; then
    set -- "$@" -d "$home"; [ "$move_home" = 1 ] && set -- "$@" -m
  fi
  [ -n "$shell" ] && [ "$shell" != "$(field 7)" ] && set -- "$@" -s "$shell"
  cur_pw=$(awk -F: -v n="$name" '$1 == n { print $2 }' /etc/shadow 2>/dev/null)
  if [ -n "$password" ] && [ "$update_password" = always ] && [ "$password" != "$cur_pw" ]; then
    set -- "$@" -p "$password"
  fi
  case "$password_lock:$cur_pw" in
    1:!*) ;; 1:*) set -- "$@" -L ;;
    0:!*) set -- "$@" -U ;;
  esac
  o=''; e=''
  if [ "$#" -gt 0 ]; then
    if [ "$shadow_tools" = 1 ]; then
      tb_do usermod "$@" "$name" || tb_fail "$tb_e"
    else
      tb_fail "tightbeam changes existing users with usermod, which this host lacks (only BusyBox adduser)"
    fi
    o=$tb_o; e=$tb_e
  fi
  if [ "$create_home" = 1 ] && [ ! -e "$(field 6)" ]; then
    tb_changed=1
    if [ "$tb_check" != 1 ]; then
      h=$(field 6); sk=${skeleton:-/etc/skel}
      { mkdir -p -- "$h" && { [ ! -d "$sk" ] || cp -R "$sk/." "$h"; } && chown -R "$(field 3):$(field 4)" "$h"; } || tb_fail "Failed to create home directory $h"
    fi
  fi
  tb_kb append "$append"; tb_kb move_home "$move_home"
fi

if [ "$generate_ssh_key" = 1 ] && exists; then
  tb_need ssh-keygen
  h=$(field 6)
  key=${ssh_key_file:-.ssh/id_$ssh_key_type}
  case "$key" in /*) ;; *) key=$h/$key ;; esac
  if [ -e "$key" ]; then
    tb_warn "Found existing ssh key private file \"$key\", no force, so skipping ssh-keygen generation"
  elif [ "$tb_check" = 1 ]; then
    tb_changed=1
  else
    dir=$(dirname -- "$key")
    if [ ! -d "$dir" ]; then
      { mkdir -p -- "$dir" && chmod 0700 "$dir" && chown "$(field 3):$(field 4)" "$dir"; } || tb_fail "Failed to create $dir"
    fi
    set -- ssh-keygen -t "$ssh_key_type"
    [ -n "$ssh_key_bits" ] && [ "$ssh_key_bits" != 0 ] && set -- "$@" -b "$ssh_key_bits"
    set -- "$@" -C "${ssh_key_comment:-ansible-generated on $(uname -n)}" -N "$ssh_key_passphrase" -f "$key" -q
    tb_run "$@" </dev/null || tb_fail "$tb_e"
    chown "$(field 3):$(field 4)" "$key" "$key.pub"
    tb_changed=1
  fi
  if [ -e "$key" ]; then
    tb_ks ssh_fingerprint "$(ssh-keygen -l -f "$key" 2>/dev/null)"
    tb_ks ssh_key_file "$key"
    tb_ks ssh_public_key "$(cat "$key.pub" 2>/dev/null)"
  fi
fi

tb_ks name "$name"; tb_ks state present
tb_ks comment "$(field 5)"; tb_kv group "$(field 4)"; tb_ks home "$(field 6)"
tb_ks shell "$(field 7)"; tb_kv uid "$(field 3)"
[ -n "$groups_given" ] && tb_ks groups "$wanted_groups"
[ -n "$password" ] && tb_ks password NOT_LOGGING_PASSWORD
tb_o=$o; tb_e=$e; tb_outputs
tb_end
