package io.tightbeam.executor;

import io.tightbeam.module.Modules;
import io.tightbeam.playbook.Block;
import io.tightbeam.playbook.Task;
import io.tightbeam.playbook.TaskItem;
import io.tightbeam.template.Literal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Ansible's linear strategy: every host of the batch finishes a task before any host starts the
 * next. Blocks run their rescue for the hosts that failed and their always for all; dynamic
 * includes are expanded per host and their tasks run for the hosts that included them.
 */
final class LinearStrategy {
  private final PlayContext ctx;
  private final HostTaskRunner runner;
  private final Handlers handlers;
  private final TagSelection tags;
  private final Roles roles;
  private boolean startReached;
  private boolean recovering;
  private int alwaysAhead;

  LinearStrategy(PlayContext ctx, Handlers handlers) {
    this.ctx = ctx;
    this.runner = new HostTaskRunner(ctx);
    this.handlers = handlers;
    this.tags = new TagSelection(ctx.options().tags(), ctx.options().skipTags());
    this.roles = new Roles(ctx, this, handlers);
    this.startReached = ctx.options().startAtTask() == null;
  }

  void run(List<TaskItem> items, Scope scope, List<HostState> hosts) {
    for (TaskItem item : items) {
      List<HostState> active = hosts.stream().filter(HostState::active).toList();
      if (active.isEmpty() || ctx.play() == null) {
        return;
      }
      if (item instanceof Block b) {
        runBlock(b, scope, active);
      } else if (item instanceof Task t) {
        runTaskItem(t, scope, active);
      }
    }
  }

  private void runTaskItem(Task t, Scope scope, List<HostState> hosts) {
    List<String> taskTags = new ArrayList<>(scope.tags());
    taskTags.addAll(TagSelection.tagsOf(t.keywords().get("tags")));
    if (!tags.runs(TagSelection.resolved(taskTags, ctx.templar(), playAndExtraVars()))) {
      return;
    }
    if (!startReached) {
      if (!ctx.options().startAtTask().equals(t.name())) {
        return;
      }
      startReached = true;
    }
    dispatch(t, scope, hosts);
  }

  /** Runs a task, or the include, meta or role it stands for (a notified handler comes here). */
  void dispatch(Task given, Scope scope, List<HostState> hosts) {
    Task t = withTemplatedAction(given, scope, hosts);
    String action = Modules.shortName(t.action());
    switch (action) {
      case "include_tasks", "include", "import_tasks" -> new Includes(ctx, this).run(t, scope, hosts);
      case "meta" -> new Meta(ctx, this, handlers).run(t, scope, hosts);
      case "include_role", "import_role" -> roles.include(t, scope, hosts);
      default -> runTask(t, given, scope, hosts, given.name() != null && !given.name().isBlank());
    }
  }

  /**
   * The task with its action templated when written as a template ({@code {{ prefix }}file}), with
   * the first host's task variables (a role's vars name modules too); its header keeps the action
   * as written, as Ansible's does.
   */
  private Task withTemplatedAction(Task t, Scope scope, List<HostState> hosts) {
    if (!Keywords.isTemplated(t.action())) {
      return t;
    }
    Map<String, Object> vars;
    if (hosts.isEmpty()) {
      vars = playAndExtraVars();
    } else {
      vars = TaskVars.build(ctx, hosts.get(0), t, scope);
    }
    String action = String.valueOf(ctx.templar().template(t.action(), vars)).strip();
    Map<String, Object> keywords = new LinkedHashMap<>(t.keywords());
    keywords.putIfAbsent("name", t.action());
    return new Task(action, t.args(), keywords, t.baseDir(), t.pos());
  }

  private Map<String, Object> playAndExtraVars() {
    Map<String, Object> vars = new LinkedHashMap<>(ctx.playVars());
    vars.putAll(ctx.options().extraVars());
    return vars;
  }

  /**
   * Controller actions that do no I/O: Ansible's workers start hosts in inventory order and these
   * end at once, so its lines come in host order; here they finished in either order on the fork
   * pool (SemanticsIT any_errors_fatal swapped two hosts' debug lines in 2 runs of 5). Their results
   * are applied in host order; everything else as hosts finish, as Ansible shows them.
   */
  private static final java.util.Set<String> INSTANT =
      java.util.Set.of("debug", "set_fact", "assert", "fail", "include_vars", "group_by", "set_stats", "meta");

