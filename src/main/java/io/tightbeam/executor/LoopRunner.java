package io.tightbeam.executor;

import io.tightbeam.module.Modules;
import io.tightbeam.playbook.Task;
import io.tightbeam.template.Literal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A looping task on one host: items run one after another, except where waiting can overlap
 * without changing what happens (async jobs with {@code poll > 0} are launched in turn and
 * polled together; {@code async_status} checks of all items share the poller's rounds). Item
 * outcomes are reported in item order; the registered result is Ansible's loop result.
 */
final class LoopRunner {
  private final HostTaskRunner runner;
  private final Task task;
  private final TaskHeader header;
  private final Keywords kw;
  private final HostState h;
  private final Map<String, Object> vars;
  private final boolean noLog;
  private final Scope scope;

  LoopRunner(HostTaskRunner runner, Task task, TaskHeader header, Keywords kw, HostState h,
      Map<String, Object> vars, boolean noLog, Scope scope) {
    this.scope = scope;
    this.runner = runner;
    this.task = task;
    this.header = header;
    this.kw = kw;
    this.h = h;
    this.vars = vars;
    this.noLog = noLog;
  }

  CompletableFuture<TaskDone> run(Object loopRaw) {
    PlayContext ctx = runner.context();
    List<Object> items;
    try {
      items = LoopItems.of(ctx.templar(), loopRaw, vars, task.action());
    } catch (io.tightbeam.template.TemplateException e) {
      // as Ansible: a loop over something undefined is no error when the task's conditions,
      // read without an item, are false (`loop: "{{ x }}"` with `when: x is defined`)
      if (e.isUndefined() && !Conditions.hold(ctx, scope, task, vars)) {
        return CompletableFuture.completedFuture(runner.finish(h, kw, vars, HostTaskRunner.skipResult(), null, noLog, null));
      }
      throw TaskErrors.inLoop(e);
    }
    if (items.isEmpty()) {
      Map<String, Object> none = new LinkedHashMap<>();
      none.put("changed", false);
      none.put("skipped", true);
      none.put("skipped_reason", "No items in the list");
      none.put("results", List.of());
      return CompletableFuture.completedFuture(runner.finish(h, kw, vars, none, null, noLog, false));
    }
    Map<String, Object> control = loopControl(ctx);
    String loopVar = String.valueOf(control.getOrDefault("loop_var", "item"));
    Object indexVar = control.get("index_var");
    boolean extended = Results.truthy(control.get("extended"));
    // Ansible sleeps a float number of seconds (pause: 0.6 is 600 ms)
    long pause = control.get("pause") == null ? 0
        : Math.round(Double.parseDouble(control.get("pause").toString()) * 1000);
    boolean overlap = pause == 0 && overlaps();
    List<CompletableFuture<Map<String, Object>>> results = new ArrayList<>();
    CompletableFuture<Void> previous = CompletableFuture.completedFuture(null);
    CompletableFuture<Void> shown = CompletableFuture.completedFuture(null);
    // set_fact and include_vars in a loop: each item sees the facts the items before it set.
    Map<String, Object> carried = new java.util.concurrent.ConcurrentHashMap<>();
    boolean carriesFacts = List.of("set_fact", "include_vars").contains(Modules.shortName(task.action()));
    java.util.concurrent.atomic.AtomicReference<Map<String, Object>> abort =
        new java.util.concurrent.atomic.AtomicReference<>();
    // group_by's items are shown on the result thread once their groups are made (DynamicInventory.group)
    boolean holdsItems = Modules.shortName(task.action()).equals("group_by");
    List<TaskDone> held = java.util.Collections.synchronizedList(new ArrayList<>());
    for (int i = 0; i < items.size(); i++) {
      Object item = items.get(i);
      int index = i;
      Map<String, Object> loopInfo = extended ? loopInfo(items, i, control) : null;
      java.util.function.Supplier<Map<String, Object>> itemVars = () -> {
        Map<String, Object> v = new LinkedHashMap<>(vars);
        v.putAll(carried);
        v.put(loopVar, new Literal(item));
        v.put("ansible_loop_var", loopVar);
        if (indexVar != null) {
          v.put(indexVar.toString(), index);
        }
        if (loopInfo != null) {
          v.put("ansible_loop", new Literal(loopInfo));
        }
        return v;
      };
      CompletableFuture<Void> gate = overlap ? CompletableFuture.completedFuture(null) : previous;
      if (!overlap && pause > 0 && i > 0) {
        gate = gate.thenCompose(x -> CompletableFuture.runAsync(() -> {}, CompletableFuture.delayedExecutor(pause, TimeUnit.MILLISECONDS)));
      }
      CompletableFuture<Map<String, Object>> result = gate
          .thenCompose(x -> abort.get() != null ? CompletableFuture.completedFuture(ABORTED)
              : runItem(itemVars.get()).handle((r, ex) -> aborted(r, ex, abort)))
          .thenApply(r -> {
            if (r == ABORTED) {
              return r;
            }
            if (carriesFacts && r.get("ansible_facts") instanceof Map<?, ?> facts && !Results.failed(r)) {
              facts.forEach((k, v) -> carried.put(String.valueOf(k), new Literal(v)));
            }
            return decorate(r, loopVar, item, indexVar, index, loopInfo);
          });
      results.add(result);
      previous = result.thenAccept(r -> {});
      Map<String, Object> labelVars = itemVars.get();
      Object label = label(control, labelVars, item);
      shown = shown.thenCombine(result, (x, r) -> {
        if (r == ABORTED) {
          return null;
        }
        TaskDone done = runner.finish(h, kw, labelVars, r, label, noLog, true);
        if (holdsItems) {
          held.add(done);
          return null;
        }
        // an item's diff shows by the task's own diff (its keyword, else --diff): Ansible's task
        // executor asks the task alone, so diff: false hides it even under --diff
        if (done.diff() && runner.taskDiff(kw, labelVars)) {
          ctx.listener().fileDiff(header, Censor.outcome(done));
        }
        ctx.listener().itemOutcome(header, Censor.outcome(done));
        return null;
      });
    }
    CompletableFuture<Void> all = CompletableFuture.allOf(results.toArray(CompletableFuture[]::new));
    return all.thenCombine(shown, (x, y) -> abort.get() != null ? abort.get() : aggregate(results))
        .thenApply(r -> runner.finish(h, kw, vars, r, null, noLog, true).holding(held));
  }

  private CompletableFuture<Map<String, Object>> runItem(Map<String, Object> itemVars) {
    PlayContext ctx = runner.context();
    // An item's when that cannot be evaluated fails the whole task (Ansible ends the loop there).
    // Blocks', imports' and roles' whens are the task's too, so they are read for each item.
    try {
      if (!Conditions.hold(ctx, scope, task, itemVars)) {
        return CompletableFuture.completedFuture(HostTaskRunner.skipResult());
      }
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(new HostTaskRunner.LoopAbort(HostTaskRunner.resultOf(e)));
    }
    return CompletableFuture.supplyAsync(() -> runner.attempts(task, header, kw, h, itemVars, 1), ctx.services().forks())
        .thenCompose(f -> f);
  }

  /** Marks an item that ended the loop, or came after one that did: neither is shown or kept. */
  private static final Map<String, Object> ABORTED = java.util.Collections.emptyMap();

  private static Map<String, Object> aborted(Map<String, Object> r, Throwable ex,
      java.util.concurrent.atomic.AtomicReference<Map<String, Object>> abort) {
    if (ex == null) {
      return r;
    }
    Throwable cause = ex instanceof java.util.concurrent.CompletionException && ex.getCause() != null
        ? ex.getCause() : ex;
    if (cause instanceof HostTaskRunner.LoopAbort a) {
      abort.compareAndSet(null, a.result);
      return ABORTED;
    }
    return HostTaskRunner.resultOf(cause);
  }

  /** Whether items may wait at the same time: status checks, or polled async jobs without until. */
  private boolean overlaps() {
    String action = Modules.shortName(task.action());
    if (action.equals("async_status")) {
      return true;
    }
    Object async = task.keywords().get("async");
    Object poll = task.keywords().get("poll");
    boolean asyncSet = async != null && !"0".equals(String.valueOf(async));
    boolean pollZero = poll != null && "0".equals(String.valueOf(poll));
    return asyncSet && !pollZero && !task.keywords().containsKey("until");
  }

  private Map<String, Object> loopControl(PlayContext ctx) {
    Object raw = task.keywords().get("loop_control");
    if (!(raw instanceof Map<?, ?> m)) {
      return Map.of();
    }
    Map<String, Object> out = new LinkedHashMap<>();
    m.forEach((k, v) -> out.put(String.valueOf(k), k.equals("label") ? v : ctx.templar().template(v, vars)));
    return out;
  }

  private Object label(Map<String, Object> control, Map<String, Object> itemVars, Object item) {
    Object label = control.get("label");
    if (label == null) {
      return item;
    }
    try {
      return runner.context().templar().template(label, itemVars);
    } catch (RuntimeException e) {
      return item;
    }
  }

  private static Map<String, Object> decorate(Map<String, Object> r, String loopVar, Object item,
      Object indexVar, int index, Map<String, Object> loopInfo) {
    Map<String, Object> out = new LinkedHashMap<>(r);
    out.put(loopVar, item);
    out.put("ansible_loop_var", loopVar);
    if (indexVar != null) {
      out.put(indexVar.toString(), index);
      out.put("ansible_index_var", indexVar.toString());
    }
    if (loopInfo != null) {
      out.put("ansible_loop", loopInfo);
    }
    return out;
  }

  /** loop_control's extended: the ansible_loop variable (without allitems when extended_allitems is false). */
  static Map<String, Object> loopInfo(List<Object> items, int i, Map<?, ?> control) {
    Map<String, Object> info = new LinkedHashMap<>();
    int n = items.size();
    Object allitems = control.get("extended_allitems");
    if (allitems == null || Results.truthy(allitems)) {
      info.put("allitems", items);
    }
    info.put("index", i + 1);
    info.put("index0", i);
    info.put("revindex", n - i);
    info.put("revindex0", n - i - 1);
    info.put("first", i == 0);
    info.put("last", i == n - 1);
    info.put("length", n);
    if (i > 0) {
      info.put("previtem", items.get(i - 1));
    }
    if (i < n - 1) {
      info.put("nextitem", items.get(i + 1));
    }
    return info;
  }

  private static Map<String, Object> aggregate(List<CompletableFuture<Map<String, Object>>> futures) {
    List<Object> results = new ArrayList<>();
    boolean changed = false;
    boolean failed = false;
    boolean allSkipped = !futures.isEmpty();
    boolean unreachable = false;
    for (CompletableFuture<Map<String, Object>> f : futures) {
      Map<String, Object> r = f.join();
      results.add(r);
      changed |= Results.changed(r);
      failed |= Results.truthy(r.get("failed")); // the flag, not failed_when_result: Ansible's aggregate
      unreachable |= Results.unreachable(r);
      allSkipped &= Results.skipped(r);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("changed", changed);
    if (failed) {
      out.put("failed", true);
    }
    if (unreachable) {
      out.put("unreachable", true);
    }
    out.put("msg", failed ? "One or more items failed" : allSkipped ? "All items skipped" : "All items completed");
    out.put("results", results);
    out.put("skipped", allSkipped);
    return out;
  }
}
