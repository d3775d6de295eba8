package io.tightbeam.executor;

import io.tightbeam.connection.ConnectionException;
import io.tightbeam.module.ModuleArgumentException;
import io.tightbeam.playbook.Task;
import io.tightbeam.template.Literal;
import io.tightbeam.template.TemplateException;
import io.tightbeam.vault.VaultException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/**
 * One task on one host, as a pipeline: {@code when} → loop → action (with {@code
 * until}/{@code retries}) → {@code changed_when}/{@code failed_when} → one {@link TaskDone}.
 * Work runs on the fork pool; waits (async polls, retry delays) hold no thread.
 */
final class HostTaskRunner {
  private final PlayContext ctx;
  private final ActionRunner actions;

  HostTaskRunner(PlayContext ctx) {
    this.ctx = ctx;
    this.actions = new ActionRunner(ctx);
  }

  CompletableFuture<TaskDone> run(Task task, TaskHeader header, Scope scope, HostState h) {
    Keywords kw = new Keywords(ctx, task, scope);
    return CompletableFuture.supplyAsync(() -> {
      CompletableFuture<TaskDone> done = start(task, header, scope, kw, h);
      // the templating done on this fork thread before the task went asynchronous (when, args)
      List<String> early = ctx.templar().drainWarnings();
      return done.thenApply(d -> d.after(early));
    }, ctx.services().forks())
        .thenCompose(f -> f)
        .exceptionally(e -> finish(h, kw, null, resultOf(e), null, false, null));
  }

  private CompletableFuture<TaskDone> start(Task task, TaskHeader header, Scope scope, Keywords kw, HostState h) {
    Map<String, Object> vars = TaskVars.build(ctx, h, task, scope);
    if (task.keywords().get("register") instanceof String register && Keywords.isTemplated(register)) {
      // register is a static keyword: Ansible warns, keeps it as written, and that is no name
      ctx.templar().warn("\"register\" is not templatable, but we found: " + register
          + ", it will not be templated and will be used \"as is\".");
      return CompletableFuture.completedFuture(finish(h, kw, vars,
          Results.failure(LinearStrategy.badRegister(register)), null, false, null));
    }
    boolean noLog;
    try {
      noLog = Censor.noLog(ctx, kw, vars);
    } catch (RuntimeException e) {
      // When in doubt, censor: a no_log that is not a boolean fails the task and shows nothing.
      return CompletableFuture.completedFuture(finish(h, kw, vars, resultOf(e), null, true, null));
    }
    try {
      kw.bool("any_errors_fatal", vars, false);
      kw.bool("become", vars, false);
      kw.integer("timeout", "timeout", vars, 0);
    } catch (RuntimeException e) {
      return CompletableFuture.completedFuture(finish(h, kw, vars, resultOf(e), null, noLog, null));
    }
    CompletableFuture<TaskDone> done;
    try {
      done = pipeline(task, header, scope, kw, h, vars, noLog);
    } catch (RuntimeException e) {
      done = CompletableFuture.failedFuture(e);
    }
    // A when or loop that cannot be evaluated fails the task, and ignore_errors covers it.
    return done.exceptionally(e -> finish(h, kw, vars, resultOf(e), null, noLog, null));
  }

  private CompletableFuture<TaskDone> pipeline(Task task, TaskHeader header, Scope scope, Keywords kw, HostState h,
      Map<String, Object> vars, boolean noLog) {
    Object loopRaw = loopExpression(task);
    if (loopRaw == null) {
      if (!Conditions.hold(ctx, scope, task, vars)) {
        return CompletableFuture.completedFuture(finish(h, kw, vars, skipResult(), null, noLog, null));
      }
      // (a LoopAbort here comes from tasks included by a loop: it is this task's failure)
      return attempts(task, header, kw, h, vars, 1).exceptionally(HostTaskRunner::resultOf)
          .thenApply(r -> finish(h, kw, vars, r, null, noLog, null));
    }
    try {
      return new LoopRunner(this, task, header, kw, h, vars, noLog, scope).run(loopRaw);
    } catch (RuntimeException e) { // the loop's items could not be templated: ignore_errors applies
      Map<String, Object> result = resultOf(e);
      if (e.getCause() instanceof io.tightbeam.template.TemplateException t && t.isUndefined()
          && task.keywords().containsKey("when") && !whenHoldsWithoutItem(task, vars)) {
        // Ansible keeps an undefined loop for after the task's when, which may skip the task.
        result = skipResult();
      }
      return CompletableFuture.completedFuture(finish(h, kw, vars, result, null, noLog, null));
    }
  }

