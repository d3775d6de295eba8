package io.tightbeam.output;

import static io.tightbeam.output.Console.map;
import static org.assertj.core.api.Assertions.assertThat;

import io.tightbeam.executor.HostOutcome;
import io.tightbeam.executor.HostStats;
import io.tightbeam.executor.RunListener;
import io.tightbeam.executor.TaskHeader;
import io.tightbeam.yaml.Pos;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Retries, warnings, a module failure, async with no_log, a no_log loop, includes, dict items and
 * a handler; golden output recorded from ansible-core 2.14.18 running the same playbook.
 */
class MorePlayTest {
  private static final String CENSORED = ShownResult.CENSORED;

  private static TaskHeader task(String name, String action) {
    return new TaskHeader(name, action, false, new Pos("pb_more.yml", 1, 7));
  }

  static void play(RunListener l) {
    l.warning("Could not match supplied host pattern, ignoring: nosuchgroup");
    l.playStart("nothing");
    l.noHostsMatched();
    l.playStart("more");

    TaskHeader retry = task("retry", "fail");
    l.taskStart(retry);
    l.retrying(retry, "h1", 2, map("failed", true, "msg", "again", "attempts", 1, "retries", 3));
    l.retrying(retry, "h1", 1, map("failed", true, "msg", "again", "attempts", 2, "retries", 3));
    l.taskOutcome(retry, new HostOutcome.Failed("h1",
        map("attempts", 2, "changed", false, "failed", true, "msg", "again"), null, false, true));

    TaskHeader warns = task("warns", "warner");
    l.taskStart(warns);
    l.taskOutcome(warns, new HostOutcome.Ok("h1", map("changed", false, "warnings", List.of(
        "Module invocation had junk after the JSON data: trailing junk after module output",
        "a second warning that is quite long so that it wraps around the eighty column limit of"
            + " the display, twice over, yes-it-does-hyphenate-sometimes")), null, false));

    TaskHeader exc = task("exception", "boom");
    l.taskStart(exc);
    l.taskOutcome(exc, new HostOutcome.Failed("h1", map("changed", false, "failed", true,
        "module_stderr", "",
        "module_stdout", "{\"failed\": true, \"msg\": \"it broke\", \"exception\": \"Traceback (most"
            + " recent call last):\n  File \\\"x.py\\\", line 1, in <module>\nValueError: bad"
            + " value\n\"}\n",
        "msg", "MODULE FAILURE\nSee stdout/stderr for the exact error", "rc", 0,
        "_ansible_no_log", false), null, false, true));

    TaskHeader poll = task("poll ok", "command");
    l.taskStart(poll);
    Map<String, Object> done = map("ansible_job_id", "j337269473809.15805", "changed", true,
        "finished", 1, "started", 1, "rc", 0, "cmd", List.of("sleep", "2"));
    l.asyncOutcome(poll, "h1", done, false);
    l.taskOutcome(poll, new HostOutcome.Ok("h1", done, null, false));

    TaskHeader secret = task("no_log async", "shell");
    l.taskStart(secret);
    Map<String, Object> censored = map("censored", CENSORED, "changed", true);
    l.asyncOutcome(secret, "h1", censored, true);
    l.taskOutcome(secret, new HostOutcome.Failed("h1", censored, null, false, true));

    TaskHeader secretLoop = task("no_log loop", "debug");
    l.taskStart(secretLoop);
    for (int i = 1; i <= 2; i++) {
      l.itemOutcome(secretLoop, new HostOutcome.Ok("h1", map("censored", CENSORED, "changed", false),
          i, true));
    }
    l.taskOutcome(secretLoop, new HostOutcome.Ok("h1", map("censored", CENSORED, "changed", false),
        null, true));

    TaskHeader include = task("include_tasks", "include_tasks");
    l.taskStart(include);
    l.taskOutcome(include, new HostOutcome.Ok("h1", map("include", "inc.yml", "changed", false),
        null, false));
    l.included("/tmp/oracle/inc.yml", List.of("h1"), null);
    TaskHeader inner = task("debug", "ansible.builtin.debug");
    l.taskStart(inner);
    l.taskOutcome(inner, new HostOutcome.Ok("h1", map("msg", "in include ", "changed", false),
        null, false));
    TaskHeader includeLoop = task("include_tasks", "include_tasks");
    l.taskStart(includeLoop);
    l.included("/tmp/oracle/inc.yml", List.of("h1"), "x");
    l.included("/tmp/oracle/inc.yml", List.of("h1"), "y");
    for (String x : List.of("x", "y")) {
      l.taskStart(inner);
      l.taskOutcome(inner, new HostOutcome.Ok("h1", map("msg", "in include " + x,
          "changed", false), null, false));
    }

    TaskHeader dicts = task("dict items", "debug");
    l.taskStart(dicts);
    List<Object> items = List.of(map("name", "a", "v", 1, "t", true, "n", null), List.of(1, "two"));
    List<Object> results = new ArrayList<>();
    for (Object item : items) {
      Map<String, Object> r = map("msg", "hi", "changed", false, "failed", false, "item", item,
          "ansible_loop_var", "item", "_ansible_verbose_always", true);
      results.add(r);
      l.itemOutcome(dicts, new HostOutcome.Ok("h1", r, item, true));
    }
    l.taskOutcome(dicts, new HostOutcome.Ok("h1", map("results", results, "changed", false,
        "msg", "All items completed"), null, true));

    TaskHeader handler = new TaskHeader("hand", "debug", true, new Pos("pb_more.yml", 50, 7));
    l.taskStart(handler);
    l.taskOutcome(handler, new HostOutcome.Ok("h1", map("msg", "handled", "changed", false),
        null, false));

    TreeMap<String, HostStats> stats = new TreeMap<>();
    stats.put("h1", new HostStats(14, 2, 0, 0, 0, 0, 3));
    l.recap(stats);
  }

