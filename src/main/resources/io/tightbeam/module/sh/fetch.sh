# shellcheck shell=sh disable=SC2154,SC2034
# fetch, the target's side: whether src is there and its sha1; the controller then reads it with cat.
if [ -d "$src" ]; then tb_ks state directory
elif [ ! -e "$src" ]; then tb_ks state absent
elif [ ! -r "$src" ]; then tb_ks state unreadable
else
  tb_ks state file
  c=$(tb_sum sha1 "$src") && tb_ks checksum "$c"
fi
tb_emit
