package io.tightbeam.output;

import static io.tightbeam.output.Console.map;
import static org.assertj.core.api.Assertions.assertThat;

import io.tightbeam.executor.HostOutcome;
import io.tightbeam.executor.HostStats;
import io.tightbeam.executor.RunListener;
import io.tightbeam.executor.TaskHeader;
import io.tightbeam.yaml.Pos;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * At -vvv: task paths, indented JSON with the top-level invocation, retry results and full
 * tracebacks, as ansible-core 2.14.18 printed them (its connection lines left out).
 */
class VerboseTest {
  private static TaskHeader task(String name, String action, int line) {
    return new TaskHeader(name, action, false, new Pos("/tmp/oracle/pb_v3.yml", line, 7));
  }

  @Test
  void tripleVerboseMatchesAnsible() {
    Console c = new Console();
    RunListener l = c.callback("default", 3, false);
    l.playStart("h1");
    TaskHeader retry = task("retry", "fail", 4);
    l.taskStart(retry);
    l.retrying(retry, "h1", 1, map("attempts", 1, "changed", false, "failed", true, "msg", "again",
        "retries", 2, "_ansible_no_log", false));
    l.taskOutcome(retry, new HostOutcome.Failed("h1", map("attempts", 1, "changed", false,
        "failed", true, "msg", "again"), null, false, true));
    TaskHeader exc = task("exception", "boom", 11);
    l.taskStart(exc);
    l.taskOutcome(exc, new HostOutcome.Failed("h1", map("failed", true, "msg", "it broke",
        "exception", "Traceback (most recent call last):\n  File \"x.py\", line 1, in <module>\n"
            + "ValueError: bad value\n", "changed", false), null, false, true));
    TaskHeader ping = task("ping it", "ping", 14);
    l.taskStart(ping);
    l.taskOutcome(ping, new HostOutcome.Ok("h1", map("ping", "pong", "changed", false,
        "invocation", map("module_args", map("data", "pong"))), null, false));
    TaskHeader debug = task("debug", "debug", 16);
    l.taskStart(debug);
    l.taskOutcome(debug, new HostOutcome.Ok("h1", map("msg", "hi", "changed", false), null, false));
    TreeMap<String, HostStats> stats = new TreeMap<>();
    stats.put("h1", new HostStats(4, 0, 0, 0, 0, 0, 2));
    l.recap(stats);
    assertThat(c.stdout()).isEqualTo(Console.golden("default/vvv.txt"));
  }

  @Test
  void diffAndInvocationStayHiddenBelowTripleVerbose() {
    Console c = new Console();
    RunListener l = c.callback("default", 2, false);
    TaskHeader t = task("copy", "copy", 3);
    l.taskStart(t);
    int from = c.stdout().length();
    l.taskOutcome(t, new HostOutcome.Ok("h1", map("changed", true, "diff", map("before", "a"),
        "invocation", map("module_args", map()), "dest", "/x"), null, false));
    assertThat(c.stdout().substring(from)).isEqualTo("changed: [h1] => {\"changed\": true, \"dest\": \"/x\"}\n");
  }

  @Test
  void ignoredUnreachableSaysIgnoringAsAnsibleDoes() {
    Console c = new Console();
    RunListener l = c.callback("default", 0, false);
    TaskHeader ping = task("ping", "ping", 4);
    l.taskStart(ping);
    int from = c.stdout().length();
    l.taskOutcome(ping, new HostOutcome.Unreachable("bad", map("changed", false,
        "msg", "Failed to connect to the host via ssh: ssh: connect to host 127.0.0.1 port 1:"
            + " Connection refused", "unreachable", true), null, false, true));
    assertThat(c.stdout().substring(from)).isEqualTo("fatal: [bad]: UNREACHABLE! => {\"changed\": false, \"msg\":"
        + " \"Failed to connect to the host via ssh: ssh: connect to host 127.0.0.1 port 1: Connection"
        + " refused\", \"unreachable\": true}\n...ignoring\n");
  }
}