  private boolean whenHoldsWithoutItem(Task task, Map<String, Object> vars) {
    try {
      return ctx.templar().isTrue(task.keywords().get("when"), vars);
    } catch (RuntimeException e) { // the when needs the item: the loop's own error stands
      return true;
    }
  }

  /** Runs the action, then until/retries; completes with the final result of this (item) run. */
  CompletableFuture<Map<String, Object>> attempts(
      Task task, TaskHeader header, Keywords kw, HostState h, Map<String, Object> vars, int attempt) {
    CompletableFuture<Map<String, Object>> once =
        attempt == 1
            ? safeExecute(task, header, kw, h, vars)
            : CompletableFuture.supplyAsync(() -> safeExecute(task, header, kw, h, vars), ctx.services().forks())
                .thenCompose(f -> f);
    return once.thenCompose(r -> afterAttempt(task, header, kw, h, vars, attempt, r));
  }

  /**
   * The result's key for the warnings of templating done where the module's reply arrived
   * (changed_when, failed_when, until): that thread need not be the one that finishes the task.
   */
  private static final String WARNINGS = "_tightbeam_template_warnings";

  private CompletableFuture<Map<String, Object>> afterAttempt(
      Task task, TaskHeader header, Keywords kw, HostState h, Map<String, Object> vars, int attempt,
      Map<String, Object> raw) {
    CompletableFuture<Map<String, Object>> next = checked(task, header, kw, h, vars, attempt, raw);
    List<String> warnings = ctx.templar().drainWarnings();
    return warnings.isEmpty() ? next : next.thenApply(r -> {
      Map<String, Object> out = new LinkedHashMap<>(r);
      List<Object> all = new ArrayList<>(warnings);
      if (r.get(WARNINGS) instanceof List<?> later) {
        all.addAll(later);
      }
      out.put(WARNINGS, all);
      return out;
    });
  }

  private CompletableFuture<Map<String, Object>> checked(
      Task task, TaskHeader header, Keywords kw, HostState h, Map<String, Object> vars, int attempt,
      Map<String, Object> raw) {
    Map<String, Object> r = new LinkedHashMap<>(raw);
    if (r.remove(Results.FINAL) != null) {
      if (!vars.containsKey("ansible_loop_var")) {
        r.putIfAbsent("changed", false); // TaskExecutor.run adds it to a task's result, not to an item's
      }
      return CompletableFuture.completedFuture(r);
    }
    try {
      if (!Results.unreachable(r)) {
        Results.completeFlags(r);
      }
      Object until = task.keywords().get("until");
      if (until != null && !Results.unreachable(r)) {
        r.put("attempts", attempt); // before changed_when/failed_when, which may read it
      }
      postProcess(task, r, vars);
      if (until == null || Results.unreachable(r)) {
        return CompletableFuture.completedFuture(r);
      }
      int retries = safeInt(kw, "retries", vars, 3);
      if (retries <= 0) { // Ansible makes one attempt and never evaluates until
        return CompletableFuture.completedFuture(r);
      }
      int delay = Math.max(0, safeInt(kw, "delay", vars, 5));
      if (ctx.templar().isTrue(until, withRegistered(task, vars, r))) {
        return CompletableFuture.completedFuture(r);
      }
      if (attempt > retries) {
        r.put("attempts", retries);
        r.put("failed", true);
        return CompletableFuture.completedFuture(r);
      }
      r.put("retries", retries + 1); // Ansible's count of attempts, shown in the retry line's result
      ctx.listener().retrying(header, h.name(), retries + 1 - attempt, r);
      return CompletableFuture.supplyAsync(() -> null, CompletableFuture.delayedExecutor(delay, TimeUnit.SECONDS))
          .thenCompose(x -> attempts(task, header, kw, h, vars, attempt + 1));
    } catch (RuntimeException e) {
      return CompletableFuture.completedFuture(resultOf(e));
    }
  }

