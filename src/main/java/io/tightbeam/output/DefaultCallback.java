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
  private final CallbackOptions options;
  /** The task whose banner was shown last: a line of another task shows that one's banner first. */
  private TaskHeader lastBanner;

  DefaultCallback(Display display) {
    this(display, CallbackOptions.DEFAULTS);
  }

  DefaultCallback(Display display, CallbackOptions options) {
    this.display = display;
    this.options = options;
  }

  @Override
  public void playStart(String name) {
    playStart(name, false);
  }

  @Override
  public void playStart(String name, boolean checkMode) {
    String n = name == null ? "" : name.strip();
    String marker = checkMode && options.checkModeMarkers() ? " [CHECK MODE]" : "";
    display.banner(n.isEmpty() ? "PLAY" + marker : "PLAY [" + n + "]" + marker);
  }

  @Override
  public void playbookStart(String path, int plays) {
    if (display.verbosity() > 1) {
      String name = java.nio.file.Path.of(path).getFileName().toString();
      display.banner("PLAYBOOK: " + name);
      display.display(plays + " plays in " + path);
    }
    dryRunBanner();
  }

  private void dryRunBanner() {
    if (options.dryRun() && options.checkModeMarkers()) {
      display.banner("DRY RUN");
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

  /**
   * The banner comes at once, or before the task's first shown line under the free and
   * host_pinned strategies and when ok or skipped results are hidden, as Ansible's.
   */
  @Override
  public void taskStart(TaskHeader task) {
    if (!task.lazy() && !options.lazyBanners()) {
      banner(task);
    }
  }

  @Override
  public void hostStart(TaskHeader task, String started, String host) {
    if (options.showPerHostStart()) {
      display.display(" [started " + started + " on " + host + "]", Color.OK);
    }
  }

  /** Shows the task's banner unless it was the last one shown. */
  private void announce(TaskHeader task) {
    if (!task.sameBanner(lastBanner)) {
      banner(task);
    }
  }

  private void banner(TaskHeader task) {
    String prefix = task.handler() ? "RUNNING HANDLER" : "TASK";
    String marker = task.checkMode() && options.checkModeMarkers() ? " [CHECK MODE]" : "";
    display.banner(prefix + " [" + task.name().strip() + "]" + marker);
    if (display.verbosity() >= 2) {
      taskPath(task);
    }
    lastBanner = task;
  }

  private void taskPath(TaskHeader task) {
    if (task.pos() != null && task.pos().line() > 0) {
      display.display("task path: " + task.pos().file() + ":" + task.pos().line(), Color.DEBUG);
    }
  }

  private boolean toStderr() {
    return options.displayFailedStderr();
  }

  private String dump(ShownResult r) {
    return r.dump(display.verbosity(), null, options);
  }

  @Override
  public void taskOutcome(TaskHeader task, HostOutcome outcome) {
    // a loop's items were shown one by one; its summary adds no line unless it was censored
    boolean itemsShown = outcome.loop() && outcome.result() != null
        && outcome.result().containsKey("results");
    if (outcome instanceof HostOutcome.Ok) {
      ok(task, outcome, itemsShown);
    } else if (outcome instanceof HostOutcome.Failed f) {
      failed(task, f, itemsShown);
    } else if (outcome instanceof HostOutcome.Skipped) {
      if (!options.displaySkippedHosts()) {
        return;
      }
      announce(task);
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
      announce(task);
      ShownResult r = ShownResult.of(outcome.result(), task.action(), false);
      display.display("fatal: [" + hostLabel(u) + "]: UNREACHABLE! => " + dump(r), Color.UNREACHABLE, toStderr());
      if (u.ignored()) {
        display.display("...ignoring", Color.SKIP);
      }
    }
  }

  private void ok(TaskHeader task, HostOutcome outcome, boolean itemsShown) {
    ShownResult r = ShownResult.of(outcome.result(), task.action(), true);
    if (r.include()) {
      announce(task);
      return;
    }
    boolean changed = r.changed(); // before cleaning: a debug whose changed_when holds says changed
    if (!changed && !options.displayOkHosts()) {
      return;
    }
    announce(task);
    r.showWarnings(display);
    if (itemsShown) {
      return;
    }
    r.cleanForDebug();
    String msg = (changed ? "changed: [" : "ok: [") + hostLabel(outcome) + "]";
    display.display(withJson(msg, r), changed ? Color.CHANGED : Color.OK);
  }

  private void failed(TaskHeader task, HostOutcome.Failed f, boolean itemsShown) {
    announce(task);
    ShownResult r = ShownResult.of(f.result(), task.action(), false).cleanForDebug();
    r.showException(display, toStderr()).showWarnings(display);
    // Ansible cleans a failed result before its loop check: a debug loop keeps only msg and so
    // prints the summary ("One or more items failed")
    if (!itemsShown || !r.has("results")) {
      if (display.verbosity() < 2 && options.showTaskPathOnFailure()) {
        taskPath(task);
      }
      display.display("fatal: [" + hostLabel(f) + "]: FAILED! => " + dump(r), Color.ERROR, toStderr());
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
    return r.verbose(display.verbosity(), 0) ? msg + " => " + dump(r) : msg;
  }

  /** Ansible prints a diff only for a changed result, and nothing when before equals after. */
  @Override
  public void fileDiff(TaskHeader task, HostOutcome outcome) {
    Map<String, Object> r = outcome.result();
    if (r != null && PyText.truthy(r.get("diff")) && PyText.truthy(r.get("changed"))) {
      String text = FileDiff.render(r.get("diff"), display.color(), options);
      if (!text.isEmpty()) {
        announce(task);
        display.display(text);
      }
    }
  }

  @Override
  public void itemOutcome(TaskHeader task, HostOutcome outcome) {
    String host = outcome.host();
    if (outcome instanceof HostOutcome.Ok) {
      ShownResult r = ShownResult.of(outcome.result(), task.action(), true);
      boolean changed = r.changed();
      if (r.include() || (!changed && !options.displayOkHosts())) {
        return;
      }
      announce(task);
      String msg = (changed ? "changed: [" : "ok: [") + hostLabel(outcome) + "] => (item="
          + r.itemLabel(outcome.item()) + ")";
      r.cleanForDebug();
      display.display(withJson(msg, r), changed ? Color.CHANGED : Color.OK);
    } else if (outcome instanceof HostOutcome.Failed) {
      announce(task);
      ShownResult r = ShownResult.of(outcome.result(), task.action(), false).cleanForDebug();
      r.showException(display, toStderr()).showWarnings(display);
      display.display(
          "failed: [" + hostLabel(outcome) + "] (item=" + r.itemLabel(outcome.item()) + ") => " + dump(r),
          Color.ERROR, toStderr());
    } else if (outcome instanceof HostOutcome.Skipped) {
      if (!options.displaySkippedHosts()) {
        return;
      }
      announce(task);
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
    if (task.lazy()) {
      announce(task);
    }
    String msg = "FAILED - RETRYING: [" + host + "]: " + task.name() + " (" + retriesLeft
        + " retries left).";
    ShownResult r = ShownResult.of(result, task.action(), false);
    if (r.verbose(display.verbosity(), 2)) {
      msg += "Result was: " + dump(r);
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
  public void included(TaskHeader task, String file, List<String> hosts, Object item) {
    announce(task);
    included(file, hosts, item);
  }

  @Override
  public void included(String file, List<String> hosts, Object item) {
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
  public void error(io.tightbeam.yaml.Diagnostic error) {
    display.display("ERROR! " + io.tightbeam.yaml.SourceExcerpt.render(error).stripTrailing(), Color.ERROR, true);
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
    dryRunBanner();
  }
}
