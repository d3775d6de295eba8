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
    if (!ACTIONS.contains(what)) {
      throw new io.tightbeam.yaml.InputException(
          List.of(io.tightbeam.yaml.Diagnostic.at(t.pos(), "invalid meta action requested: " + what)), 1);
    }
    if (what.equals("role_complete")) {
      return;
    }
    // Ansible announces every meta task. Its linear strategy runs end_host and flush_handlers for
    // each host and the others once, for the first host; noop, refresh_inventory and
    // reset_connection ignore when. A false when shows the host as skipped (not counted).
    TaskHeader header = strategy.header(t, scope);
    ctx.listener().taskStart(header);
    boolean perHost = what.equals("end_host") || what.equals("flush_handlers");
    List<HostState> asked = perHost || hosts.isEmpty() ? hosts : List.of(hosts.get(0));
    boolean conditional = !List.of("noop", "refresh_inventory", "reset_connection").contains(what);
    List<HostState> agreed = new java.util.ArrayList<>();
    for (HostState h : asked) {
      if (!conditional && t.keywords().containsKey("when")) {
        ctx.listener().warning(what + " task does not support when conditional");
      }
      if (!conditional || when(t, scope, h)) {
        agreed.add(h);
        ctx.listener().verbose(2, "META: " + done(what, h));
      } else {
        String reason = skipped(what, h);
        ctx.listener().verbose(2, "META: " + reason);
        String msg = what.equals("end_host") ? reason.replace("evaluated to False", "evaluated to false") : what;
        ctx.listener().taskOutcome(header, new HostOutcome.Skipped(h.name(),
            Results.of("msg", msg, "skip_reason", reason, "skipped", true), null, false));
      }
    }
    if (agreed.isEmpty()) {
      return;
    }
    switch (what) {
      case "flush_handlers" -> handlers.flush(strategy, ctx);
      case "end_play" -> ctx.hosts().values().forEach(h -> h.ended = true);
      case "end_batch" -> ctx.batch().forEach(n -> ctx.hosts().get(n).ended = true); // the next batch runs
      case "end_host" -> agreed.forEach(h -> h.ended = true);
      case "clear_facts" -> hosts.forEach(h -> h.facts.clear());
      case "clear_host_errors" -> {
        boolean rejoined = ctx.hosts().values().stream().anyMatch(h -> (h.failed || h.unreachable) && !hosts.contains(h));
        ctx.hosts().values().forEach(h -> {
          h.failed = false;
          h.unreachable = false; // Ansible forgets unreachable hosts too: the next play tries them again
          h.errorClears++;
        });
        if (rejoined) { // the hosts it brought back run this meta task too, announced once more
          ctx.listener().taskStart(header);
        }
      }
      case "refresh_inventory" -> refreshInventory(ctx);
      default -> { } // noop, reset_connection
    }
  }

  /** The inventory read again; every host's state so far takes its new groups and inventory vars. */
  private static void refreshInventory(PlayContext ctx) {
    io.tightbeam.inventory.Inventory inventory = ctx.services().inventory();
    inventory.refresh();
    java.util.Set<HostState> states = new java.util.LinkedHashSet<>(ctx.known().values());
    states.addAll(ctx.hosts().values());
    for (HostState h : states) {
      inventory.host(h.name()).ifPresent(host ->
          h.refresh(host, inventory.hostVars(host, ctx.services().playbookDir())));
    }
    // a play host the sources no longer have runs none of the play's later tasks (Ansible's
    // strategy takes the batch's hosts from the inventory before each task: target meta_tasks)
    ctx.hosts().values().stream().filter(h -> inventory.host(h.name()).isEmpty()).forEach(h -> h.ended = true);
  }

  private static String done(String what, HostState h) {
    return switch (what) {
      case "flush_handlers" -> "triggered running handlers for " + h.name();
      case "refresh_inventory" -> "inventory successfully refreshed";
      case "clear_facts" -> "facts cleared";
      case "clear_host_errors" -> "cleared host errors";
      case "end_play" -> "ending play";
      case "end_batch" -> "ending batch";
      case "end_host" -> "ending play for " + h.name();
      case "reset_connection" -> "reset connection";
      default -> what;
    };
  }

  private static String skipped(String what, HostState h) {
    String because = what + " conditional evaluated to False, ";
    return because + switch (what) {
      case "flush_handlers" -> "not running handlers for " + h.name();
      case "clear_facts" -> "not clearing facts and fact cache for " + h.name();
      case "clear_host_errors" -> "not clearing host error state for " + h.name();
      case "end_play" -> "continuing play";
      case "end_batch" -> "continuing current batch";
      default -> "continuing execution for " + h.name();
    };
  }

  private boolean when(Task t, Scope scope, HostState h) {
    return Conditions.hold(ctx, scope, t, TaskVars.build(ctx, h, t, scope));
  }
}