  /** Runs one task on every host, applying the results on the result thread as hosts finish. */
  void runTask(Task t, Scope scope, List<HostState> hosts) {
    runTask(t, t, scope, hosts, true);
  }

  /** As {@link #runTask(Task, Scope, List)}; {@code named}: the task has a name of its own (not its action). */
  private void runTask(Task t, Task given, Scope scope, List<HostState> hosts, boolean named) {
    TaskHeader header = header(t, scope, named && !hosts.isEmpty() ? hosts.get(0) : null);
    ctx.listener().taskStart(header);
    List<HostState> targets = hosts;
    boolean bypass = ctx.services().modules().action(t.action()).map(a -> a.bypassHostLoop()).orElse(false);
    if ((bypass || Results.truthy(new Keywords(ctx, t, scope).raw("run_once"))) && !hosts.isEmpty()) {
      targets = List.of(hosts.get(0));
    }
    hostsStart(t, scope, header, targets);
    int throttle = throttle(t, scope);
    boolean inHostOrder = ctx.services().modules().action(t.action()).map(a -> INSTANT.contains(a.name())).orElse(false);
    CompletableFuture<Void> previous = CompletableFuture.completedFuture(null);
    List<CompletableFuture<Void>> applied = new ArrayList<>();
    List<CompletableFuture<Void>> running = new ArrayList<>();
    for (HostState h : targets) {
      // throttle: at most N hosts run this task at once; the next starts when one is done. The
      // done ones are dropped before waiting: anyOf() of no future never completes, and filtering
      // while hosts finished made an empty one (the run then stalled for good, seen in CI).
      running.removeIf(CompletableFuture::isDone);
      if (throttle > 0 && running.size() >= throttle) {
        CompletableFuture.anyOf(running.toArray(CompletableFuture[]::new)).join();
        running.removeIf(CompletableFuture::isDone);
      }
      // a templated action is each host's own (Ansible templates it per host: target strategy_linear)
      Task own = given == t || h == targets.get(0) ? t : withTemplatedAction(given, scope, List.of(h));
      // the result shows as its host's module's (debug's msg, ping's nothing), under the one banner
      TaskHeader shown = own == t ? header : header.acting(own.action());
      CompletableFuture<TaskDone> result = runner.run(own, shown, scope, h);
      CompletableFuture<Void> one = inHostOrder
          ? previous.thenAcceptBothAsync(result, (before, done) -> apply(own, scope, shown, done, hosts), ctx.services().resultThread())
          : result.thenAcceptAsync(done -> apply(own, scope, shown, done, hosts), ctx.services().resultThread());
      previous = one;
      applied.add(one);
      running.add(one);
    }
    CompletableFuture.allOf(applied.toArray(CompletableFuture[]::new)).join();
    AnyErrorsFatal.check(ctx, t, scope, hosts, this);
  }

  /** Reports a host's outcome of a task the strategy itself carries out (an include), on the result thread. */
  void report(TaskHeader header, TaskDone done) {
    CompletableFuture.runAsync(() -> {
      ctx.stats().count(done.outcome(), false);
      done.warnings().forEach(ctx.listener()::warning);
      ctx.listener().taskOutcome(header, done.outcome());
      if (done.outcome() instanceof HostOutcome.Failed f && !f.ignored()) {
        done.host().failed = true;
      }
    }, ctx.services().resultThread()).join();
  }

  private int throttle(Task t, Scope scope) {
    Object raw = new Keywords(ctx, t, scope).raw("throttle");
    if (raw == null) {
      return 0;
    }
    try {
      return Integer.parseInt(String.valueOf(ctx.templar().template(raw, ctx.playVars())).trim());
    } catch (NumberFormatException e) {
      throw new io.tightbeam.yaml.InputException(io.tightbeam.yaml.Diagnostic.at(t.pos(),
          "the field 'throttle' has an invalid value (" + raw + "), and could not be converted to an int"));
    }
  }

  static String badRegister(String name) {
    return "Invalid variable name in 'register' specified: '" + name + "'";
  }

