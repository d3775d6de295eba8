package io.tightbeam.executor;

import io.tightbeam.playbook.Task;
import java.util.List;

/** {@code any_errors_fatal} and {@code max_fail_percentage}: one host's failure ends the play for all. */
final class AnyErrorsFatal {
  private AnyErrorsFatal() {}

  static void check(PlayContext ctx, Task t, Scope scope, List<HostState> hosts) {
    boolean anyFailed = hosts.stream().anyMatch(h -> h.failed || h.unreachable);
    if (!anyFailed) {
      return;
    }
    Keywords kw = new Keywords(ctx, t, scope);
    boolean fatal = Results.truthy(kw.raw("any_errors_fatal")) || ctx.options().settings().anyErrorsFatal();
    Object maxFail = ctx.play().keywords().get("max_fail_percentage");
    if (!fatal && maxFail != null) {
      long failed = ctx.hosts().values().stream().filter(h -> h.failed || h.unreachable).count();
      double pct = 100.0 * failed / Math.max(1, ctx.batch().size());
      fatal = pct > Double.parseDouble(maxFail.toString());
    }
    if (fatal) {
      ctx.hosts().values().forEach(h -> h.ended = true);
    }
  }
}
