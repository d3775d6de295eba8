package io.tightbeam.output;

import io.tightbeam.executor.HostOutcome;
import io.tightbeam.executor.HostStats;
import io.tightbeam.executor.RunListener;
import io.tightbeam.executor.TaskHeader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * ansible-playbook's {@code default} stdout callback (ansible-core 2.14): banners, one line per
 * host result, item lines, retries, async progress and the recap.
 */
final class DefaultCallback implements RunListener {
  private final Display display;

  DefaultCallback(Display display) {
    this.display = display;
  }

  @Override
  public void playStart(String name) {
    String n = name == null ? "" : name.strip();
    display.banner(n.isEmpty() ? "PLAY" : "PLAY [" + n + "]");
  }

  @Override
  public void playbookStart(String path, int plays) {
    if (display.verbosity() > 1) {
      String name = java.nio.file.Path.of(path).getFileName().toString();
      display.banner("PLAYBOOK: " + name);
      display.display(plays + " plays in " + path);
    }
  }

  @Override
  public void noMoreHosts() {
    display.banner("NO MORE HOSTS LEFT");
  }

  @Override
  public void noHostsMatched() {
    display.display("skipping: no hosts matched", Color.SKIP);
  }

  /** A lazy task's banner not shown yet (see {@link TaskHeader#lazy()}). */
  private TaskHeader pending;

  @Override
  public void taskStart(TaskHeader task) {
    pending = task.lazy() ? task : null;
    if (!task.lazy()) {
      banner(task);
    }
  }

  /** Shows the banner of a lazy task before its first line. */
  private void announce(TaskHeader task) {
    if (pending != null && pending.equals(task)) {
      pending = null;
      banner(task);
    }
  }

  private void banner(TaskHeader task) {
    String prefix = task.handler() ? "RUNNING HANDLER" : "TASK";
    display.banner(prefix + " [" + task.name().strip() + "]");
    if (display.verbosity() >= 2 && task.pos() != null && task.pos().line() > 0) {
      display.display("task path: " + task.pos().file() + ":" + task.pos().line(), Color.DEBUG);
    }
  }

  @Override
  public void taskOutcome(TaskHeader task, HostOutcome outcome) {
    announce(task);
    // a loop's items were shown one by one; its summary adds no line unless it was censored
    boolean itemsShown = outcome.loop() && outcome.result() != null
        && outcome.result().containsKey("results");
    if (outcome instanceof HostOutcome.Ok) {
      ok(task, outcome, itemsShown);
    } else if (outcome instanceof HostOutcome.Failed f) {
      failed(task, f, itemsShown);
    } else if (outcome instanceof HostOutcome.Skipped) {
      // after a loop's skipped items Ansible still prints the task's own skipping line, without
      // the items (its _process_items removed them)
      Map<String, Object> shown = outcome.result();
      if (itemsShown) {
        shown = new LinkedHashMap<>(shown);
        shown.remove("results");
      }
      ShownResult r = ShownResult.of(shown, task.action(), false).cleanForDebug();
      display.display(withJson("skipping: [" + outcome.host() + "]", r), Color.SKIP);
    } else if (outcome instanceof HostOutcome.Unreachable u) {
      ShownResult r = ShownResult.of(outcome.result(), task.action(), false);
      display.display("fatal: [" + hostLabel(u) + "]: UNREACHABLE! => "
          + r.dump(display.verbosity(), null), Color.UNREACHABLE);
      if (u.ignored()) {
        display.display("...ignoring", Color.SKIP);
      }
    }
  }

  private void ok(TaskHeader task, HostOutcome outcome, boolean itemsShown) {
    ShownResult r = ShownResult.of(outcome.result(), task.action(), true);
    if (r.include()) {
      return;
    }
    r.showWarnings(display);
    if (itemsShown) {
      return;
    }
    boolean changed = r.changed(); // before cleaning: a debug whose changed_when holds says changed
    r.cleanForDebug();
    String msg = (changed ? "changed: [" : "ok: [") + hostLabel(outcome) + "]";
    display.display(withJson(msg, r), changed ? Color.CHANGED : Color.OK);
  }

  private void failed(TaskHeader task, HostOutcome.Failed f, boolean itemsShown) {
    ShownResult r = ShownResult.of(f.result(), task.action(), false).cleanForDebug();
    r.showException(display, false).showWarnings(display);
    // Ansible cleans a failed result before its loop check: a debug loop keeps only msg and so
    // prints the summary ("One or more items failed")
    if (!itemsShown || !r.has("results")) {
      display.display(
          "fatal: [" + hostLabel(f) + "]: FAILED! => " + r.dump(display.verbosity(), null), Color.ERROR);
    }
    if (f.ignored()) {
      display.display("...ignoring", Color.SKIP);
    }
  }