  TaskHeader header(Task t, Scope scope) {
    return header(t, scope, null);
  }

  /**
   * The task's banner. Its name is templated as Ansible's linear strategy does: with the variables
   * of the first host it runs on (registered values too), else the play's; raw when that fails.
   */
  TaskHeader header(Task t, Scope scope, HostState first) {
    String name = t.name();
    if (name == null || name.isBlank()) {
      name = t.action();
    } else if (Keywords.isTemplated(name)) {
      try {
        Map<String, Object> vars = first == null ? ctx.playVars() : TaskVars.build(ctx, first, t, scope);
        name = String.valueOf(ctx.templar().template(name, vars));
      } catch (RuntimeException e) {
        // Ansible shows the raw name when it cannot be templated
      }
    }
    if (scope.role() != null) {
      name = scope.role().name() + " : " + name;
    }
    return new TaskHeader(name, Modules.shortName(t.action()), scope.handler(), t.pos(), lazyBanners(),
        checkMode(t, scope));
  }

  /**
   * The task's check mode as the callback's markers show it: Ansible shows the task before its
   * fields are templated, so the nearest check_mode as written counts by its truth ("{{ false }}"
   * is a non-empty text), else --check.
   */
  private boolean checkMode(Task t, Scope scope) {
    Object raw = new Keywords(ctx, t, scope).raw("check_mode");
    if (raw == null) {
      raw = ctx.play().keywords().get("check_mode");
    }
    return raw == null ? ctx.options().check() : io.tightbeam.py.Py.truthy(raw);
  }

  /**
   * Tells the output that each host starts the task ({@code show_per_host_start}): {@code TASK:}
   * or {@code HANDLER:} and the name as written (a role's prefixed), as Ansible's task repr.
   */
  void hostsStart(Task t, Scope scope, TaskHeader header, List<HostState> hosts) {
    String name = t.name() == null || t.name().isBlank() ? t.action() : t.name();
    if (scope.role() != null) {
      name = scope.role().name() + " : " + name;
    }
    String started = (scope.handler() ? "HANDLER: " : "TASK: ") + name;
    hosts.forEach(h -> ctx.listener().hostStart(header, started, h.name()));
  }

  /** Whether the play's strategy is free or host_pinned, whose banners Ansible shows lazily. */
  private boolean lazyBanners() {
    return PlayStrategy.lazyBanners(PlayStrategy.of(ctx.services(), ctx.play(), ctx.playVars()));
  }

  /** On the result thread: register, facts, notify, stats, output, host state. */
  private void apply(Task t, Scope scope, TaskHeader header, TaskDone done, List<HostState> all) {
    HostState h = done.host();
    Map<String, Object> r = done.result();
    if (!t.keywords().containsKey("changed_when")) { // Ansible's changed_when has the last word
      DynamicInventory.group(ctx, h, r); // the outcome shows this same result
    }
    Object register = t.keywords().get("register");
    boolean runOnce = Results.truthy(new Keywords(ctx, t, scope).raw("run_once"));
    List<HostState> receivers = runOnce ? all : List.of(h);
    // Ansible wraps a registered result as unsafe, except set_fact's and include_vars' (its
    // "clean facts" actions): their facts stay plain text (targets set_fact, include_vars).
    String shortAction = Modules.shortName(t.action());
    boolean unsafe = !shortAction.equals("set_fact") && !shortAction.equals("include_vars");
    Map<String, Object> kept = register == null ? null : Results.registered(r, unsafe);
    for (HostState receiver : receivers) {
      if (register != null) {
        receiver.setFacts.put(register.toString(), new Literal(kept));
      }
      if (Facts.apply(Modules.shortName(t.action()), r, receiver, ctx.services().inventory().hash())) {
        ctx.services().factCache().save(receiver.name(), receiver.facts);
      }
    }
    DynamicInventory.refresh(ctx, h, r);
    Object notify = new Keywords(ctx, t, scope).raw("notify"); // a block's notify is its tasks'
    if (Results.changed(r) && !Results.failed(r) && notify != null) {
      handlers.notify(notify, h, ctx.templar())
          .forEach(name -> ctx.listener().verbose(2, "NOTIFIED HANDLER " + name + " for " + h.name()));
    }
    HostOutcome shown = Censor.outcome(done);
    boolean rescuing = scope.rescuable() && shown instanceof HostOutcome.Failed f && !f.ignored();
    ctx.stats().count(shown, rescuing);
    done.warnings().forEach(ctx.listener()::warning);
    if (done.diff()) {
      ctx.listener().fileDiff(header, shown);
    }
    done.heldItems().forEach(item -> ctx.listener().itemOutcome(header, Censor.outcome(item)));
    ctx.listener().taskOutcome(header, shown);
    if (register instanceof String name && Keywords.isTemplated(name)) {
      // Ansible's result processing refuses the name too, which ends the run (exit code 1)
      throw new io.tightbeam.yaml.InputException(
          List.of(new io.tightbeam.yaml.Diagnostic(badRegister(name), "", null)), 1);
    }
    if (shown instanceof HostOutcome.Failed f && !f.ignored()) {
      h.failed = true;
      h.lastFailedTask = t;
      h.lastFailedResult = r;
    } else if (shown instanceof HostOutcome.Unreachable u && !u.ignored()) {
      h.unreachable = true;
    }
  }