  /**
   * changed_when and failed_when, with the registered name bound to the result. A condition that
   * cannot be evaluated fails the task but keeps the module's result, with the error as its
   * {@code changed_when_result}/{@code failed_when_result}, as ansible-playbook 2.14 does.
   */
  private void postProcess(Task task, Map<String, Object> r, Map<String, Object> vars) {
    Map<String, Object> kw = task.keywords();
    if (Results.unreachable(r) || r.containsKey("skipped")) {
      return;
    }
    String name = "changed_when";
    try {
      if (kw.containsKey(name)) {
        r.put("changed", evaluate(task, name, r, vars));
      }
      name = "failed_when";
      if (kw.containsKey(name)) {
        boolean failed = evaluate(task, name, r, vars);
        r.put("failed_when_result", failed);
        r.put("failed", failed);
      }
    } catch (ConditionError e) {
      r.put("failed", true);
      r.put(name + "_result", e.getMessage());
    }
  }

  private boolean evaluate(Task task, String keyword, Map<String, Object> r, Map<String, Object> vars) {
    Object cond = task.keywords().get(keyword);
    Map<String, Object> v = withRegistered(task, vars, r);
    for (Object c : cond instanceof List<?> all ? all : List.of(cond)) {
      try {
        if (!ctx.templar().isTrue(c, v)) {
          return false;
        }
      } catch (TemplateException e) {
        throw new ConditionError(TaskErrors.conditionalMessage(c, e));
      }
    }
    return true;
  }

  /** A changed_when/failed_when condition that could not be evaluated, in Ansible's words. */
  private static final class ConditionError extends RuntimeException {
    ConditionError(String message) {
      super(message, null, false, false);
    }
  }

  Map<String, Object> withRegistered(Task task, Map<String, Object> vars, Map<String, Object> r) {
    Object register = task.keywords().get("register");
    if (register == null) {
      return vars;
    }
    Map<String, Object> v = new LinkedHashMap<>(vars);
    v.put(register.toString(), new Literal(r));
    return v;
  }

  private CompletableFuture<Map<String, Object>> safeExecute(
      Task task, TaskHeader header, Keywords kw, HostState h, Map<String, Object> vars) {
    try {
      return actions.execute(task, header, kw, h.name(), vars).exceptionally(HostTaskRunner::resultOf);
    } catch (RuntimeException e) {
      if ((e instanceof TemplateException || e instanceof Keywords.TaskValueException) && vars.containsKey("ansible_loop_var")) {
        return CompletableFuture.failedFuture(new LoopAbort(resultOf(e)));
      }
      return CompletableFuture.completedFuture(resultOf(e));
    }
  }

  /**
   * An Ansible error (a template that fails) in one loop item ends the whole loop in Ansible: the
   * task's result is that failure, with no item line for it and no later items.
   */
  static final class LoopAbort extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient Map<String, Object> result;

