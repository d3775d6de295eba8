# shellcheck shell=sh disable=SC2154 # arguments and tb_run's outputs are set before this script
# ansible.posix.mount on Linux: the path's line in fstab (awk, fields escaped as the collection
# escapes them: \ as \134, space as \040, & as \046) and its mount state (mount, umount, remount).
tb_esc() { printf '%s' "$1" | sed 's/\\/\\134/g; s/ /\\040/g; s/&/\\046/g'; }
name=$path
fstab=${fstab:-/etc/fstab}
opts=${opts:-defaults}
boot_out=yes
case ",$opts," in
  *,noauto,*) tb_warn "Ignore the 'boot' due to 'opts' contains 'noauto'." ;;
  *) if [ "$boot" != 1 ]; then
       boot_out=no
       case ",$opts," in
         *,defaults,*) tb_warn "Ignore the 'boot' due to 'opts' contains 'defaults'." ;;
         *) opts="$opts,noauto" ;;
       esac
     fi ;;
esac
backup_file=''

# the result: the module's arguments as it settled them, then changed and warnings
finish() {
  tb_ks name "$name"; tb_ks opts "$opts"; tb_ks dump "$dump"; tb_ks passno "$passno"; tb_ks fstab "$fstab"
  tb_ks boot "$boot_out"; tb_ks backup_file "$backup_file"
  [ -n "$src_given" ] && tb_ks src "$src"
  [ -n "$fstype_given" ] && tb_ks fstype "$fstype"
  tb_end
}

if [ "$state" != ephemeral ] && [ ! -e "$fstab" ]; then
  e=$({ mkdir -p -- "$(dirname -- "$fstab")" && : >> "$fstab"; } 2>&1) || case $e in
    *"Permission denied"*) tb_fail "Failed to open $fstab due to permission issue" ;;
    *) tb_fail "Failed to open $fstab due to $(tb_errno "$e" "$fstab")" ;;
  esac
fi

# rewrite MODE: fstab with the path's line set (MODE set) or removed (unset) on stdout; the last
# line printed is 1 when that changed the file, else 0
rewrite() {
  TB_MODE=$1 TB_NAME=$(tb_esc "$name") TB_SRC=$(tb_esc "$src") TB_RAWSRC=$src TB_HASSRC=${src_given:-0} \
  TB_FSTYPE=$(tb_esc "$fstype") TB_OPTS=$(tb_esc "$opts") TB_DUMP=$(tb_esc "$dump") TB_PASSNO=$(tb_esc "$passno") \
  LC_ALL=C awk '
    BEGIN { m = ENVIRON["TB_MODE"]; want["src"] = ENVIRON["TB_SRC"]; want["fstype"] = ENVIRON["TB_FSTYPE"]
      want["opts"] = ENVIRON["TB_OPTS"]; want["dump"] = ENVIRON["TB_DUMP"]; want["passno"] = ENVIRON["TB_PASSNO"]
      split("src name fstype opts dump passno", label, " ") }
    function other() { return $2 != ENVIRON["TB_NAME"] || (ENVIRON["TB_HASSRC"] == "1" && $2 == "none" && $3 == "swap" && $1 != ENVIRON["TB_RAWSRC"]) }
    $0 ~ /^[ \t]*$/ || $0 ~ /^[ \t]*#/ { print; next }
    m == "unset" { if (NF != 6 || other()) print; else changed = 1; next }
    NF < 4 || NF > 6 || other() { print; next }
    { exists = 1
      # a 4 or 5 field line has dump/passno 0 as a number, never equal to the text the module compares
      for (i = 1; i <= 6; i++) ld[label[i]] = i <= NF ? $i : "\001"
      for (i = 1; i <= 6; i++) { k = label[i]; if (k != "name" && ld[k] != want[k]) { ld[k] = want[k]; changed = 1 } }
      if (changed) print ld["src"], ld["name"], ld["fstype"], ld["opts"], ld["dump"], ld["passno"]; else print }
    END { if (m == "set" && !exists) { print want["src"], ENVIRON["TB_NAME"], want["fstype"], want["opts"], want["dump"], want["passno"]; changed = 1 }
      print changed + 0 }' "$fstab"
}
# edit MODE: rewrites fstab (not in check mode); fstab_changed 1 or 0, the old text kept in $old
edit() {
  new=$(rewrite "$1") || tb_fail "awk failed on $fstab"
  fstab_changed=${new##*
}
  case $new in *"
"*) new=${new%
*} ;; *) new='' ;; esac
  old=$(cat -- "$fstab"; echo x); old=${old%x}
  [ "$fstab_changed" = 1 ] && [ "$tb_check" != 1 ] || return 0
  if [ "$backup" = 1 ]; then
    backup_file="$fstab.$$.$(date +%Y-%m-%d@%H:%M:%S)~"
    cp -p -- "$fstab" "$backup_file" || tb_fail "Could not make a backup of $fstab"
  fi
  if [ -n "$new" ]; then e=$(printf '%s\n' "$new" 2>&1 > "$fstab"); else e=$(: 2>&1 > "$fstab"); fi ||
    tb_fail "$(tb_errno "$e" "$fstab")"
}