  private void runBlock(Block b, Scope scope, List<HostState> hosts) {
    boolean hasRescue = !b.rescue().isEmpty();
    Scope inner = scope.enterBlock(b).rescuable(hasRescue || scope.rescuable());
    int ahead = b.always().isEmpty() ? 0 : 1; // for the block's tasks and its rescue
    alwaysAhead += ahead;
    run(b.block(), inner, hosts); // an outer block's rescue also catches a nested block's failure
    List<HostState> failed = hosts.stream().filter(h -> h.failed).toList();
    if (hasRescue && !failed.isEmpty()) {
      Map<String, Map<String, Object>> failVars = new LinkedHashMap<>();
      for (HostState h : failed) {
        h.failed = false;
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("ansible_failed_result", new Literal(h.lastFailedResult));
        v.put("ansible_failed_task", new Literal(Map.of("name", h.lastFailedTask == null || h.lastFailedTask.name() == null ? "" : h.lastFailedTask.name(),
            "action", h.lastFailedTask == null ? "" : h.lastFailedTask.action())));
        failVars.put(h.name(), v);
      }
      Scope rescueScope = new Scope(inner.vars(), inner.whens(), inner.keywords(), inner.tags(),
          merge(inner.hostVars(), failVars), inner.params(), inner.handler(), scope.rescuable(), inner.role());
      boolean was = recovering;
      recovering = was || !b.always().isEmpty();
      run(b.rescue(), rescueScope, failed);
      recovering = was;
      failed = failed.stream().filter(h -> h.failed).toList(); // a failed rescue still runs always
    }
    alwaysAhead -= ahead;
    if (!b.always().isEmpty()) {
      List<HostState> stillFailed = failed;
      Map<HostState, Integer> clears = new java.util.HashMap<>();
      stillFailed.forEach(h -> {
        h.failed = false;
        clears.put(h, h.errorClears);
      });
      boolean was = recovering;
      recovering = true;
      run(b.always(), inner.rescuable(scope.rescuable()), hosts.stream().filter(h -> !h.unreachable && !h.ended).toList());
      recovering = was;
      stillFailed.forEach(h -> h.failed = h.errorClears == clears.get(h));
    }
  }

  private static Map<String, Map<String, Object>> merge(
      Map<String, Map<String, Object>> a, Map<String, Map<String, Object>> b) {
    Map<String, Map<String, Object>> out = new LinkedHashMap<>(a);
    b.forEach((k, v) -> {
      Map<String, Object> m = new LinkedHashMap<>(out.getOrDefault(k, Map.of()));
      m.putAll(v);
      out.put(k, m);
    });
    return out;
  }

  /** Whether the current task runs in a rescue (of a block with an always) or an always. */
  boolean recovering() {
    return recovering;
  }

  /** Whether a block around the current task has an always section still to run. */
  boolean alwaysAhead() {
    return alwaysAhead > 0;
  }

  Roles roles() {
    return roles;
  }

  HostTaskRunner runner() {
    return runner;
  }
}
