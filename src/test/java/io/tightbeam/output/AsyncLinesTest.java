package io.tightbeam.output;

import static io.tightbeam.output.Console.map;
import static org.assertj.core.api.Assertions.assertThat;

import io.tightbeam.executor.HostOutcome;
import io.tightbeam.executor.HostStats;
import io.tightbeam.executor.RunListener;
import io.tightbeam.executor.TaskHeader;
import io.tightbeam.yaml.Pos;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** ASYNC POLL/OK/FAILED sequences as spec sections 7.1, 10.3 and 10.11 show them. */
class AsyncLinesTest {
  private static final String H = "localhost";

  private static TaskHeader task(String name, String action) {
    return new TaskHeader(name, action, false, new Pos("pb1.yml", 3, 7));
  }

  private static Map<String, Object> running(String jid) {
    return map("ansible_job_id", jid, "finished", 0, "started", 1,
        "results_file", "/root/.ansible_async/" + jid);
  }

  static void play(RunListener l) {
    l.playStart("localhost");

    TaskHeader ok = task("poll ok", "command");
    l.taskStart(ok);
    l.asyncPoll(ok, H, running("j345864988280.9401"));
    l.asyncPoll(ok, H, running("j345864988280.9401"));
    Map<String, Object> okResult = map("ansible_job_id", "j345864988280.9401", "changed", true,
        "finished", 1, "rc", 0, "failed", false);
    l.asyncOutcome(ok, H, okResult, false);
    l.taskOutcome(ok, new HostOutcome.Ok(H, okResult, null, false));

    TaskHeader failed = task("poll failed", "shell");
    l.taskStart(failed);
    String jid = "j690084921782.9814";
    l.asyncPoll(failed, H, running(jid));
    Map<String, Object> bad = map("ansible_job_id", jid, "changed", true,
        "cmd", "sleep 3; exit 3", "delta", "0:00:03.009770", "end", "...", "failed", true,
        "finished", 1, "msg", "non-zero return code", "rc", 3,
        "results_file", "/root/.ansible_async/" + jid, "start", "...", "started", 1,
        "stderr", "", "stderr_lines", List.of(), "stdout", "", "stdout_lines", List.of(),
        "invocation", map("module_args", map("_raw_params", "sleep 3; exit 3")),
        "_ansible_no_log", false);
    l.asyncOutcome(failed, H, bad, true);
    l.taskOutcome(failed, new HostOutcome.Failed(H, bad, null, false, true));

    TaskHeader fire = task("fire and forget", "command");
    l.taskStart(fire);
    l.taskOutcome(fire, new HostOutcome.Ok(H, map("ansible_job_id", "j59089274669.9964",
        "changed", true, "failed", 0, "finished", 0, "started", 1), null, false));

    TaskHeader wait = task("wait", "async_status");
    l.taskStart(wait);
    for (int left = 10; left >= 8; left--) {
      l.retrying(wait, H, left, map("finished", 0, "attempts", 11 - left, "retries", 11));
    }
    l.taskOutcome(wait, new HostOutcome.Ok(H, map("changed", true, "finished", 1, "attempts", 4),
        null, false));

    TaskHeader cleanup = task("cleanup", "async_status");
    l.taskStart(cleanup);
    l.taskOutcome(cleanup, new HostOutcome.Ok(H, map("changed", false, "erased", "x"), null,
        false));

    TaskHeader timeout = task("controller timeout", "command");
    l.taskStart(timeout);
    String tj = "j46440298216.11124";
    Map<String, Object> asyncResult = map("ansible_job_id", tj, "finished", 0,
        "invocation", map("module_args", map("_async_dir", "/root/.ansible_async", "jid", tj,
            "mode", "status")),
        "results_file", "/root/.ansible_async/" + tj, "started", 1, "stderr", "",
        "stderr_lines", List.of(), "stdout", "", "stdout_lines", List.of());
    Map<String, Object> timedOut = map("msg",
        "async task did not complete within the requested time - 4s", "failed", true,
        "changed", false, "async_result", asyncResult,
        "invocation", map("module_args", map("_raw_params", "sleep 30")));
    l.asyncOutcome(timeout, H, timedOut, true);
    l.taskOutcome(timeout, new HostOutcome.Failed(H, timedOut, null, false, true));

    TaskHeader secret = task("no_log poll", "command");
    l.taskStart(secret);
    l.asyncPoll(secret, H, running("j149113815328.19545"));
    Map<String, Object> censored = map("censored", ShownResult.CENSORED, "changed", true);
    l.asyncOutcome(secret, H, censored, false);
    l.taskOutcome(secret, new HostOutcome.Ok(H, censored, null, false));

    TreeMap<String, HostStats> stats = new TreeMap<>();
    stats.put(H, new HostStats(10, 4, 0, 0, 0, 0, 1));
    l.recap(stats);
  }

  @Test
  void pollFailureTimeoutAndNoLogSequencesMatchTheSpec() {
    Console c = new Console();
    play(c.callback("default", 0, false));
    assertThat(c.stdout()).isEqualTo(Console.golden("default/async.txt"));
  }

  @Test
  void asyncLinesAreDarkGreyWhenColoured() {
    Console c = new Console();
    RunListener l = c.callback("default", 0, true);
    TaskHeader t = task("t", "command");
    l.asyncPoll(t, H, running("j1.2"));
    l.asyncOutcome(t, H, map("ansible_job_id", "j1.2"), false);
    assertThat(c.stdout()).isEqualTo(
        "\033[1;30mASYNC POLL on localhost: jid=j1.2 started=1 finished=0\033[0m\n"
            + "\033[1;30mASYNC OK on localhost: jid=j1.2\033[0m\n");
  }

  @Test
  void adHocCallbacksKeepAsyncProgressOffStdout() {
    for (String name : List.of("minimal", "oneline")) {
      Console quiet = new Console();
      RunListener l = quiet.callback(name, 0, false);
      l.asyncPoll(task("t", "command"), H, running("j1.2"));
      assertThat(quiet.stdout() + quiet.stderr()).isEmpty();

      Console verbose = new Console();
      RunListener v = verbose.callback(name, 1, false);
      v.asyncPoll(task("t", "command"), H, running("j1.2"));
      v.asyncOutcome(task("t", "command"), H, map("ansible_job_id", "j1.2"), true);
      assertThat(verbose.stdout()).isEmpty();
      assertThat(verbose.stderr()).isEqualTo(
          "ASYNC POLL on localhost: jid=j1.2 started=1 finished=0\n"
              + "ASYNC FAILED on localhost: jid=j1.2\n");
    }
  }
}
