package io.tightbeam.executor;

import io.tightbeam.playbook.Task;
import java.util.List;

/**
 * {@code any_errors_fatal} and {@code max_fail_percentage}: one host's failure ends the play for all.
 * As in Ansible's linear strategy, a failure a rescue will handle does not count, and the failed
 * hosts still run the always sections around them; every other host stops at once.
 */
final class AnyErrorsFatal {
  private AnyErrorsFatal() {}

  /**
   * Ansible's iterator spares a failed host with a rescue or an always ahead of it, and the other
   * hosts while the task ran in a rescue (of a block with an always) or an always, where they are
   * too; it stops every other host, and then the playbook.
   */
  static void check(PlayContext ctx, Task t, Scope scope, List<HostState> hosts, LinearStrategy strategy) {
    boolean anyFailed = hosts.stream().anyMatch(h -> (h.failed && !scope.rescuable()) || h.unreachable);
    if (!anyFailed) {
      return;
    }
    Keywords kw = new Keywords(ctx, t, scope);
    boolean fatal = Results.truthy(kw.raw("any_errors_fatal")) || ctx.options().settings().anyErrorsFatal();
    if (fatal) {
      for (HostState h : ctx.hosts().values()) {
        boolean spared = h.failed ? scope.rescuable() || strategy.alwaysAhead() : strategy.recovering();
        if (!spared) {
          h.ended |= !h.failed;
          h.stopped = true;
        }
      }
    } else if (maxFailed(ctx)) {
      ctx.hosts().values().forEach(h -> {
        h.ended = true;
        h.stopped = true;
      });
    }
  }

  private static boolean maxFailed(PlayContext ctx) {
    Object maxFail = ctx.play().keywords().get("max_fail_percentage");
    if (maxFail == null) {
      return false;
    }
    long failed = ctx.hosts().values().stream().filter(h -> h.failed || h.unreachable).count();
    double pct = 100.0 * failed / Math.max(1, ctx.batch().size());
    return pct > Double.parseDouble(maxFail.toString());
  }
}