  /**
   * Ansible's host label: the host, then {@code -> delegate} for a task delegated elsewhere, with
   * the delegate's address in parentheses when it has another one.
   */
  static String hostLabel(HostOutcome outcome) {
    Map<String, Object> r = outcome.result();
    if (r == null || !(r.get("_ansible_delegated_vars") instanceof Map<?, ?> d)) {
      return outcome.host();
    }
    String delegate = String.valueOf(d.get("ansible_delegated_host"));
    String address = String.valueOf(d.get("ansible_host"));
    return outcome.host() + " -> " + delegate + (address.equals(delegate) ? "" : "(" + address + ")");
  }

  /** Appends {@code => {json}} when the run is verbose or the result always shows itself. */
  private String withJson(String msg, ShownResult r) {
    return r.verbose(display.verbosity(), 0) ? msg + " => " + r.dump(display.verbosity(), null) : msg;
  }

  /** Ansible prints a diff only for a changed result, and nothing when before equals after. */
  @Override
  public void fileDiff(TaskHeader task, HostOutcome outcome) {
    Map<String, Object> r = outcome.result();
    if (r != null && PyText.truthy(r.get("diff")) && PyText.truthy(r.get("changed"))) {
      String text = FileDiff.render(r.get("diff"), display.color());
      if (!text.isEmpty()) {
        display.display(text);
      }
    }
  }

  @Override
  public void itemOutcome(TaskHeader task, HostOutcome outcome) {
    announce(task);
    String host = outcome.host();
    if (outcome instanceof HostOutcome.Ok) {
      ShownResult r = ShownResult.of(outcome.result(), task.action(), true);
      if (r.include()) {
        return;
      }
      boolean changed = r.changed();
      String msg = (changed ? "changed: [" : "ok: [") + hostLabel(outcome) + "] => (item="
          + r.itemLabel(outcome.item()) + ")";
      r.cleanForDebug();
      display.display(withJson(msg, r), changed ? Color.CHANGED : Color.OK);
    } else if (outcome instanceof HostOutcome.Failed) {
      ShownResult r = ShownResult.of(outcome.result(), task.action(), false).cleanForDebug();
      r.showException(display, false).showWarnings(display);
      display.display(
          "failed: [" + hostLabel(outcome) + "] (item=" + r.itemLabel(outcome.item()) + ") => "
              + r.dump(display.verbosity(), null),
          Color.ERROR);
    } else if (outcome instanceof HostOutcome.Skipped) {
      ShownResult r = ShownResult.of(outcome.result(), task.action(), false).cleanForDebug();
      // Ansible's item skip line really ends in a space
      String msg = "skipping: [" + host + "] => (item=" + r.itemLabel(outcome.item()) + ") ";
      display.display(withJson(msg, r), Color.SKIP);
    } else if (outcome instanceof HostOutcome.Unreachable) {
      taskOutcome(task, outcome);
    }
  }

  @Override
  public void retrying(TaskHeader task, String host, int retriesLeft, Map<String, Object> result) {
    announce(task);
    String msg = "FAILED - RETRYING: [" + host + "]: " + task.name() + " (" + retriesLeft
        + " retries left).";
    ShownResult r = ShownResult.of(result, task.action(), false);
    if (r.verbose(display.verbosity(), 2)) {
      msg += "Result was: " + r.dump(display.verbosity(), null);
    }
    display.display(msg, Color.DEBUG);
  }

  @Override
  public void asyncPoll(TaskHeader task, String host, Map<String, Object> status) {
    Map<String, Object> s = status == null ? Map.of() : status;
    display.display(
        "ASYNC POLL on " + host + ": jid=" + PyText.str(s.get("ansible_job_id"))
            + " started=" + PyText.str(s.get("started"))
            + " finished=" + PyText.str(s.get("finished")),
        Color.DEBUG);
  }

  @Override
  public void asyncOutcome(TaskHeader task, String host, Map<String, Object> result, boolean failed) {
    display.display(
        "ASYNC " + (failed ? "FAILED" : "OK") + " on " + host + ": jid=" + jid(result, failed),
        Color.DEBUG);
  }

  /** The job id of an async result; a controller timeout keeps it only in {@code async_result}. */
  static String jid(Map<String, Object> result, boolean failed) {
    Map<String, Object> r = result == null ? Map.of() : result;
    Object jid = r.get("ansible_job_id");
    if (failed && !PyText.truthy(jid) && r.get("async_result") instanceof Map<?, ?> inner) {
      jid = inner.get("ansible_job_id");
    }
    return PyText.str(jid);
  }

  @Override
  public void included(String file, List<String> hosts, Object item) {
    announce(pending); // an include's result shows its lazy banner as any result does (strategy free)
    String msg = "included: " + file + " for " + String.join(", ", hosts);
    if (PyText.truthy(item)) {
      msg += " => (item=" + PyText.str(item) + ")";
    }
    display.display(msg, Color.SKIP);
  }

  @Override
  public void warning(String message) {
    display.warning(message);
  }

  @Override
  public void verbose(int level, String message) {
    display.verbose(level, message);
  }

  @Override
  public void recap(SortedMap<String, HostStats> stats) {
    display.banner("PLAY RECAP");
    stats.forEach((host, s) -> display.display(Recap.line(host, s, display.color())));
    display.display("");
  }
}
