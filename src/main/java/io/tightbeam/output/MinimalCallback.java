package io.tightbeam.output;

import io.tightbeam.executor.HostOutcome;
import io.tightbeam.executor.RunListener;
import io.tightbeam.executor.TaskHeader;
import java.util.Map;

/**
 * Ad hoc {@code ansible}'s {@code minimal} callback: {@code host | STATE => {json}} with a 4-space
 * indent, or {@code host | STATE | rc=N >>} and the text for command-like modules.
 */
final class MinimalCallback implements RunListener {
  private final Display display;

  MinimalCallback(Display display) {
    this.display = display;
  }

  /** Unlike the default callback, minimal prints any non-empty diff, even an unchanged one. */
  @Override
  public void fileDiff(TaskHeader task, HostOutcome outcome) {
    Map<String, Object> r = outcome.result();
    if (r != null && PyText.truthy(r.get("diff"))) {
      display.display(FileDiff.render(r.get("diff"), display.color()));
    }
  }

  @Override
  public void taskOutcome(TaskHeader task, HostOutcome outcome) {
    String host = outcome.host();
    if (outcome instanceof HostOutcome.Ok) {
      ShownResult r = ShownResult.of(outcome.result(), task.action(), true);
      r.cleanForDebug().showWarnings(display);
      String state = r.changed() ? "CHANGED" : "SUCCESS";
      Color c = r.changed() ? Color.CHANGED : Color.OK;
      if (r.noJsonModule() && !r.has("ansible_job_id")) {
        display.display(commandText(host, r, state), c);
      } else {
        display.display(host + " | " + state + " => " + r.dump(display.verbosity(), 4), c);
      }
    } else if (outcome instanceof HostOutcome.Failed) {
      ShownResult r = ShownResult.of(outcome.result(), task.action(), false);
      r.showException(display, false).showWarnings(display);
      if (r.noJsonModule() && !r.has("module_stderr")) {
        display.display(commandText(host, r, "FAILED"), Color.ERROR);
      } else {
        display.display(host + " | FAILED! => " + r.dump(display.verbosity(), 4), Color.ERROR);
      }
    } else if (outcome instanceof HostOutcome.Skipped) {
      display.display(host + " | SKIPPED", Color.SKIP);
    } else if (outcome instanceof HostOutcome.Unreachable) {
      ShownResult r = ShownResult.of(outcome.result(), task.action(), false);
      display.display(
          host + " | UNREACHABLE! => " + r.dump(display.verbosity(), 4), Color.UNREACHABLE);
    }
  }

  /** stdout, stderr and msg run together with no separator, as Ansible prints them. */
  private static String commandText(String host, ShownResult r, String state) {
    Object rc = r.has("rc") ? r.get("rc") : -1;
    return host + " | " + state + " | rc=" + PyText.str(rc) + " >>\n"
        + text(r, "stdout") + text(r, "stderr") + text(r, "msg") + "\n";
  }

  private static String text(ShownResult r, String key) {
    return r.has(key) ? PyText.str(r.get(key)) : "";
  }

  @Override
  public void asyncPoll(TaskHeader task, String host, Map<String, Object> status) {
    AdHocProgress.poll(display, host, status);
  }

  @Override
  public void asyncOutcome(TaskHeader task, String host, Map<String, Object> result, boolean failed) {
    AdHocProgress.outcome(display, host, result, failed);
  }

  @Override
  public void warning(String message) {
    display.warning(message);
  }

  @Override
  public void verbose(int level, String message) {
    display.verbose(level, message);
  }
}
