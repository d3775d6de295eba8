package io.tightbeam.executor;

import io.tightbeam.playbook.Task;
import java.util.List;
import java.util.Map;

/** {@code meta}: noop, flush_handlers, end_play, end_host, end_batch, clear_facts, clear_host_errors. */
final class Meta {
  private final PlayContext ctx;
  private final LinearStrategy strategy;
  private final Handlers handlers;

  Meta(PlayContext ctx, LinearStrategy strategy, Handlers handlers) {
    this.ctx = ctx;
    this.strategy = strategy;
    this.handlers = handlers;
  }

  void run(Task t, Scope scope, List<HostState> hosts) {
    Object raw = t.args().getOrDefault("_raw_params", t.args().get("free_form"));
    String what = raw == null ? "noop" : raw.toString().trim();
    switch (what) {
      case "flush_handlers" -> handlers.flush(strategy, ctx);
      case "end_play", "end_batch" -> {
        if (anyHostAgrees(t, scope, hosts)) {
          ctx.hosts().values().forEach(h -> h.ended = true);
        }
      }
      case "end_host" -> hosts.stream().filter(h -> when(t, scope, h)).forEach(h -> h.ended = true);
      case "clear_facts" -> hosts.stream().filter(h -> when(t, scope, h)).forEach(h -> h.facts.clear());
      case "clear_host_errors" -> ctx.hosts().values().forEach(h -> h.failed = false);
      case "noop", "refresh_inventory", "reset_connection" -> { }
      default -> throw new IllegalArgumentException("invalid meta action requested: " + what);
    }
  }

  private boolean anyHostAgrees(Task t, Scope scope, List<HostState> hosts) {
    return hosts.stream().anyMatch(h -> when(t, scope, h));
  }

  private boolean when(Task t, Scope scope, HostState h) {
    return Conditions.hold(ctx, scope, t, TaskVars.build(ctx, h, t, scope));
  }
}
