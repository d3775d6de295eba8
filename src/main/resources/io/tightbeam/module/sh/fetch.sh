# shellcheck shell=sh disable=SC2154,SC2034
# fetch, the target's side: whether src is there and its sha1; the controller then reads it with cat.
# A path under a directory the user cannot search is "denied", told from a missing one by dd's errno
# text under the C locale, as Ansible's slurp tells EACCES from ENOENT.
if [ -d "$src" ]; then tb_ks state directory
elif [ ! -e "$src" ]; then
  case $(LC_ALL=C dd if="$src" of=/dev/null count=0 2>&1) in
    *"Permission denied"*) tb_ks state denied ;;
    *) tb_ks state absent ;;
  esac
elif [ ! -r "$src" ]; then tb_ks state unreadable
else
  tb_ks state file
  c=$(tb_sum sha1 "$src") && tb_ks checksum "$c"
fi
tb_emit