  @Test
  void retriesAsyncNoLogIncludesAndHandlersMatchAnsible() {
    Console c = new Console();
    play(c.callback("default", 0, false));
    assertThat(c.stdout()).isEqualTo(Console.golden("default/more.txt"));
  }

  @Test
  void warningsGoToStderrWrappedAt80Columns() {
    Console c = new Console();
    play(c.callback("default", 0, false));
    assertThat(c.stderr()).isEqualTo(Console.golden("default/more.err.txt"));
  }

  @Test
  void exceptionLineUnreachableAndHyphenWrappedWarningMatchAnsible() {
    Console c = new Console();
    RunListener l = c.callback("default", 0, false);
    l.playStart("h1");
    TaskHeader warns = task("warns", "warner");
    l.taskStart(warns);
    l.taskOutcome(warns, new HostOutcome.Ok("h1", map("changed", false, "warnings", List.of(
        "Module invocation had junk after the JSON data: trailing junk after module output",
        "averyveryverylongwordwithouthyphens-but-then-some-hyphenated-parts-follow-here-and-there"
            + "-to-see-where-python-cuts-it ok")), null, false));
    String trace = "Traceback (most recent call last):\n  File \"x.py\", line 1, in <module>\n"
        + "ValueError: bad value\n";
    TaskHeader exc = task("exception", "boom");
    l.taskStart(exc);
    l.taskOutcome(exc, new HostOutcome.Failed("h1", map("failed", true, "msg", "it broke",
        "exception", trace, "changed", false), null, false, true));
    TaskHeader excItem = task("exception item", "boom");
    l.taskStart(excItem);
    Map<String, Object> item = map("failed", true, "msg", "it broke", "exception", trace,
        "changed", false, "item", 1, "ansible_loop_var", "item");
    l.itemOutcome(excItem, new HostOutcome.Failed("h1", item, 1, true, false));
    l.taskOutcome(excItem, new HostOutcome.Failed("h1", map("results", List.of(item),
        "failed", true, "changed", false, "msg", "One or more items failed"), null, true, true));
    l.playStart("bad");
    TaskHeader ping = task("unreach", "ping");
    l.taskStart(ping);
    l.taskOutcome(ping, new HostOutcome.Unreachable("bad", map("changed", false, "msg",
        "Failed to connect to the host via ssh: ssh: connect to host 127.0.0.1 port 1: Connection"
            + " refused", "unreachable", true), null, false, false));
    TreeMap<String, HostStats> stats = new TreeMap<>();
    stats.put("h1", new HostStats(3, 0, 0, 0, 0, 0, 2));
    stats.put("bad", new HostStats(0, 0, 1, 0, 0, 0, 0));
    l.recap(stats);
    assertThat(c.stdout()).isEqualTo(Console.golden("default/exceptions.txt"));
    assertThat(c.stderr()).isEqualTo(Console.golden("default/exceptions.err.txt"));
  }

  @Test
  void aFailedDebugLoopPrintsItsSummary() {
    // ansible-playbook 2.14, debug: msg="{{ 5 / item }}" over [0, 1] with ignore_errors: the
    // debug result keeps only msg, so the loop's summary line follows the items
    Console c = new Console();
    RunListener l = c.callback("default", 0, false);
    l.playStart("h1");
    TaskHeader debug = task("debug", "debug");
    l.taskStart(debug);
    Map<String, Object> item = map("failed", true, "item", 0, "ansible_loop_var", "item");
    l.itemOutcome(debug, new HostOutcome.Failed("h1", item, 0, true, true));
    l.taskOutcome(debug, new HostOutcome.Failed("h1", map("results", List.of(item),
        "failed", true, "changed", false, "msg", "One or more items failed"), null, true, true));
    assertThat(c.stdout()).contains("failed: [h1] (item=0) => {\"ansible_loop_var\": \"item\", \"item\": 0}\n"
        + "fatal: [h1]: FAILED! => {\"msg\": \"One or more items failed\"}\n...ignoring\n");
  }
}
