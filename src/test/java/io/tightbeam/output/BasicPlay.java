package io.tightbeam.output;

import static io.tightbeam.output.Console.map;

import io.tightbeam.executor.HostOutcome;
import io.tightbeam.executor.HostStats;
import io.tightbeam.executor.RunListener;
import io.tightbeam.executor.TaskHeader;
import io.tightbeam.yaml.Pos;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The events of fixtures/pb_basic.yml (two hosts, forks 1) as ansible-core 2.14.18 ran
 * it to make the golden files: debug, set_fact with changed_when, an ignored failure, skips, a
 * loop with ok/changed/failed/skipped items, and a real failure.
 */
final class BasicPlay {
  private BasicPlay() {}

  private static TaskHeader task(String name, String action, int line) {
    return new TaskHeader(name, action, false, new Pos("pb_basic.yml", line, 7));
  }

  private static Map<String, Object> skipped() {
    return map("changed", false, "skip_reason", "Conditional result was False", "skipped", true,
        "_ansible_no_log", false);
  }

  private static Map<String, Object> debug(String key, Object value) {
    return map(key, value, "changed", false, "failed", false, "_ansible_verbose_always", true,
        "_ansible_no_log", false);
  }

  static void play(RunListener l) {
    l.verbose(1, "No config file found; using defaults");
    l.playStart("basics");

    TaskHeader hello = task("say hello", "debug", 5);
    l.taskStart(hello);
    l.taskOutcome(hello, new HostOutcome.Ok("h1", debug("msg", "hello h1"), null, false));
    l.taskOutcome(hello, new HostOutcome.Ok("h2", debug("msg", "hello h2"), null, false));

    TaskHeader var = task("a var", "debug", 8);
    l.taskStart(var);
    l.taskOutcome(var, new HostOutcome.Ok("h1", debug("inventory_hostname", "h1"), null, false));
    l.taskOutcome(var, new HostOutcome.Ok("h2", debug("inventory_hostname", "h2"), null, false));

    TaskHeader fact = task("change on h2 only", "set_fact", 11);
    l.taskStart(fact);
    for (String h : List.of("h1", "h2")) {
      Map<String, Object> r = map("ansible_facts", map("x", 1), "changed", h.equals("h2"),
          "failed", false, "_ansible_no_log", false);
      l.taskOutcome(fact, new HostOutcome.Ok(h, r, null, false));
    }

    TaskHeader failH1 = task("fail on h1", "fail", 15);
    l.taskStart(failH1);
    l.taskOutcome(failH1, new HostOutcome.Failed("h1",
        map("changed", false, "failed", true, "msg", "boom ünïcode", "_ansible_no_log", false),
        null, false, true));
    l.taskOutcome(failH1, new HostOutcome.Skipped("h2", skipped(), null, false));

    TaskHeader never = task("skipped task", "debug", 20);
    l.taskStart(never);
    l.taskOutcome(never, new HostOutcome.Skipped("h1", skipped(), null, false));
    l.taskOutcome(never, new HostOutcome.Skipped("h2", skipped(), null, false));

    TaskHeader loop = task("loop items", "fail", 23);
    l.taskStart(loop);
    for (String h : List.of("h1", "h2")) {
      List<Object> results = new ArrayList<>();
      for (String item : List.of("a", "b", "c")) {
        Map<String, Object> r = map("msg", "bad " + item, "changed", item.equals("b"),
            "failed_when_result", item.equals("c"), "failed", item.equals("c"),
            "item", item, "ansible_loop_var", "item", "_ansible_item_label", item,
            "_ansible_no_log", false);
        results.add(r);
        l.itemOutcome(loop, item.equals("c")
            ? new HostOutcome.Failed(h, r, item, true, false)
            : new HostOutcome.Ok(h, r, item, true));
      }
      Map<String, Object> skip = map("changed", false, "skip_reason", "Conditional result was False",
          "skipped", true, "item", "skip", "ansible_loop_var", "item",
          "_ansible_item_label", "skip", "_ansible_no_log", false);
      results.add(skip);
      l.itemOutcome(loop, new HostOutcome.Skipped(h, skip, "skip", true));
      Map<String, Object> all = map("results", results, "changed", true, "failed", true,
          "msg", "One or more items failed");
      l.taskOutcome(loop, new HostOutcome.Failed(h, all, null, true, true));
    }

    TaskHeader warn = task("warn", "debug", 31);
    l.taskStart(warn);
    l.taskOutcome(warn, new HostOutcome.Ok("h1", debug("msg", "x"), null, false));
    l.taskOutcome(warn, new HostOutcome.Ok("h2", debug("msg", "x"), null, false));

    TaskHeader real = task("real failure", "fail", 34);
    l.taskStart(real);
    l.taskOutcome(real, new HostOutcome.Skipped("h1", skipped(), null, false));
    l.taskOutcome(real, new HostOutcome.Failed("h2",
        map("changed", false, "failed", true, "msg", "stop here", "_ansible_no_log", false),
        null, false, false));

    TaskHeader after = task("after", "debug", 38);
    l.taskStart(after);
    l.taskOutcome(after, new HostOutcome.Ok("h1", debug("msg", "after"), null, false));

    TreeMap<String, HostStats> stats = new TreeMap<>();
    stats.put("h2", new HostStats(5, 2, 0, 1, 2, 0, 1));
    stats.put("h1", new HostStats(7, 1, 0, 0, 2, 0, 2));
    l.recap(stats);
  }
}
