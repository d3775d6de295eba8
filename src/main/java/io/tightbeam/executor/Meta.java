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

  /** The meta actions of Ansible 2.14. */
  static final java.util.Set<String> ACTIONS = java.util.Set.of("noop", "flush_handlers",
      "refresh_inventory", "clear_facts", "clear_host_errors", "end_play", "end_host", "end_batch",
      "reset_connection", "role_complete");

  /** The action a meta task asks for ({@code noop} when it names none). */
  static String action(Task t) {
    Object raw = t.args().getOrDefault("_raw_params", t.args().get("free_form"));
    return raw == null ? "noop" : raw.toString().trim();
  }

  void run(Task t, Scope scope, List<HostState> hosts) {
    String what = action(t);
    if (!what.equals("role_complete") && ACTIONS.contains(what)) {
      // Ansible announces every meta task it runs, and shows the hosts whose when was false
      // (each host for end_host, else the first, as its linear strategy runs the others once).
      TaskHeader header = strategy.header(t, scope);
      ctx.listener().taskStart(header);
      List<HostState> asked = what.equals("end_host") || hosts.isEmpty() ? hosts : List.of(hosts.get(0));
      if (t.keywords().containsKey("when") || !scope.whens().isEmpty()) {
        for (HostState h : asked) {
          if (!when(t, scope, h)) {
            ctx.listener().taskOutcome(header, new HostOutcome.Skipped(h.name(), HostTaskRunner.skipResult(), null, false));
          }
        }
      }
    }
    switch (what) {
      case "flush_handlers" -> handlers.flush(strategy, ctx);
      case "end_play", "end_batch" -> {
        if (anyHostAgrees(t, scope, hosts)) {
          ctx.hosts().values().forEach(h -> h.ended = true);
        }
      }
      case "end_host" -> hosts.stream().filter(h -> when(t, scope, h)).forEach(h -> h.ended = true);
      case "clear_facts" -> hosts.stream().filter(h -> when(t, scope, h)).forEach(h -> h.facts.clear());
      case "clear_host_errors" -> ctx.hosts().values().forEach(h -> {
        h.failed = false;
        h.errorClears++;
      });
      case "noop", "refresh_inventory", "reset_connection", "role_complete" -> { }
      default -> throw new io.tightbeam.yaml.InputException(
          List.of(io.tightbeam.yaml.Diagnostic.at(t.pos(), "invalid meta action requested: " + what)), 1);
    }
  }

  private boolean anyHostAgrees(Task t, Scope scope, List<HostState> hosts) {
    return hosts.stream().anyMatch(h -> when(t, scope, h));
  }

  private boolean when(Task t, Scope scope, HostState h) {
    return Conditions.hold(ctx, scope, t, TaskVars.build(ctx, h, t, scope));
  }
}
