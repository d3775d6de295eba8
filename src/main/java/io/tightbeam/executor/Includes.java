package io.tightbeam.executor;

import io.tightbeam.playbook.Task;
import io.tightbeam.playbook.TaskItem;
import io.tightbeam.template.Literal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code include_tasks}: evaluated per host ({@code when}, {@code loop}, the file name may be
 * templated), announced as {@code included: <file> for <hosts>}, then the file's tasks run for the
 * hosts that included it, with the include's vars and loop item in scope.
 */
final class Includes {
  private final PlayContext ctx;
  private final LinearStrategy strategy;

  Includes(PlayContext ctx, LinearStrategy strategy) {
    this.ctx = ctx;
    this.strategy = strategy;
  }

  /** One inclusion: a file, for a host, with the item (if looping) that brought it in. */
  private record Entry(Path file, int index, Object item, String loopVar, Map<String, Object> extra) {}

  void run(Task t, Scope scope, List<HostState> hosts) {
    TaskHeader header = strategy.header(t, scope);
    ctx.listener().taskStart(header);
    strategy.hostsStart(t, scope, header, hosts);
    Map<HostState, List<Entry>> byHost = new LinkedHashMap<>();
    HostTaskRunner runner = strategy.runner();
    for (HostState h : hosts) {
      Keywords kw = new Keywords(ctx, t, scope);
      Map<String, Object> vars = TaskVars.build(ctx, h, t, scope);
      try {
        byHost.put(h, entries(t, scope, vars, header, h));
        if (byHost.get(h).isEmpty()) {
          strategy.report(header, runner.finish(h, kw, vars, HostTaskRunner.skipResult(), null, false, null));
        }
      } catch (MissingFile e) { // Ansible fails a file it cannot load with a reason, not a msg
        strategy.report(header, runner.finish(h, kw, vars, Results.of("failed", true, "reason", e.getMessage()), null, false, null));
      } catch (RuntimeException e) {
        strategy.report(header, runner.finish(h, kw, vars, HostTaskRunner.resultOf(e), null, false, null));
      }
    }
    AnyErrorsFatal.check(ctx, t, scope, hosts, strategy); // a failed include ends the play before any host runs its tasks
    List<Entry> order = new ArrayList<>();
    byHost.values().forEach(list -> list.forEach(e -> {
      if (order.stream().noneMatch(o -> same(o, e))) {
        order.add(e);
      }
    }));
    // Ansible reads each file before it announces it; one that is no task list fails its hosts with a reason.
    Map<Entry, List<TaskItem>> loaded = new LinkedHashMap<>();
    for (Entry e : order) {
      List<HostState> who = hostsOf(byHost, e);
      try {
        loaded.put(e, ctx.services().parser().parseTaskFile(e.file()));
      } catch (io.tightbeam.yaml.InputException bad) {
        if (!bad.diagnostics().get(0).summary().equals(io.tightbeam.playbook.PlaybookParser.NOT_A_TASK_LIST)) {
          throw bad; // Ansible ends the run on a parse error in an included file, but not on this one
        }
        for (HostState h : who) {
          Map<String, Object> vars = TaskVars.build(ctx, h, t, scope);
          strategy.report(header, runner.finish(h, new Keywords(ctx, t, scope), vars,
              Results.of("failed", true, "reason", bad.diagnostics().get(0).summary()), null, false, null));
        }
        continue;
      }
      who.forEach(h -> ctx.stats().count(new HostOutcome.Ok(h.name(), Map.of("changed", false), null, false), false));
      ctx.listener().included(header, e.file().toString(), who.stream().map(HostState::name).toList(), e.item());
    }
    byHost.keySet().removeIf(h -> !h.active());
    loaded.forEach((e, tasks) -> {
      List<HostState> who = new ArrayList<>();
      Map<String, Map<String, Object>> perHost = new LinkedHashMap<>();
      byHost.forEach((h, list) -> list.stream().filter(x -> same(x, e)).findFirst().ifPresent(x -> {
        who.add(h);
        perHost.put(h.name(), x.extra());
      }));
      strategy.run(tasks, scope.enterInclude(t, perHost), who);
    });
  }

