package io.tightbeam.jobs;

import io.tightbeam.connection.ConnectionException;
import io.tightbeam.connection.ExecRequest;
import io.tightbeam.connection.ExecResult;
import io.tightbeam.module.TargetContext;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;

/**
 * Reads a job's output so far from the files its command writes beside the job file ({@code
 * JID.stdout}, {@code JID.stderr}), in one remote command: the bytes after the given offsets, and
 * whether the job still runs. The command can first wait on the host, in 0.1 s steps, until there
 * is new output or the job ends, so that following a job costs one command per cycle and a line
 * arrives about 0.1 s after the job printed it.
 */
public final class JobLogs {
  private static final SecureRandom RANDOM = new SecureRandom();

  private JobLogs() {}

  /**
   * What one read saw: the new output of each stream and the job's state: {@code running}, {@code
   * ended} (its final record is written), {@code gone} (no job file: collected, or never there) or
   * {@code lost} with the reason in {@code lost} (runner gone, host rebooted).
   */
  public record Chunk(byte[] stdout, byte[] stderr, String state, String lost) {
    public boolean running() {
      return state.equals("running");
    }
  }

  /**
   * Reads {@code jid}'s output from byte {@code stdoutFrom} of its stdout and {@code stderrFrom} of
   * its stderr; first waits up to {@code watchTenths} tenths of a second while the job runs and
   * has printed nothing new.
   */
  public static CompletableFuture<Chunk> read(TargetContext target, String asyncDir, JobId jid,
      long stdoutFrom, long stderrFrom, int watchTenths) {
    String token = "TB" + Long.toHexString(RANDOM.nextLong() & Long.MAX_VALUE)
        + Long.toHexString(RANDOM.nextLong() & Long.MAX_VALUE);
    String script = "tb_T=" + token + "\n"
        + WrapperText.STATUS
        + "tb_f=" + RemotePath.jobFile(asyncDir, jid) + "\n"
        + "tb_o=" + Math.max(0, stdoutFrom) + " tb_e=" + Math.max(0, stderrFrom)
        + " tb_w=" + Math.max(0, watchTenths) + "\n"
        + SCRIPT;
    ExecRequest request = ExecRequest.program("/bin/sh", script)
        .withTimeout(Duration.ofMillis(watchTenths * 100L).plusSeconds(30));
    return target.connection().exec(target.become().wrap(request))
        .thenApply(result -> parse(result, token, jid));
  }

  static Chunk parse(ExecResult result, String token, JobId jid) {
    byte[] out = result.stdout();
    String head = "\n" + token + " ";
    int state = indexOf(out, (token + " state ").getBytes(StandardCharsets.US_ASCII), 0);
    int so = indexOf(out, (head + "stdout\n").getBytes(StandardCharsets.US_ASCII), 0);
    int se = indexOf(out, (head + "stderr\n").getBytes(StandardCharsets.US_ASCII), Math.max(0, so));
    int end = indexOf(out, (head + "end\n").getBytes(StandardCharsets.US_ASCII), Math.max(0, se));
    if (result.exitCode() != 0 || state != 0 || so < 0 || se < 0 || end < 0) {
      throw new ConnectionException("reading the output of job " + jid + " failed (rc="
          + result.exitCode() + "): " + result.stderrText().strip());
    }
    String stateLine = new String(out, 0, so, StandardCharsets.UTF_8).substring(token.length() + 7);
    String[] words = stateLine.split(" ", 2);
    int outFrom = so + head.length() + 7;
    int errFrom = se + head.length() + 7;
    return new Chunk(Arrays.copyOfRange(out, outFrom, se), Arrays.copyOfRange(out, errFrom, end),
        words[0], words[0].equals("lost") && words.length > 1 ? JobStatus.gone(words[1].strip()) : "");
  }

  private static int indexOf(byte[] data, byte[] what, int from) {
    outer:
    for (int i = from; i <= data.length - what.length; i++) {
      for (int j = 0; j < what.length; j++) {
        if (data[i + j] != what[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  // The state line first, then each stream after a header line; a newline before every header
  // after the first frames the bytes between, whatever they hold (the token is random).
  private static final String SCRIPT =
      """
      tb_size() { tb_n=; [ -f "$1" ] && tb_n=$(wc -c < "$1" 2>/dev/null); tb_n=$((${tb_n:-0} + 0)); }
      while :; do
        tb_l=
        [ -f "$tb_f" ] && { read -r tb_l < "$tb_f"; } 2>/dev/null
        tb_size "$tb_f.stdout"; tb_so=$tb_n
        tb_size "$tb_f.stderr"; tb_se=$tb_n
        case $tb_l in '{"started": 1, "finished": 0'*) ;; *) break ;; esac
        if [ "$tb_so" -gt "$tb_o" ] || [ "$tb_se" -gt "$tb_e" ] || [ "$tb_w" -le 0 ]; then break; fi
        if sleep 0.1 2>/dev/null; then tb_w=$((tb_w - 1))
        else [ "$tb_w" -ge 10 ] || break; sleep 1; tb_w=$((tb_w - 10)); fi
      done
      tb_state=ended tb_why=
      if [ ! -f "$tb_f" ]; then tb_state=gone
      else
        tb_read "$tb_f"
        case $tb_c in
          '{"started": 1, "finished": 0'*'"tightbeam_pid": '*)
            tb_liveness
            if [ "$tb_a" = 1 ]; then tb_state=running; else tb_state=lost tb_why=$tb_a; fi ;;
          '{"started": 1, "finished": 0'*) tb_state=running ;;
        esac
      fi
      printf '%s state %s %s\\n%s stdout\\n' "$tb_T" "$tb_state" "$tb_why" "$tb_T"
      [ "$tb_so" -gt "$tb_o" ] && tail -c +$((tb_o + 1)) "$tb_f.stdout" 2>/dev/null
      printf '\\n%s stderr\\n' "$tb_T"
      [ "$tb_se" -gt "$tb_e" ] && tail -c +$((tb_e + 1)) "$tb_f.stderr" 2>/dev/null
      printf '\\n%s end\\n' "$tb_T"
      """;
}
