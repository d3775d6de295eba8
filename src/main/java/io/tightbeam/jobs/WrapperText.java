package io.tightbeam.jobs;

/**
 * The POSIX sh text of the job wrapper, kept apart from the Java that fills in its values. Every
 * value reaches these scripts as an already-quoted variable assignment or a positional argument;
 * nothing here is pasted together from user text. The text avoids bash-isms (dash, BusyBox ash).
 */
final class WrapperText {
  private WrapperText() {}

  /**
   * Launcher, first half: async dir and the job's private tmp dir made in one {@code mkdir}; only
   * when that fails are the steps redone one by one, for Ansible's launch failure message. The
   * module is written out by the shell's own printf (no process).
   */
  static final String LAUNCH_START =
      """
      tb_fail() {
        printf '{"failed": 1, "msg": %s, "changed": true}\\n' "$(printf '%s' "$1" | tb_json)"
        exit 1
      }
      umask 077
      tb_jid="j$tb_rand.$$"
      tb_boot=
      if [ -r /proc/sys/kernel/random/boot_id ]; then read -r tb_boot < /proc/sys/kernel/random/boot_id; fi
      case $tb_boot in *[!0-9a-f-]*) tb_boot= ;; esac
      tb_tmp="$tb_rt/tightbeam-async-$tb_jid"
      tb_file="$tb_dir/$tb_jid"
      if ! { mkdir -p -- "$tb_dir" "$tb_tmp" && [ -w "$tb_dir" ]; } 2> /dev/null; then
        rmdir -- "$tb_tmp" 2> /dev/null
        tb_err=$(LC_ALL=C mkdir -p -- "$tb_dir" 2>&1) || tb_fail "could not create directory: $tb_dir - $tb_err"
        tb_err=$( { : > "$tb_dir/.tb-probe.$$"; } 2>&1) || tb_fail "could not create directory: $tb_dir - $tb_err"
        rm -f "$tb_dir/.tb-probe.$$"
        tb_err=$(LC_ALL=C mkdir -p -- "$tb_rt" 2>&1) || tb_fail "could not create remote tmp directory: $tb_rt - $tb_err"
        tb_err=$(LC_ALL=C mkdir -p -- "$tb_tmp" 2>&1) || tb_fail "could not create remote tmp directory: $tb_tmp - $tb_err"
      fi
      { printf '%s' "$tb_module" > "$tb_tmp/module.sh"; } 2> /dev/null \\
        || { rm -rf "$tb_tmp"; tb_fail "could not write the job's module in $tb_tmp"; }
      """;

  /**
   * Launcher, second half: starts the supervisor, a background subshell, and waits for the launch
   * JSON without polling: the supervisor and then the runner hold the write end of a pipe (fd 3)
   * that the launcher reads to its end; the runner prints the JSON there once its started record
   * is written and closes it, and a process that dies closes it too. (The redirections are made
   * by {@code exec}: on a function call the shell would keep saved copies of the pipe open.)
   */
  static final String LAUNCH_DETACH =
      """
      trap '' HUP
      tb_x=$( (exec 3>&1 < /dev/null > /dev/null 2>&1; tb_supervise) & )
      case $tb_x in
        '{'*) printf '%s\\n' "$tb_x" ;;
        *) tb_fail "the job did not start: no record in $tb_file" ;;
      esac
      """;