  private static List<HostState> hostsOf(Map<HostState, List<Entry>> byHost, Entry e) {
    List<HostState> who = new ArrayList<>();
    byHost.forEach((h, list) -> {
      if (list.stream().anyMatch(x -> same(x, e))) {
        who.add(h);
      }
    });
    return who;
  }

  private static boolean same(Entry a, Entry b) {
    return a.file().equals(b.file()) && a.index() == b.index() && Objects.equals(a.item(), b.item());
  }

  private List<Entry> entries(Task t, Scope scope, Map<String, Object> vars, TaskHeader header, HostState h) {
    Object loopRaw = HostTaskRunner.loopExpression(t);
    List<Entry> out = new ArrayList<>();
    if (loopRaw == null) {
      if (!Conditions.hold(ctx, scope, t, vars)) {
        return List.of();
      }
      out.add(new Entry(file(t, scope, vars), 0, null, null, params(t, vars)));
      return out;
    }
    Map<?, ?> control = t.keywords().get("loop_control") instanceof Map<?, ?> m ? m : Map.of();
    // loop_control is templated like the other keywords: loop_var: "{{ name }}" names the variable
    String loopVar = String.valueOf(control.get("loop_var") == null ? "item"
        : ctx.templar().template(control.get("loop_var"), vars));
    List<Object> items;
    try {
      items = LoopItems.of(ctx.templar(), loopRaw, vars, t.action());
    } catch (io.tightbeam.template.TemplateException e) {
      // as for other loops (LoopRunner): undefined items are no error when the conditions are false
      if (e.isUndefined() && !Conditions.hold(ctx, scope, t, vars)) {
        return out;
      }
      throw e;
    }
    for (int i = 0; i < items.size(); i++) {
      Map<String, Object> itemVars = new LinkedHashMap<>(vars);
      itemVars.put(loopVar, new Literal(items.get(i)));
      if (!Conditions.hold(ctx, scope, t, itemVars)) {
        Map<String, Object> skipped = HostTaskRunner.skipResult();
        skipped.put(loopVar, items.get(i));
        skipped.put("ansible_loop_var", loopVar);
        ctx.listener().itemOutcome(header, new HostOutcome.Skipped(h.name(), skipped, items.get(i), true));
        continue;
      }
      Map<String, Object> extra = params(t, itemVars);
      extra.put(loopVar, new Literal(items.get(i)));
      // Ansible names ansible_loop_var in the include's result only, not to the included tasks
      if (control.get("index_var") != null) {
        extra.put(control.get("index_var").toString(), i);
      }
      if (control.get("extended") != null
          && Results.truthy(ctx.templar().template(control.get("extended"), itemVars))) {
        extra.put("ansible_loop", new Literal(LoopRunner.loopInfo(items, i, control)));
      }
      out.add(new Entry(file(t, scope, itemVars), i, items.get(i), loopVar, extra));
    }
    return out;
  }

  /** Include parameters ({@code k=v} args other than the file) become variables of the included tasks. */
  private Map<String, Object> params(Task t, Map<String, Object> vars) {
    Map<String, Object> p = new LinkedHashMap<>();
    t.args().forEach((k, v) -> {
      if (!k.equals("_raw_params") && !k.equals("file") && !k.equals("apply")) {
        p.put(k, ctx.templar().template(v, vars));
      }
    });
    return p;
  }

  private Path file(Task t, Scope scope, Map<String, Object> vars) {
    Object raw = t.args().containsKey("file") ? t.args().get("file") : t.args().get("_raw_params");
    if (raw == null) {
      throw new IllegalArgumentException("No file specified for " + t.action());
    }
    String name = String.valueOf(ctx.templar().template(raw, vars)).trim();
    SearchPath search = new Keywords(ctx, t, scope).searchPath();
    return search.find("tasks", name).orElseThrow(() -> {
      Path shown = (scope.role() != null ? scope.role().path().resolve("tasks") : t.baseDir()).resolve(name).normalize();
      return new MissingFile("Could not find or access '" + shown + "' on the Ansible Controller.");
    });
  }

  /** An included file that is not there. */
  private static final class MissingFile extends IllegalArgumentException {
    MissingFile(String message) {
      super(message);
    }
  }
}
