package io.tightbeam.output;

import io.tightbeam.executor.HostOutcome;
import io.tightbeam.executor.RunListener;
import io.tightbeam.executor.TaskHeader;
import java.util.Map;

/**
 * Ad hoc {@code ansible -o}: the {@code oneline} callback, one line per host with JSON joined by
 * {@code ","} (no space) and command text with newlines shown as {@code \n}.
 */
final class OnelineCallback implements RunListener {
  private final Display display;

  OnelineCallback(Display display) {
    this.display = display;
  }

  @Override
  public void taskOutcome(TaskHeader task, HostOutcome outcome) {
    String host = outcome.host();
    if (outcome instanceof HostOutcome.Ok) {
      ShownResult r = ShownResult.of(outcome.result(), task.action(), true);
      String state = r.changed() ? "CHANGED" : "SUCCESS";
      Color c = r.changed() ? Color.CHANGED : Color.OK;
      if (r.noJsonModule() && !r.has("ansible_job_id")) {
        display.display(commandText(host, r, state), c);
      } else {
        display.display(host + " | " + state + " => " + oneLine(r), c);
      }
    } else if (outcome instanceof HostOutcome.Failed) {
      ShownResult r = ShownResult.of(outcome.result(), task.action(), false);
      if (r.has("exception")) {
        if (r.noJsonModule() && !r.has("module_stderr")) {
          display.display(commandText(host, r, "FAILED"), Color.ERROR);
        } else {
          display.display(exceptionText(PyText.str(r.get("exception"))), Color.ERROR);
        }
        r.map().remove("exception");
      }
      display.display(host + " | FAILED! => " + oneLine(r), Color.ERROR);
    } else if (outcome instanceof HostOutcome.Skipped) {
      display.display(host + " | SKIPPED", Color.SKIP);
    } else if (outcome instanceof HostOutcome.Unreachable) {
      Object msg = outcome.result() == null ? null : outcome.result().get("msg");
      display.display(
          host + " | UNREACHABLE!: " + (msg == null ? "" : PyText.str(msg)), Color.UNREACHABLE);
    }
  }

  private String exceptionText(String exc) {
    if (display.verbosity() < 3) {
      String[] lines = exc.strip().split("\n", -1);
      return "An exception occurred during task execution. To see the full traceback, use -vvv."
          + " The error was: " + lines[lines.length - 1];
    }
    return "An exception occurred during task execution. The full traceback is:\n"
        + exc.replace("\n", "");
  }

  /** Ansible dumps with indent 0 and deletes the newlines, which leaves {@code ","} between items. */
  private String oneLine(ShownResult r) {
    return r.dump(display.verbosity(), 0).replace("\n", "");
  }

  private static String commandText(String host, ShownResult r, String state) {
    String rc = PyText.str(r.has("rc") ? r.get("rc") : -1);
    String stdout = escaped(r.get("stdout"));
    String head = host + " | " + state + " | rc=" + rc + " | (stdout) " + stdout;
    if (PyText.truthy(r.get("stderr"))) {
      return head + " (stderr) " + escaped(r.get("stderr"));
    }
    return head;
  }

  private static String escaped(Object text) {
    String s = text == null ? "" : PyText.str(text);
    return s.replace("\n", "\\n").replace("\r", "\\r");
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
