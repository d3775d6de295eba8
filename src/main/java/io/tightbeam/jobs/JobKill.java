package io.tightbeam.jobs;

import io.tightbeam.connection.ExecRequest;
import io.tightbeam.connection.Sh;
import io.tightbeam.module.TargetContext;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Stops a running job's whole process tree on its host, in one remote command: the job's
 * supervisor is asked (SIGUSR2, the signal and grace in a {@code .kill} file beside the job file)
 * to do what it does at the time limit: the signal to every process of the job, KILL after the
 * grace until nothing is left, then the job file finished as killed ({@code "killed": true},
 * failed; Ansible's async_status reads it). Completes with the job file's final content as a
 * result map: the killed record, or the job's own result when it ended first.
 */
public final class JobKill {
  /** Signals a user may choose for the first round (KILL always follows the grace). */
  public static final Set<String> SIGNALS = Set.of("TERM", "INT", "HUP", "QUIT", "KILL", "USR1", "USR2");

  private static final String MARK = "tightbeam-kill";

  private JobKill() {}

  /** Kills {@code jid} under {@code asyncDir} with {@code signal}, then KILL after {@code grace}. */
  public static CompletableFuture<Map<String, Object>> kill(
      TargetContext target, String asyncDir, JobId jid, String signal, Duration grace) {
    String sig = signal.toUpperCase(java.util.Locale.ROOT).replaceFirst("^SIG", "");
    if (!SIGNALS.contains(sig)) {
      throw new IllegalArgumentException("unsupported signal '" + signal + "': use one of " + new java.util.TreeSet<>(SIGNALS));
    }
    long tenths = Math.max(0, Math.min(36_000, grace.toMillis() / 100));
    String script = WrapperText.STATUS
        + "tb_f=" + RemotePath.jobFile(asyncDir, jid) + "\n"
        + "tb_jid=" + Sh.quote(jid.value()) + "\n"
        + "tb_sig=" + sig + "\n"
        + "tb_grace=" + tenths + "\n"
        + SCRIPT;
    ExecRequest request = ExecRequest.program("/bin/sh", script)
        .withTimeout(Duration.ofMillis(tenths * 100).plusSeconds(30));
    return target.connection().exec(target.become().wrap(request))
        .thenApply(result -> result(jid, result.stdoutText()));
  }

  static Map<String, Object> result(JobId jid, String stdout) {
    int at = stdout.indexOf(MARK + "\n");
    String content = at < 0 ? "missing" : stdout.substring(at + MARK.length() + 1);
    Map<String, Object> parsed = JobStatus.parse(content);
    Map<String, Object> r = new LinkedHashMap<>();
    if (parsed == null) {
      r.put("failed", true);
      r.put("msg", content.equals("missing") ? "could not find job" : "the job file holds no valid JSON result");
    } else {
      parsed.keySet().removeIf(k -> k.startsWith("tightbeam_"));
      r.putAll(parsed);
    }
    r.put("ansible_job_id", jid.value());
    return r;
  }

  private static final String SCRIPT =
      """
      tb_l=
      [ -f "$tb_f" ] && { read -r tb_l < "$tb_f"; } 2>/dev/null
      case $tb_l in
        '{"started": 1, "finished": 0'*'"tightbeam_supervisor_pid": '*)
          tb_s=${tb_l#*'"tightbeam_supervisor_pid": '}; tb_s=${tb_s%%[!0-9]*}
          tb_b=; case $tb_l in *'"tightbeam_boot_id": "'*) tb_b=${tb_l#*'"tightbeam_boot_id": "'}; tb_b=${tb_b%%'"'*} ;; esac
          tb_sent=
          # a supervisor pid from before a reboot may name another process now
          if [ -z "$tb_b" ] || [ -z "$tb_boot" ] || [ "$tb_b" = "$tb_boot" ]; then
            if tb_alive "$tb_s"; then
              printf '%s %s\\n' "$tb_sig" "$tb_grace" > "$tb_f.kill" && kill -USR2 "$tb_s" 2>/dev/null && tb_sent=1
            fi
          fi
          if [ -n "$tb_sent" ]; then
            # until the supervisor has written the last record and gone (a record the runner
            # writes while it is being stopped is not the last): the grace, then up to 10 s more
            tb_w=$((tb_grace + 100))
            while [ $tb_w -gt 0 ] && tb_alive "$tb_s"; do
              sleep 0.1 2>/dev/null || { sleep 1; tb_w=$((tb_w - 9)); }
              tb_w=$((tb_w - 1))
            done
          else
            rm -f "$tb_f.kill"
            # no supervisor to do it: KILL what carries the job's marker, and write the record
            tb_reap "$tb_jid"
            printf '{"failed": true, "killed": true, "msg": "killed: the job'"'"'s supervisor was gone; SIGKILL to what was left of it", "started": 1, "finished": 1, "ansible_job_id": "%s"}' "$tb_jid" > "$tb_f.tmp.$$" \\
              && mv -f "$tb_f.tmp.$$" "$tb_f"
          fi ;;
      esac
      printf 'tightbeam-kill\\n'
      # a run still polling the job may have taken the killed record aside (collect) meanwhile
      cat -- "$tb_f" 2>/dev/null || cat -- "$tb_f.seen" 2>/dev/null || printf 'missing'
      """;
}
