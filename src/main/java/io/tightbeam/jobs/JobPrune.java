package io.tightbeam.jobs;

import io.tightbeam.connection.ConnectionException;
import io.tightbeam.connection.ExecRequest;
import io.tightbeam.module.TargetContext;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Removes the files of ended jobs from one host in one remote command: each job file with its
 * output files beside it, unless the job still runs there (its started record names a live
 * supervisor or runner). Completes with the ids whose files are gone now (removed, or never there).
 */
public final class JobPrune {
  private static final SecureRandom RANDOM = new SecureRandom();

  private JobPrune() {}

  /** Prunes {@code jids} under {@code asyncDir}; the ids of jobs still running are left out of the answer. */
  public static CompletableFuture<Set<String>> prune(TargetContext target, String asyncDir, List<JobId> jids) {
    String token = "TB" + Long.toHexString(RANDOM.nextLong() & Long.MAX_VALUE);
    StringBuilder s = new StringBuilder("tb_T=").append(token).append('\n').append(WrapperText.STATUS)
        .append(SCRIPT);
    for (JobId jid : jids) {
      s.append("tb_prune ").append(RemotePath.jobFile(asyncDir, jid)).append(' ').append(jid.value()).append('\n');
    }
    s.append("printf '%s end\\n' \"$tb_T\"\n");
    ExecRequest request = ExecRequest.program("/bin/sh", s.toString()).withTimeout(Duration.ofSeconds(60));
    return target.connection().exec(target.become().wrap(request)).thenApply(result -> {
      String out = result.stdoutText();
      if (result.exitCode() != 0 || !out.contains(token + " end\n")) {
        throw new ConnectionException("pruning job files failed (rc=" + result.exitCode() + "): "
            + result.stderrText().strip());
      }
      Set<String> gone = new HashSet<>();
      for (String line : out.split("\n")) {
        String[] w = line.split(" ");
        if (w.length == 3 && w[0].equals(token) && w[2].equals("gone")) {
          gone.add(w[1]);
        }
      }
      return gone;
    });
  }

  private static final String SCRIPT =
      """
      # tb_prune <job file> <jid>: removes a job's files unless the job still runs.
      tb_prune() {
        tb_f=$1 tb_c=
        if [ -f "$tb_f" ]; then
          tb_read "$tb_f"
          case $tb_c in
            '{"started": 1, "finished": 0'*'"tightbeam_pid": '*)
              tb_liveness
              if [ "$tb_a" = 1 ]; then printf '%s %s running\\n' "$tb_T" "$2"; return; fi ;;
            '{"started": 1, "finished": 0'*)
              printf '%s %s running\\n' "$tb_T" "$2"; return ;;
          esac
        fi
        if rm -f -- "$tb_f" "$tb_f.stdout" "$tb_f.stderr" "$tb_f.kill" "$tb_f.seen"; then
          printf '%s %s gone\\n' "$tb_T" "$2"
        else
          printf '%s %s kept\\n' "$tb_T" "$2"
        fi
      }
      """;
}