  /**
   * The job's functions, defined in the launcher's shell and run in its forked subshells (no
   * process image is loaded for the supervisor, the runner or the module's shell): {@code
   * tb_supervise} enforces the time limit; {@code tb_run} runs the module and writes the records.
   */
  static final String JOB =
      """
      # tb_me: this process's pid ($$ is the launcher's in every subshell); tb_sid: its session.
      tb_self() {
        tb_me= tb_sid=
        if [ -r /proc/self/stat ]; then
          tb_st=
          { read -r tb_st < /proc/self/stat; } 2> /dev/null
          tb_me=${tb_st%% *}
          set -- ${tb_st##*') '}
          tb_sid=$4
        fi
        case $tb_me in
          ''|*[!0-9]*)
            tb_me=$(exec $tb_sh -c 'echo $PPID')
            set -- $(ps -o sid= -p "$tb_me" 2> /dev/null)
            tb_sid=$1 ;;
        esac
      }

      # Replace the job file atomically with stdin; a failed write never reaches the job file.
      tb_write() {
        tb_t="$tb_file.tmp.$tb_me"
        if cat > "$tb_t"; then mv -f "$tb_t" "$tb_file"; else rm -f "$tb_t"; return 1; fi
      }

      # Splits the module's stdout into the JSON body and the junk after it (Ansible's rules).
      tb_split() {
        LC_ALL=C awk -v bodyf="$tb_b" -v junkf="$tb_tmp/junk" '
          { line[NR] = $0 }
          END {
            a = 0
            for (i = 1; i <= NR; i++) { s = line[i]; sub(/^[ \\t\\r\\f\\v]+/, "", s); if (substr(s, 1, 1) == "{") { a = i; break } }
            if (a == 0) { print "nostart"; exit }
            b = 0
            for (i = NR; i >= a; i--) { s = line[i]; sub(/[ \\t\\r\\f\\v]+$/, "", s); if (substr(s, length(s), 1) == "}") { b = i; break } }
            if (b == 0) { print "noend"; exit }
            for (i = a; i <= b; i++) printf "%s%s", line[i], (i < b ? "\\n" : "") > bodyf
            close(bodyf)
            junk = 0
            for (i = b + 1; i <= NR; i++) { printf "%s%s", line[i], (i < NR ? "\\n" : "") > junkf; if (line[i] ~ /[^ \\t\\r\\f\\v]/) junk = 1 }
            print (junk ? "junk" : "ok")
          }' "$tb_tmp/stdout"
      }

      # Rewrites the top-level members of the JSON object in body: stderr replaced, a warning appended.
      tb_merge() {
        LC_ALL=C awk -v errf="$1" -v warnf="$2" '
          function member(from, to,   t) {
            t = substr(body, from, to - from)
            sub(/^[ \\t\\r\\n]+/, "", t); sub(/[ \\t\\r\\n]+$/, "", t)
            if (t == "") return
            n++; mtext[n] = t; mkey[n] = key; key = ""
          }
          function value(j,   v) {
            v = substr(mtext[j], length(mkey[j]) + 1); sub(/^[ \\t\\r\\n]*:[ \\t\\r\\n]*/, "", v); return v
          }
          BEGIN {
            dq = sprintf("%c", 34); bs = sprintf("%c", 92)
            if (errf != "") getline elit < errf
            if (warnf != "") getline wlit < warnf
          }
          { body = body (NR > 1 ? "\\n" : "") $0 }
          END {
            depth = 0; instr = 0; esc = 0; want = 0; n = 0; key = ""; L = length(body)
            for (i = 1; i <= L; i++) {
              c = substr(body, i, 1)
              if (instr) {
                if (esc) esc = 0
                else if (c == bs) esc = 1
                else if (c == dq) { instr = 0; if (kstart) { key = substr(body, kstart, i - kstart + 1); kstart = 0 } }
                continue
              }
              if (c == dq) { instr = 1; if (depth == 1 && want) { kstart = i; want = 0 } }
              else if (c == "{" || c == "[") { depth++; if (depth == 1) { start = i + 1; want = 1 } }
              else if (c == "}" || c == "]") { if (depth == 1) { member(start, i); break } depth-- }
              else if (c == "," && depth == 1) { member(start, i); start = i + 1; want = 1 }
            }
            out = "{"; sep = ""; hasw = 0
            for (j = 1; j <= n; j++) {
              if (elit != "" && mkey[j] == dq "stderr" dq) continue
              if (wlit != "" && mkey[j] == dq "warnings" dq) {
                v = value(j); hasw = 1
                if (substr(v, 1, 1) != "[") v = "[" v ", " wlit "]"
                else if (substr(v, 2, length(v) - 2) ~ /^[ \\t\\r\\n]*$/) v = "[" wlit "]"
                else v = substr(v, 1, length(v) - 1) ", " wlit "]"
                out = out sep mkey[j] ": " v; sep = ", "; continue
              }
              out = out sep mtext[j]; sep = ", "
            }
            if (wlit != "" && !hasw) { out = out sep dq "warnings" dq ": [" wlit "]"; sep = ", " }
            if (elit != "") out = out sep dq "stderr" dq ": " elit
            printf "%s}", out
          }' "$tb_b"
      }

      # Writes the final record of a module run whose output is in $tb_tmp. The JSON body is split
      # out beside the job file, so that when nothing is to be merged into it, it is renamed into place.
      tb_final() {
        tb_b="$tb_file.body.$tb_me"
        tb_k=
        tb_split > "$tb_tmp/kind" && read -r tb_k < "$tb_tmp/kind"
        case $tb_k in ok|junk|noend) ;; *) tb_k=nostart ;; esac
        case $tb_k in
          nostart|noend)
            if [ "$tb_k" = nostart ]; then tb_m="No start of json char found"; else tb_m="No end of json char found"; fi
            printf '{"failed": 1, "cmd": %s, "data": %s, "stderr": %s, "msg": "%s", "ansible_job_id": "%s"}' \\
              "$(printf '%s' "$tb_sh $tb_tmp/module.sh" | tb_json)" "$(tb_json < "$tb_tmp/stdout")" \\
              "$(tb_json < "$tb_tmp/stderr")" "$tb_m" "$tb_jid" | tb_write
            return ;;
        esac
        tb_ef= tb_wf=
        if [ -s "$tb_tmp/stderr" ]; then tb_ef="$tb_tmp/stderr.json"; tb_json < "$tb_tmp/stderr" > "$tb_ef"; fi
        if [ "$tb_k" = junk ]; then
          tb_wf="$tb_tmp/warning.json"
          { printf 'Module invocation had junk after the JSON data: '; cat "$tb_tmp/junk"; } | tb_json > "$tb_wf"
        fi
        if [ -z "$tb_ef$tb_wf" ]; then mv -f "$tb_b" "$tb_file" && return; rm -f "$tb_b"; return 1; fi
        tb_merge "$tb_ef" "$tb_wf" | tb_write
        tb_x=$?
        rm -f "$tb_b"
        return $tb_x
      }

      # The started record is written in place, not renamed: nobody knows the job id before the
      # runner prints the launch JSON on fd 3 and closes it, after this write.
      tb_run() {
        tb_self
        export TIGHTBEAM_JOB="$tb_jid;"
        if ! { printf '{"started": 1, "finished": 0, "ansible_job_id": "%s", "tightbeam_pid": %s, "tightbeam_supervisor_pid": %s, "tightbeam_boot_id": "%s"}' \\
          "$tb_jid" "$tb_me" "$1" "$tb_boot" > "$tb_file"; } 2> /dev/null; then
          rm -f "$tb_file"
          exit 1
        fi
        case $tb_file in
          *[\\"\\\\]*|*[![:print:]]*) tb_q=$(printf '%s' "$tb_file" | tb_json) ;;
          *) tb_q="\\"$tb_file\\"" ;;
        esac
        printf '{"failed": 0, "started": 1, "finished": 0, "ansible_job_id": "%s", "results_file": %s, "_ansible_suppress_tmpdir_delete": true}\\n' "$tb_jid" "$tb_q" >&3
        exec 3>&-
        ( set -- "$tb_tmp" "$tb_file"; . "$tb_tmp/module.sh" ) < /dev/null > "$tb_tmp/stdout" 2> "$tb_tmp/stderr"
        # a kill asked (tightbeam-jobs kill, Ctrl-C's kill): the supervisor writes the killed record;
        # a result written here by a module dying of that kill's TERM was read by a status check
        # in between under load (JobsCliIT: a killed ad hoc job recorded failed, "No start of json")
        if [ ! -f "$tb_file.kill" ]; then tb_final && : > "$tb_tmp/done"; fi
      }

      # Prints the pids of the job's processes: the runner's descendants, its process group and
      # session, every process that inherited the job's environment marker (setsid escapees), and
      # when the launcher led a session of its own, the rest of that session (double-forked
      # escapees) except the supervisor and its own helpers.
      tb_members() {
        if [ -r /proc/self/stat ]; then
          { cat /proc/[0-9]*/stat; grep -l -F "TIGHTBEAM_JOB=$tb_jid;" /proc/[0-9]*/environ; } 2>/dev/null
        else
          ps -eo pid=,stat=,ppid=,pgid=,sid= 2>/dev/null | LC_ALL=C awk '{ print $1, "(x)", $2, $3, $4, $5 }'
        fi | LC_ALL=C awk -v r="$1" -v me="$tb_me" -v s="$tb_sess" '
          /^[/]proc[/]/ { split($0, f, "/"); mark[f[3]] = 1; next }
          { p = $1; sub(/^.*[)] /, ""); all[p] = 1; st[p] = $1; pp[p] = $2; pg[p] = $3; sd[p] = $4 }
          END {
            sel[r] = 1; more = 1
            while (more) { more = 0; for (p in all) if (!(p in sel) && (pp[p] in sel)) { sel[p] = 1; more = 1 } }
            own[me] = 1; more = 1
            while (more) { more = 0; for (p in all) if (!(p in own) && !(p in sel) && (pp[p] in own)) { own[p] = 1; more = 1 } }
            for (p in all) if (pg[p] == r || sd[p] == r || (p in mark) || (s != "" && sd[p] == s && !(p in own))) sel[p] = 1
            for (p in sel) if ((p in all) && !(p in own) && substr(st[p], 1, 1) != "Z") print p
          }'
      }

      # Whether a pid is a live process (a zombie is not).
      tb_alive() {
        [ -n "$1" ] || return 1
        if [ -r "/proc/$1/stat" ]; then
          tb_st=
          read -r tb_st < "/proc/$1/stat" 2>/dev/null
          [ -n "$tb_st" ] || return 1
          tb_st=${tb_st##*') '}
          case $tb_st in Z*|X*) return 1 ;; esac
          return 0
        fi
        kill -0 "$1" 2>/dev/null
      }

      # Stops the whole job: signal $tb_sig (TERM) to every member found, a grace of $tb_grace
      # tenths of a second (3; cut short when all are gone), then KILL until nothing of it is left.
      tb_stop() {
        tb_p=$(tb_members "$1")
        [ -z "$tb_p" ] && return
        kill -"${tb_sig:-TERM}" $tb_p 2>/dev/null
        tb_i=0
        while [ $tb_i -lt "${tb_grace:-3}" ]; do
          tb_i=$((tb_i + 1))
          if ! sleep 0.1 2>/dev/null; then
            # no fractional sleep: a grace of a second or more in whole seconds, a shorter one skipped
            if [ "${tb_grace:-3}" -ge 10 ]; then sleep 1; tb_i=$((tb_i + 9)); else tb_i=${tb_grace:-3}; fi
          fi
          tb_a=
          for tb_q in $tb_p; do tb_alive $tb_q && tb_a=1 && break; done
          [ -z "$tb_a" ] && break
        done
        tb_i=0
        while tb_p=$(tb_members "$1"); [ -n "$tb_p" ]; do
          kill -KILL $tb_p 2>/dev/null
          tb_i=$((tb_i + 1))
          [ $tb_i -ge 50 ] && break
          sleep 0.05 2>/dev/null || sleep 1
        done
      }

      tb_supervise() {
        tb_self
        # The launcher's session, when it leads one (then the session holds this job alone).
        tb_sess=
        [ "$tb_sid" = "$$" ] && tb_sess=$$
        tb_expired=0 tb_killed=0
        trap 'tb_expired=1' USR1
        # tightbeam-jobs kill: its signal and grace are in the job file's .kill beside it
        trap 'tb_killed=1' USR2
        trap '' HUP
        tb_run "$tb_me" &
        tb_r=$!
        exec 3>&-
        (
          trap 'kill $tb_s 2>/dev/null; exit 0' TERM
          sleep "$tb_limit" & tb_s=$!
          wait $tb_s || exit 0
          # A supervisor SIGKILLed before the limit leaves this timer behind, and by the limit its
          # pid may be another process's: the signal goes only to the parent this was forked from.
          if [ -r /proc/self/stat ]; then
            tb_st=
            { read -r tb_st < /proc/self/stat; } 2> /dev/null
            set -- ${tb_st##*') '}
            [ "$2" = "$tb_me" ] || exit 0
          fi
          kill -USR1 $tb_me
        ) &
        tb_t=$!
        while :; do
          wait $tb_r
          [ $tb_expired = 1 ] && break
          [ $tb_killed = 1 ] && break
          kill -0 $tb_r 2>/dev/null || break
        done
        kill $tb_t 2>/dev/null
        if [ ! -f "$tb_tmp/done" ]; then
          tb_sig=TERM tb_grace=3
          if [ $tb_killed = 1 ]; then
            { read -r tb_sig tb_grace < "$tb_file.kill"; } 2>/dev/null
            case $tb_sig in ''|*[!A-Z0-9]*) tb_sig=TERM ;; esac
            case $tb_grace in ''|*[!0-9]*) tb_grace=50 ;; esac
          fi
          tb_stop $tb_r
          # killed: a record the runner wrote while its module was being stopped is not the job's
          # result (tb_stop has ended every writer by now)
          if [ $tb_killed = 1 ] || [ ! -f "$tb_tmp/done" ]; then
            if [ $tb_killed = 1 ]; then
              printf '{"failed": true, "killed": true, "msg": "killed: SIG%s to the job'"'"'s processes, then KILL after %s s", "child_pid": %s, "started": 1, "finished": 1, "ansible_job_id": "%s"}' \
                "$tb_sig" "$((tb_grace / 10)).$((tb_grace % 10))" "$tb_r" "$tb_jid" | tb_write
            elif [ $tb_expired = 1 ]; then
              printf '{"msg": "Timeout exceeded", "failed": true, "child_pid": %s, "started": 1, "finished": 1, "ansible_job_id": "%s"}' "$tb_r" "$tb_jid" | tb_write
            else
              printf '{"failed": 1, "started": 1, "finished": 1, "child_pid": %s, "msg": "%s", "ansible_job_id": "%s"}' "$tb_r" \\
                "the job's runner (pid $tb_r) is gone without writing a result: killed or crashed" "$tb_jid" | tb_write
            fi
          fi
        fi
        rm -f "$tb_file.kill"
        [ "$tb_keep" = 1 ] || rm -rf "$tb_tmp"
      }

      """;

