# shellcheck shell=sh
# Ansible's debconf: debconf-show gives the package's answers, debconf-set-selections sets one.
tb_need debconf-show
# the answers as JSON members: "question":"value", in debconf-show's order
tb_run debconf-show "$name" || tb_fail "$tb_e"
answers=$tb_o
members() {
  printf '%s\n' "$answers" | awk "$tb_awk_json"'
    BEGIN { jinit() }
    index($0, ":") { k = substr($0, 1, index($0, ":") - 1); v = substr($0, index($0, ":") + 1)
      gsub(/^[ \t*]+|[ \t*]+$/, "", k); gsub(/^[ \t]+|[ \t]+$/, "", v)
      if (!(k in seen)) order[++n] = k; seen[k] = 1; val[k] = v }
    END { for (i = 1; i <= n; i++) if (order[i] != skip) printf "%s%s:%s", (c++ ? "," : ""), jstr(order[i]), jstr(val[order[i]])
      if (add != "") printf "%s%s:%s", (c++ ? "," : ""), jstr(add), jstr(addv) }' skip="$1" add="$2" addv="$3"
}
existing=$(printf '%s\n' "$answers" | awk -v q="$question" '
  index($0, ":") { k = substr($0, 1, index($0, ":") - 1); gsub(/^[ \t*]+|[ \t*]+$/, "", k)
    if (k == q) { v = substr($0, index($0, ":") + 1); gsub(/^[ \t]+|[ \t]+$/, "", v); print "=" v } }' | tail -n 1)
changed=0
if [ -n "$question" ]; then
  if [ -z "$existing" ]; then changed=1
  else
    have=${existing#=}; want=$value
    if [ "$vtype" = boolean ]; then
      have=$(printf '%s' "$have" | tr '[:upper:]' '[:lower:]'); want=$(printf '%s' "$want" | tr '[:upper:]' '[:lower:]')
      value=$want
    fi
    [ "$have" = "$want" ] || changed=1
  fi
fi
if [ "$changed" = 0 ]; then
  tb_kv current "{$(members)}"; tb_ks msg ""; tb_kb changed 0; tb_emit; exit 0
fi
msg=''
if [ "$tb_check" != 1 ]; then
  set_value=$value
  if [ "$vtype" = boolean ]; then
    case "$set_value" in True) set_value=true ;; False) set_value=false ;; esac
  fi
  u=''; [ "$unseen" = 1 ] && u=-u
  tb_need debconf-set-selections
  data=$(mktemp) || tb_fail "mktemp failed"
  printf '%s %s %s %s' "$name" "$question" "$vtype" "$set_value" > "$data"
  # shellcheck disable=SC2086 # u is one option or none
  tb_run debconf-set-selections $u "$data"; rm -f -- "$data"
  [ "$tb_rc" = 0 ] || tb_fail "$tb_e"
  msg=$tb_o
fi
current="{$(printf '%s' "$question" | tb_json):$(printf '%s' "$value" | tb_json)}"
# Ansible's previous: that answer alone when there was one, else every answer plus this one empty
if [ -n "$existing" ]; then previous="{$(printf '%s' "$question" | tb_json):$(printf '%s' "${existing#=}" | tb_json)}"
else previous="{$(members "$question" "$question" "")}"; fi
tb_kv current "$current"; tb_kv previous "$previous"; tb_ks msg "$msg"
if [ "$tb_diff" = 1 ]; then
  if [ -n "$existing" ]; then after=$current; else after="{$(members "$question" "$question" "$value")}"; fi
  tb_kv diff "{\"before\":$previous,\"after\":$after}"
else
  tb_kv diff '{}'
fi
tb_kb changed 1; tb_emit