    LoopAbort(Map<String, Object> result) {
      super(String.valueOf(result.get("msg")), null, false, false);
      this.result = result;
    }
  }

  TaskDone finish(HostState h, Keywords kw, Map<String, Object> vars, Map<String, Object> result, Object item,
      boolean noLog, Boolean loop) {
    Map<String, Object> r = result;
    java.util.Set<String> warnings = new java.util.LinkedHashSet<>();
    if (r.get(WARNINGS) instanceof List<?> carried) {
      r = new LinkedHashMap<>(r);
      r.remove(WARNINGS);
      carried.forEach(w -> warnings.add(String.valueOf(w)));
    }
    boolean isLoop = loop != null && loop;
    if (vars != null && !Results.skipped(r)) {
      r = withDelegate(h, kw, vars, r);
    }
    HostOutcome outcome;
    if (Results.unreachable(r)) {
      boolean ignored = vars != null && safeBool(kw, "ignore_unreachable", vars);
      outcome = new HostOutcome.Unreachable(h.name(), r, item, isLoop, ignored);
    } else if (Results.failed(r)) {
      boolean ignored = vars != null && safeBool(kw, "ignore_errors", vars);
      outcome = new HostOutcome.Failed(h.name(), r, item, isLoop, ignored);
    } else if (Results.skipped(r)) {
      outcome = new HostOutcome.Skipped(h.name(), r, item, isLoop);
    } else {
      outcome = new HostOutcome.Ok(h.name(), r, item, isLoop);
    }
    boolean diff = outcome instanceof HostOutcome.Ok && r.containsKey("diff") && vars != null
        && (ctx.options().diff() || taskDiff(kw, vars));
    // and what this thread templated since its last task (a when that skipped, an item's args)
    warnings.addAll(ctx.templar().drainWarnings());
    return new TaskDone(h, outcome, r, noLog, diff, List.copyOf(warnings));
  }

  /**
   * The result with Ansible's {@code _ansible_delegated_vars} when the task ran on another host
   * (the callbacks show {@code [host -> delegate]}, and the delegate's address when it differs).
   */
  private Map<String, Object> withDelegate(HostState h, Keywords kw, Map<String, Object> vars, Map<String, Object> r) {
    String delegate;
    try {
      delegate = kw.has("delegate_to") ? kw.string("delegate_to", vars) : null;
    } catch (RuntimeException e) {
      return r;
    }
    if (delegate == null || delegate.isBlank() || delegate.equals(h.name())) {
      return r;
    }
    var inventory = ctx.services().inventory();
    Object address = inventory.host(delegate)
        .map(d -> inventory.hostVars(d, ctx.services().playbookDir()).get("ansible_host"))
        .orElse(null);
    Object shown = delegate;
    if (address != null) {
      try {
        shown = ctx.templar().template(address, vars);
      } catch (RuntimeException e) {
        shown = address;
      }
    }
    Map<String, Object> out = new LinkedHashMap<>(r);
    out.put("_ansible_delegated_vars", Map.of("ansible_delegated_host", delegate, "ansible_host", String.valueOf(shown)));
    return out;
  }

  /** The task's diff keyword (else --diff); false when it is no boolean (the task reports that). */
  boolean taskDiff(Keywords kw, Map<String, Object> vars) {
    try {
      return kw.diff(vars);
    } catch (RuntimeException e) {
      return false;
    }
  }

  private boolean safeBool(Keywords kw, String name, Map<String, Object> vars) {
    try {
      return kw.bool(name, vars, false);
    } catch (RuntimeException e) {
      return false;
    }
  }

  private int safeInt(Keywords kw, String name, Map<String, Object> vars, int fallback) {
    return kw.integer(name, name, vars, fallback);
  }

  static Object loopExpression(Task task) {
    if (task.keywords().containsKey("loop")) {
      return task.keywords().get("loop");
    }
    for (Map.Entry<String, Object> e : task.keywords().entrySet()) {
      if (e.getKey().startsWith("with_")) {
        return e;
      }
    }
    return null;
  }

  static Map<String, Object> skipResult() {
    return Results.of("changed", false, "skipped", true, "skip_reason", "Conditional result was False");
  }

  /** The per-host boundary: any exception becomes a result Ansible would show. */
  static Map<String, Object> resultOf(Throwable e) {
    Throwable cause = e;
    while ((cause instanceof CompletionException || cause instanceof java.util.concurrent.ExecutionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    if (cause instanceof LoopAbort a) {
      return a.result;
    }
    if (cause instanceof ConnectionException) {
      return Results.of("changed", false, "msg", cause.getMessage(), "unreachable", true);
    }
    if (cause instanceof io.tightbeam.py.PyException p && p.isUnhandled()) {
      // Ansible shows {} and "The error was: ZeroDivisionError: ..." from the traceback's last line
      return Results.of("failed", true, "exception", "Traceback (most recent call last):\n"
          + "  File \"<template>\", line 1, in top-level template code\n"
          + p.pythonType() + ": " + p.getMessage() + "\n");
    }
    if (cause instanceof io.tightbeam.module.ActionFailure) {
      return Results.of("changed", false, "exception", io.tightbeam.module.ActionFailure.NO_TRACEBACK,
          "failed", true, "msg", cause.getMessage());
    }
    if (cause instanceof ModuleArgumentException) {
      // Ansible's argument checks fail inside the module, whose failures say changed: false
      return Results.of("changed", false, "msg", cause.getMessage(), "failed", true);
    }
    if (cause instanceof TemplateException || cause instanceof Keywords.TaskValueException
        || cause instanceof IllegalArgumentException || cause instanceof VaultException) {
      return Results.failure(cause.getMessage());
    }
    Map<String, Object> r = Results.failure("Unexpected failure during module execution: " + cause);
    StringWriter trace = new StringWriter();
    cause.printStackTrace(new PrintWriter(trace));
    r.put("exception", trace.toString());
    return r;
  }

  PlayContext context() {
    return ctx;
  }

  static List<Object> asList(Object value) {
    if (value instanceof List<?> l) {
      return new ArrayList<>(l);
    }
    return null;
  }
}
