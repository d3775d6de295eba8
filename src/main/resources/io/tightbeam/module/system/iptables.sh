# shellcheck shell=sh
# Ansible's iptables: the rule is built in Ansible's order of options, `-C` tells whether it is
# there, then `-A`/`-I` or `-D`; policy compares `-L`'s "(policy X)" and sets `-P`; flush is `-F`.
if [ "$ip_version" = ipv6 ]; then bin=ip6tables; icmp=--icmpv6-type; else bin=iptables; icmp=--icmp-type; fi
command -v "$bin" >/dev/null 2>&1 || tb_fail "Failed to find required executable \"$bin\" in paths: $PATH"
rule=''
# word W: one more word of the rule (words are single: Ansible's rule is split on spaces too)
word() { rule="$rule $1"; }
# param VALUE FLAG: FLAG VALUE, or ! FLAG VALUE for a value starting with !
param() {
  [ -n "$1" ] || return 0
  case "$1" in '!'*) word '!'; word "$2"; word "${1#!}" ;; *) word "$2"; word "$1" ;; esac
}
match() { [ -n "$1" ] && { word -m; word "$2"; }; return 0; }
csv() { [ -n "$1" ] && { word "$2"; word "$(printf '%s' "$1" | paste -sd, -)"; }; return 0; }
has_match() { printf '%s\n' "$match" | grep -qx "$1"; }
param "$protocol" -p
param "$source" -s
param "$destination" -d
while IFS= read -r m; do [ -n "$m" ] && { word -m; word "$m"; }; done <<EOF
$match
EOF
if [ -n "$tcp_flags_flags" ]; then word --tcp-flags; word "$tcp_flags_flags"; word "$tcp_flags_check"; fi
param "$jump" -j
case "$jump" in [Tt][Ee][Ee]) param "$gateway" --gateway ;; esac
param "$log_prefix" --log-prefix
param "$log_level" --log-level
param "$to_destination" --to-destination
match "$destination_ports" multiport
csv "$destination_ports" --dports
param "$to_source" --to-source
param "$goto" -g
param "$in_interface" -i
param "$out_interface" -o
param "$fragment" -f
param "$set_counters" -c
param "$source_port" --source-port
param "$destination_port" --destination-port
param "$to_ports" --to-ports
param "$set_dscp_mark" --set-dscp
param "$set_dscp_mark_class" --set-dscp-class
case "$syn" in match) word --syn ;; negate) word '!'; word --syn ;; esac
if has_match conntrack; then csv "$ctstate" --ctstate
elif has_match state; then csv "$ctstate" --state
elif [ -n "$ctstate" ]; then match 1 conntrack; csv "$ctstate" --ctstate; fi
if has_match iprange; then param "$src_range" --src-range; param "$dst_range" --dst-range
elif [ -n "$src_range$dst_range" ]; then match 1 iprange; param "$src_range" --src-range; param "$dst_range" --dst-range; fi
match "$limit$limit_burst" limit
param "$limit" --limit
param "$limit_burst" --limit-burst
match "$uid_owner" owner
param "$uid_owner" --uid-owner
match "$gid_owner" owner
param "$gid_owner" --gid-owner
[ -z "$jump" ] && [ -n "$reject_with" ] && { word -j; word REJECT; }
param "$reject_with" --reject-with
param "$icmp_type" "$icmp"
if [ -n "$match_set" ]; then match 1 set; word --match-set; word "$match_set"; word "$match_set_flags"; fi
match "$comment" comment
param "$comment" --comment
rule=${rule# }
# shellcheck disable=SC2086 # the rule is words, as Ansible splits it
ipt() { tb_run "$bin" ${wait:+-w "$wait"} -t "$table" "$@"; }

tb_run "$bin" --version
if [ "$flush" = 1 ]; then
  tb_changed=1
  if [ "$tb_check" != 1 ]; then
    # shellcheck disable=SC2086
    ipt -F $chain || tb_fail "$tb_e"
  fi
elif [ -n "$policy" ]; then
  ipt -L "$chain" || tb_fail "$tb_e"
  current=$(printf '%s\n' "$tb_o" | sed -n 's/^Chain [^ ]* (policy \([A-Z]*\).*/\1/p' | head -n 1)
  if [ "$current" != "$policy" ]; then
    tb_changed=1
    if [ "$tb_check" != 1 ]; then ipt -P "$chain" "$policy" || tb_fail "$tb_e"; fi
  fi
else
  [ -n "$chain" ] || tb_fail "missing required arguments: chain"
  # shellcheck disable=SC2086
  if ipt -C "$chain" $rule; then present=1; else present=0; fi
  if [ "$state" = present ] && [ "$present" = 0 ]; then
    tb_changed=1
    if [ "$tb_check" != 1 ]; then
      # shellcheck disable=SC2086
      if [ "$action" = insert ]; then ipt -I "$chain" $rule_num $rule || tb_fail "$tb_e"
      else ipt -A "$chain" $rule || tb_fail "$tb_e"; fi
    fi
  elif [ "$state" = absent ] && [ "$present" = 1 ]; then
    tb_changed=1
    if [ "$tb_check" != 1 ]; then
      # shellcheck disable=SC2086
      ipt -D "$chain" $rule || tb_fail "$tb_e"
    fi
  fi
fi
tb_ks chain "$chain"; tb_kb chain_management "$chain_management"; tb_kb changed "$tb_changed"; tb_kb flush "$flush"
tb_ks ip_version "$ip_version"; tb_ks rule "$rule"; tb_ks state "$state"; tb_ks table "$table"
tb_emit