  /** Functions of the status command: {@code tb_check} prints one job file with liveness facts. */
  static final String STATUS =
      """
      tb_boot=
      if [ -r /proc/sys/kernel/random/boot_id ]; then read -r tb_boot < /proc/sys/kernel/random/boot_id; fi
      # Whether a pid is a live process (a zombie is not).
      tb_alive() {
        [ -n "$1" ] || return 1
        if [ -r "/proc/$1/stat" ]; then
          tb_st=
          read -r tb_st < "/proc/$1/stat" 2>/dev/null
          [ -n "$tb_st" ] || return 1
          tb_st=${tb_st##*') '}
          case $tb_st in Z*|X*) return 1 ;; esac
          return 0
        fi
        kill -0 "$1" 2>/dev/null
      }
      tb_read() { tb_c=$(cat -- "$1" 2>/dev/null; echo .); tb_c=${tb_c%.}; }
      # Liveness from the started record: a live supervisor is enough (it writes the record of a
      # runner that died); a live runner without its supervisor has lost its time limit.
      tb_liveness() {
        tb_p=${tb_c#*'"tightbeam_pid": '}; tb_p=${tb_p%%[!0-9]*}
        tb_s=; case $tb_c in *'"tightbeam_supervisor_pid": '*) tb_s=${tb_c#*'"tightbeam_supervisor_pid": '}; tb_s=${tb_s%%[!0-9]*} ;; esac
        tb_b=; case $tb_c in *'"tightbeam_boot_id": "'*) tb_b=${tb_c#*'"tightbeam_boot_id": "'}; tb_b=${tb_b%%'"'*} ;; esac
        if [ -n "$tb_b" ] && [ -n "$tb_boot" ] && [ "$tb_b" != "$tb_boot" ]; then tb_a=boot
        elif [ -z "$tb_s" ]; then
          if tb_alive "$tb_p"; then tb_a=1; else tb_a=runner:$tb_p; fi
        elif tb_alive "$tb_s"; then tb_a=1
        elif tb_alive "$tb_p"; then tb_a=supervisor:$tb_s
        else tb_a=runner:$tb_p; fi
      }
      # Whether a process still carries the job's environment marker (only the unparseable case needs it).
      tb_marker() {
        tb_a=none
        # -q: a match is exit 0 even when some environ files could not be read (grep -l says 2 then)
        grep -q -F "TIGHTBEAM_JOB=$1;" /proc/[0-9]*/environ 2>/dev/null && tb_a=marker
      }
      # Stops what is left of a job reported gone (its runner or supervisor killed from outside):
      # every process still carrying the job's marker, so nothing runs on unlimited and unseen.
      tb_reap() {
        tb_k=$(grep -l -F "TIGHTBEAM_JOB=$1;" /proc/[0-9]*/environ 2>/dev/null | LC_ALL=C awk -F/ -v me=$$ '$3 != me { printf "%s ", $3 }')
        [ -n "$tb_k" ] && kill -KILL $tb_k 2>/dev/null
        return 0
      }
      # tb_watch <tenths> <job file>...: waits up to tenths/10 s while any of the jobs still runs.
      tb_watch() {
        tb_w=$1; shift
        while [ "$tb_w" -gt 0 ]; do
          tb_run=0
          for tb_f in "$@"; do
            tb_l=
            [ -f "$tb_f" ] && { read -r tb_l < "$tb_f"; } 2>/dev/null
            case $tb_l in '{"started": 1, "finished": 0'*) tb_run=1; break ;; esac
          done
          [ "$tb_run" = 1 ] || return 0
          if sleep 0.1 2>/dev/null; then tb_w=$((tb_w - 1))
          else [ "$tb_w" -ge 10 ] || return 0; sleep 1; tb_w=$((tb_w - 10)); fi
        done
      }
      # Removes the job file $tb_f and the job's output files beside it (tightbeam-jobs logs) in one rm.
      tb_unlink() { rm -f -- "$tb_f" "$tb_f.stdout" "$tb_f.stderr" "$tb_f.seen" && tb_rm=1; }
      # collect: the job file leaves its path as poll's removal does, but is kept as $tb_f.seen until
      # the controller has recorded its result (then a later command removes it): a controller
      # killed in between loses nothing, the next status check reads the .seen file.
      tb_keep() {
        case $tb_f in *.seen) tb_rm=1; return ;; esac
        mv -f -- "$tb_f" "$tb_f.seen" || return
        tb_rm=1
        if [ -e "$tb_f.stdout" ] || [ -e "$tb_f.stderr" ]; then rm -f -- "$tb_f.stdout" "$tb_f.stderr"; fi
      }
      # tb_check <index> <status|poll|collect|cleanup> <job file> <jid>: one job's header, path and content.
      tb_check() {
        tb_f=$3 tb_a=- tb_rm=0 tb_c=
        # a result a poll took and the controller has not recorded yet
        [ ! -f "$tb_f" ] && [ "$2" != cleanup ] && [ -f "$tb_f.seen" ] && tb_f=$tb_f.seen
        if [ ! -f "$tb_f" ]; then
          # removed while the job runs: its processes still carry the marker, and its end will
          # write the file anew
          [ "$2" = cleanup ] || tb_marker "$4"
          printf '%s %s 0 %s 0\\n%s\\n\\n' "$tb_T" "$1" "$tb_a" "$tb_f"; return
        fi
        if [ "$2" = cleanup ]; then
          tb_unlink
          printf '%s %s 1 - %s\\n%s\\n\\n' "$tb_T" "$1" "$tb_rm" "$tb_f"; return
        fi
        tb_read "$tb_f"
        case $tb_c in
          '{"started": 1, "finished": 0'*'"tightbeam_pid": '*)
            tb_liveness
            if [ "$tb_a" != 1 ]; then
              tb_o=$tb_c; tb_read "$tb_f"; [ "$tb_c" != "$tb_o" ] && tb_a=-
            fi
            case $tb_a in runner:*|supervisor:*) tb_reap "$4" ;; esac ;;
          '{'*) [ "$2" = status ] && tb_marker "$4" ;;
          *) tb_marker "$4" ;;
        esac
        case $2 in
          poll|collect)
            tb_g=tb_unlink; [ "$2" = collect ] && tb_g=tb_keep
            case $tb_c in
              '{"started": 1, "finished": 0'*) case $tb_a in 1|-) ;; *) $tb_g ;; esac ;;
              '{'*) $tb_g ;;
              *) [ "$tb_a" = marker ] || $tb_g ;;
            esac ;;
        esac
        printf '%s %s 1 %s %s\\n%s\\n%s\\n' "$tb_T" "$1" "$tb_a" "$tb_rm" "$3" "$tb_c"
      }
      """;
}
