package io.tightbeam.executor;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code no_log}: what the output may show of a result (never its values). */
final class Censor {
  static final String TEXT =
      "the output has been hidden due to the fact that 'no_log: true' was specified for this result";

  private Censor() {}

  /**
   * Whether the task's results are hidden: its {@code no_log} (inherited from its block or play)
   * when given, else the {@code no_log} setting (ANSIBLE_NO_LOG); ansible-playbook 2.14 with
   * ANSIBLE_NO_LOG=1 still shows a task with {@code no_log: false}.
   */
  static boolean noLog(PlayContext ctx, Keywords kw, Map<String, Object> vars) {
    return kw.bool("no_log", vars, ctx.options().settings().noLog());
  }

  static HostOutcome outcome(TaskDone done) {
    if (!done.noLog()) {
      return done.outcome();
    }
    HostOutcome o = done.outcome();
    Map<String, Object> r = result(o.result());
    if (o instanceof HostOutcome.Failed f) {
      return new HostOutcome.Failed(f.host(), r, f.item() == null ? null : "None", f.loop(), f.ignored());
    }
    if (o instanceof HostOutcome.Skipped s) {
      return new HostOutcome.Skipped(s.host(), r, s.item() == null ? null : "None", s.loop());
    }
    if (o instanceof HostOutcome.Unreachable u) {
      return new HostOutcome.Unreachable(u.host(), r, u.item(), u.loop(), u.ignored());
    }
    return new HostOutcome.Ok(o.host(), r, o.item() == null ? null : "None", o.loop());
  }

  static Map<String, Object> result(Map<String, Object> r) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("censored", TEXT);
    c.put("changed", Results.changed(r));
    if (Results.failed(r)) {
      c.put("failed", true);
    }
    if (Results.skipped(r)) {
      c.put("skipped", true);
    }
    return c; // Ansible keeps only changed, failed and skipped (not unreachable) in a censored result
  }
}