# ismount (a device or inode boundary at the path) or a mount point in mountinfo, with the
# source when $1 is given, as the module's is_bind_mounted reads it
mounted() {
  if [ -e "$name" ] && [ ! -L "$name" ]; then
    a=$(stat -L -c '%d %i' -- "$name" 2>/dev/null); b=$(stat -L -c '%d %i' -- "$name/.." 2>/dev/null)
    if [ -n "$a" ] && [ -n "$b" ] && { [ "${a% *}" != "${b% *}" ] || [ "$a" = "$b" ]; }; then return 0; fi
  fi
  [ -r /proc/self/mountinfo ] || return 1
  TB_DEST=$name TB_SRC=$1 TB_HASSRC=${1:+1} awk '
    { par[$1] = $2; root[$1] = $4; dst[$1] = $5; src[$1] = $(NF - 1); ids[++n] = $1 }
    END { for (i = 1; i <= n; i++) { id = ids[i]; p = par[id]; s = src[id]
        if (p != 1 && (p in dst)) { r = root[id]
          if (length(root[p]) > 1 && index(r, root[p] "/") == 1) r = substr(r, length(root[p]) + 1)
          if (dst[p] != "/") r = dst[p] r
          s = r }
        at[dst[id]] = s }
      d = ENVIRON["TB_DEST"]
      exit !((d in at) && (ENVIRON["TB_HASSRC"] != "1" || at[d] == ENVIRON["TB_SRC"])) }' /proc/self/mountinfo
}

fstab_args() { [ "$fstab" != /etc/fstab ] && [ "$state" != ephemeral ] && printf '%s\n' -T "$fstab"; return 0; }
do_mount() {
  tb_need mount
  if [ "$state" = ephemeral ]; then
    set -- mount -t "$fstype"; [ "$opts" != defaults ] && set -- "$@" -o "$opts"; set -- "$@" "$src"
  else
    set -- mount; [ "$fstab" != /etc/fstab ] && set -- "$@" -T "$fstab"
  fi
  tb_run "$@" "$name"; msg="$tb_o$tb_e"; return "$tb_rc"
}
do_umount() {
  tb_need umount
  tb_run umount "$name"; msg="$tb_o$tb_e"; return "$tb_rc"
}
do_remount() {
  tb_need mount
  o=remount; [ "$state" = remounted ] && [ "$opts" != defaults ] && o="remount,$opts"
  set -- mount -o "$o"
  if [ "$state" = ephemeral ]; then
    set -- "$@" -t "$fstype"; [ "$opts" != defaults ] && set -- "$@" -o "$opts"; set -- "$@" "$src"
  elif [ "$fstab" != /etc/fstab ]; then set -- "$@" -T "$fstab"; fi
  tb_run "$@" "$name" && { msg=''; return 0; }
  if [ "$state" = remounted ] && [ "$opts" != defaults ]; then
    tb_fail 'Options were specified with remounted, but the remount command failed. Failing in order to prevent an unexpected mount result. Try replacing this command with a "state: unmounted" followed by a "state: mounted" using the full desired mount options instead.'
  fi
  do_umount || return 1
  do_mount
}

case $state in
  absent | absent_from_fstab)
    edit unset
    tb_changed=$fstab_changed
    if [ "$state" = absent ] && [ "$tb_changed" = 1 ] && [ "$tb_check" != 1 ]; then
      if mounted; then do_umount || tb_fail "Error unmounting $name: $msg"; fi
      if [ -e "$name" ]; then
        e=$(LC_ALL=C rmdir -- "$name" 2>&1) || tb_fail "Error rmdir $name: $(tb_errno "$e" "$name")"
      fi
    fi ;;
  unmounted)
    if mounted; then
      if [ "$tb_check" != 1 ]; then do_umount || tb_fail "Error unmounting $name: $msg"; fi
      tb_changed=1
    fi ;;
  mounted | ephemeral)
    created=''
    if [ ! -e "$name" ] && [ "$tb_check" != 1 ]; then
      cur=''; rest=${name#/}; case $name in /*) lead=/ ;; *) lead='' ;; esac
      while [ -n "$rest" ]; do
        part=${rest%%/*}; case $rest in */*) rest=${rest#*/} ;; *) rest='' ;; esac
        cur="${cur:+$cur/}$part"
        if [ ! -e "$lead$cur" ]; then
          e=$(LC_ALL=C mkdir -- "$lead$cur" 2>&1) || tb_fail "Error making dir $name: $(tb_errno "$e" "$lead$cur")"
          created="$lead$cur
$created"
        fi
      done
    fi
    if [ "$state" = mounted ]; then edit set; else fstab_changed=0; old=''; fi
    tb_changed=$fstab_changed; res=0
    if mounted "$src"; then
      if [ "$tb_changed" = 1 ] && [ "$tb_check" != 1 ]; then do_remount || res=1; fi
      if [ "$state" = ephemeral ]; then
        mounted "$src" || tb_fail 'Ephemeral mount point is already mounted with a different source than the specified one. Failing in order to prevent an unwanted unmount or override operation. Try replacing this command with a "state: unmounted" followed by a "state: ephemeral", or use a different destination path.'
        tb_changed=1
        if [ "$tb_check" != 1 ]; then do_remount || res=1; fi
      fi
    else
      tb_changed=1
      if [ "$tb_check" != 1 ]; then do_mount || res=1; fi
    fi
    if [ "$res" = 1 ]; then
      [ "$state" = ephemeral ] || printf '%s' "$old" > "$fstab" 2>/dev/null
      printf '%s' "$created" | while IFS= read -r d; do [ -n "$d" ] && rmdir -- "$d" 2>/dev/null; done
      tb_fail "Error mounting $name: $msg"
    fi ;;
  present)
    edit set
    tb_changed=$fstab_changed ;;
  remounted)
    if [ "$tb_check" != 1 ]; then do_remount || tb_fail "Error remounting $name: $msg"; fi
    tb_changed=1 ;;
esac
finish
