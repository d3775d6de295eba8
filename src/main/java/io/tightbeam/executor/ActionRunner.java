package io.tightbeam.executor;

import io.tightbeam.jobs.JobId;
import io.tightbeam.jobs.JobSpec;
import io.tightbeam.jobs.registry.JobRecord;
import io.tightbeam.module.ActionContext;
import io.tightbeam.module.ControllerAction;
import io.tightbeam.module.ModuleArgumentException;
import io.tightbeam.module.Modules;
import io.tightbeam.module.RemoteModule;
import io.tightbeam.module.TargetContext;
import io.tightbeam.playbook.Task;
import io.tightbeam.template.Templar;
import io.tightbeam.vault.EncryptedString;
import io.tightbeam.template.TemplateException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Runs a task's action once on one host with one set of variables: a controller action, the
 * async_status module, or a remote module, synchronously or as an async job (launch, then poll
 * when {@code poll > 0}). Called on a fork thread; a sync module holds it, a waiting job does not.
 */
final class ActionRunner {
  /** Actions the executor itself carries out (beyond the module registry). */
  static final Set<String> EXECUTOR_ACTIONS =
      Set.of("async_status", "include_tasks", "import_tasks", "include", "meta", "include_vars",
          "import_playbook", "include_role", "import_role");

  private final PlayContext ctx;
  private final TargetResolver targets;

  ActionRunner(PlayContext ctx) {
    this.ctx = ctx;
    this.targets = new TargetResolver(ctx);
  }

  CompletableFuture<Map<String, Object>> execute(
      Task task, TaskHeader header, Keywords kw, String host, Map<String, Object> taskVars) {
    Map<String, Object> vars = withConnectionVars(kw, taskVars);
    String action = Modules.shortName(task.action());
    // Every action opens the inline vault values of its arguments (no secret: the task fails, as in
    // ansible-playbook); set_fact stores them still vaulted, so `is vault_encrypted` holds after it.
    ModuleDefaults defaults = ModuleDefaults.of(kw.levels("module_defaults"), ctx.templar(), vars);
    Map<String, Object> args = defaults.apply(task.action(), templateArgs(task, vars, !action.equals("set_fact")));
    int async = kw.integer("async", "async_val", vars, 0);
    int poll = kw.integer("poll", "poll", vars, ctx.options().settings().pollInterval());
    boolean ownCheckMode = kw.value("check_mode", vars) != null; // check_mode: "{{ omit }}" is no check_mode
    boolean check = ownCheckMode ? kw.bool("check_mode", vars, false) : ctx.options().check();
    kw.diff(vars); // a diff that is no boolean fails the task before it runs, as Ansible's field check does
    Optional<ControllerAction> controller = ctx.services().modules().action(action);
    if (controller.isPresent()) {
      if (async != 0) {
        return done(Results.failure("async is not supported for this task."));
      }
      ActionContext ac = new ActionContext(ctx.templar(), vars, host, check, ctx.options().verbosity(), task.args(),
          ctx.options().settings().jinja2Native());
      return done(DynamicInventory.apply(ctx, host, controller.get().run(args, ac)));
    }
    if (action.equals("include_vars")) {
      return done(IncludeVars.load(ctx, kw, args, vars));
    }
    if (action.equals("async_status")) {
      if (async != 0) {
        return done(Results.failure("async is not supported for this task."));
      }
      return asyncStatus(kw, args, vars, check, task);
    }
    if (action.equals("gather_facts")) {
      List<String> factsModules = FactsModules.of(ctx.templar(), vars, ctx.options().controllerEnv());
      if (!FactsModules.onlySetup(factsModules)) {
        return done(gather(factsModules, task, kw, args, targets.resolve(kw, vars, check), vars, defaults));
      }
      args = defaults.apply("ansible.legacy.setup", args); // the action's own defaults win over its module's
    }
    RemoteModule module = withInterpreter(findModule(action, task, kw), vars);
    if (async > 0 && !module.supportsAsync()) {
      // Ansible's AnsibleActionFail (raw, script, fetch): changed false and no traceback
      return done(Results.of("changed", false, "exception", io.tightbeam.module.ActionFailure.NO_TRACEBACK,
          "failed", true, "msg", "async is not supported for this task."));
    }
    if (async < 0 || (async > 0 && poll < 0)) {
      return done(Results.failure(
          async < 0
              ? "the value of 'async' must be a whole number of seconds >= 0, got " + async
              : "the value of 'poll' must be a whole number of seconds >= 0, got " + poll));
    }
    if (action.equals("template")) {
      args.put(io.tightbeam.module.FileAndPackageModules.TEMPLATE_VARS, vars);
    }
    Map<String, Object> checked;
    try {
      checked = module.checkArgs(args);
    } catch (ModuleArgumentException e) {
      throw e.naming(Modules.argumentName(task.action()));
    }
    // Ansible's modules get their arguments on stdin, so its -vvv EXEC lines never show a no_log task's
    // arguments; ours run them as commands (raw alone shows its command there, as in Ansible)
    TargetContext target = targets.resolve(kw, vars, check, !action.equals("raw") && Censor.noLog(ctx, kw, vars));
    if (async > 0) {
      if (check && !ownCheckMode) {
        return done(Results.failure("check mode and async cannot be used on same task."));
      }
      boolean noLog = Censor.noLog(ctx, kw, vars);
      JobSpec spec = new JobSpec(async, asyncDir(vars), ctx.options().settings().remoteTmp(),
          ctx.options().settings().keepRemoteFiles());
      RunJobs.Launch record = new RunJobs.Launch(host, targets.endpoint(kw, vars), target.become(),
          spec.asyncDir(), action, checked, noLog);
      return launch(module, checked, target, spec, poll, header, record, vars);
    }
    if (check && !module.supportsCheckMode()) {
      return done(Results.of("changed", false, "msg",
          "remote module (" + action + ") does not support check mode", "skipped", true));
    }
    int timeout = kw.integer("timeout", "timeout", vars, 0);
    if (timeout <= 0) {
      return done(module.run(checked, target).join());
    }
    return done(bounded(module, checked, target, timeout, task.action()));
  }

  /**
   * The task's {@code timeout} keyword: the module's commands are killed when it passes, and the
   * result is Ansible's message naming the action as the task wrote it.
   */
  private static Map<String, Object> bounded(RemoteModule module, Map<String, Object> args, TargetContext target,
      int seconds, String action) {
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    DeadlineConnection connection = new DeadlineConnection(target.connection(), deadline);
    TargetContext limited = new TargetContext(connection, target.become(), target.environment(),
        target.checkMode(), target.diff(), target.baseDir(), target.searchPath());
    Map<String, Object> timedOut = Results.failure("The " + action
        + " action failed to execute in the expected time frame (" + seconds + ") and was terminated");
    timedOut.put(Results.FINAL, true);
    try {
      // a little longer than the limit, so that the killed command's own result comes back first
      Map<String, Object> r = module.run(args, limited).get(seconds * 1000L + 2000, java.util.concurrent.TimeUnit.MILLISECONDS);
      return connection.expired() ? timedOut : r;
    } catch (java.util.concurrent.TimeoutException e) {
      return timedOut;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new java.util.concurrent.CompletionException(e.getCause()); // as join() would
    }
  }

  /**
   * The task's variables with the connection's own where the inventory set none (Ansible's
   * PlayContext.update_vars): {@code lookup('vars', 'ansible_host')} finds the address.
   */
  private Map<String, Object> withConnectionVars(Keywords kw, Map<String, Object> vars) {
    io.tightbeam.connection.Endpoint e;
    try {
      e = targets.endpoint(kw, vars);
    } catch (RuntimeException bad) { // a bad port or host is the module's failure, not debug's
      return vars;
    }
    Map<String, Object> out = new LinkedHashMap<>(vars);
    out.putIfAbsent("ansible_host", e.address());
    out.putIfAbsent("ansible_ssh_host", e.address());
    out.putIfAbsent("ansible_connection", e.type());
    if (e.port() != 0) {
      out.putIfAbsent("ansible_port", e.port());
      out.putIfAbsent("ansible_ssh_port", e.port());
    }
    if (e.user() != null) {
      out.putIfAbsent("ansible_user", e.user());
      out.putIfAbsent("ansible_ssh_user", e.user());
    }
    return out;
  }

  private CompletableFuture<Map<String, Object>> launch(
      RemoteModule module, Map<String, Object> args, TargetContext target, JobSpec spec, int poll,
      TaskHeader header, RunJobs.Launch record, Map<String, Object> vars) {
    RunJobs jobs = ctx.services().jobs();
    jobs.journal().prepare(); // the registry opens while the job launches
    String play = ctx.play().name() != null ? ctx.play().name() : String.valueOf(ctx.play().hosts());
    String asyncDir = spec.asyncDir();
    int limit = spec.timeLimitSeconds();
    Map<String, Object> launched = jobs.reattachable(record, play, header, vars)
        .map(job -> reattach(job, target, record)).orElse(null);
    JobId jid;
    if (launched != null) {
      jid = JobId.parse(String.valueOf(launched.get("ansible_job_id")));
      JobRecord job = (JobRecord) launched.remove(REATTACHED);
      asyncDir = job.target().asyncDir();
      // the job's own time limit runs from its launch, not from now
      long left = job.timeLimit() - java.time.Duration.between(job.started(), java.time.Instant.now()).toSeconds();
      limit = (int) Math.max(1, left + 1);
    } else {
      module.prepareForJob(args, target);
      launched = new LinkedHashMap<>(ctx.services().launcher().launch(module.script(args, target), spec, target).join());
      launched.put("changed", true);
      if (Results.failed(launched)) {
        return done(launched);
      }
      jid = JobId.parse(String.valueOf(launched.get("ansible_job_id")));
      jobs.launched(jid, record, play, header, vars, spec.timeLimitSeconds());
    }
    if (poll == 0) {
      return done(launched);
    }
    String host = record.host();
    boolean noLog = record.noLog();
    String dir = asyncDir;
    io.tightbeam.jobs.Poller poller = ctx.services().poller();
    ctx.listener().asyncWaiting(header, host, jid.value());
    return poller
        .await(target, asyncDir, jid, poll, limit,
            status -> ctx.listener().asyncPoll(header, host, status))
        // the result is reported once the registry holds it; only then may its file go
        .thenCompose(result -> jobs.ended(jid, host, result, noLog).thenApply(written -> result))
        .thenApply(result -> {
          poller.forget(target, dir, jid);
          // A job id is no secret: under no_log the line still names the job (Ansible prints jid=None).
          Map<String, Object> shown = noLog ? Censor.result(result) : result;
          if (noLog) {
            shown.put("ansible_job_id", jid.value());
          }
          ctx.listener().asyncOutcome(header, host, shown, Results.failed(result));
          return result;
        });
  }

  /** Where {@link #reattach} leaves the job it attached to in the launch result (taken out at once). */
  private static final String REATTACHED = "_tightbeam_reattached";

  /**
   * The launch result of a job an earlier run launched, as if this run had launched it, after one
   * status check on its host; null when that check finds it lost (recorded so, and launched anew).
   */
  private Map<String, Object> reattach(JobRecord job, TargetContext target, RunJobs.Launch record) {
    JobId jid = JobId.parse(job.jid());
    Map<String, Object> seen = ctx.services().poller().status(target, job.target().asyncDir(), jid, "status").join();
    if (Results.truthy(seen.get("finished"))
        && io.tightbeam.jobs.registry.JobState.ofResult(seen) == io.tightbeam.jobs.registry.JobState.LOST) {
      ctx.services().jobs().ended(jid, record.host(), seen, record.noLog());
      return null;
    }
    Map<String, Object> launched = new LinkedHashMap<>();
    launched.put("failed", 0);
    launched.put("started", 1);
    launched.put("finished", 0);
    launched.put("ansible_job_id", jid.value());
    launched.put("results_file", seen.get("results_file"));
    launched.put("changed", true);
    launched.put(REATTACHED, job);
    return launched;
  }

  private CompletableFuture<Map<String, Object>> asyncStatus(
      Keywords kw, Map<String, Object> args, Map<String, Object> vars, boolean check, Task task) {
    for (String key : args.keySet()) {
      if (!key.equals("jid") && !key.equals("mode")) {
        return done(Results.failure("Unsupported parameters for (async_status) module: " + key
            + ". Supported parameters include: jid, mode."));
      }
    }
    Object jid = args.get("jid");
    if (jid == null || jid.toString().isEmpty()) {
      return done(Results.failure("missing required arguments: jid"));
    }
    String mode = args.getOrDefault("mode", "status").toString();
    if (!mode.equals("status") && !mode.equals("cleanup")) {
      return done(Results.failure("value of mode must be one of: status, cleanup, got: " + mode));
    }
    JobId id;
    try {
      id = JobId.parse(jid.toString());
    } catch (IllegalArgumentException e) {
      return done(Results.failure(e.getMessage()));
    }
    TargetContext target = targets.resolve(kw, vars, check);
    boolean noLog = Censor.noLog(ctx, kw, vars);
    String host = String.valueOf(vars.get("inventory_hostname"));
    return ctx.services().poller().status(target, asyncDir(vars), id, mode)
        .thenApply(result -> {
          // a job launched with poll 0 ends in the registry when async_status sees it end
          if (mode.equals("status") && Results.truthy(result.get("finished"))) {
            ctx.services().jobs().ended(id, host, result, noLog);
          }
          return result;
        });
  }

  private String asyncDir(Map<String, Object> vars) {
    Object v = vars.get("ansible_async_dir");
    if (v != null) {
      Object t = ctx.templar().template(v instanceof io.tightbeam.template.Literal l ? l.value() : v, vars);
      if (t != null && !t.toString().isBlank()) {
        return t.toString();
      }
    }
    return ctx.options().settings().asyncDir();
  }

  private RemoteModule findModule(String action, Task task, Keywords kw) {
    return ctx.services().modules().remote(action)
        .or(() -> io.tightbeam.module.LibraryModule.findIn(action, kw.libraries()))
        .orElseThrow(() -> new ModuleArgumentException("couldn't resolve module/action '" + action + "'"));
  }

  /** gather_facts with other facts modules than setup: each in turn, their facts combined. */
  private Map<String, Object> gather(List<String> names, Task task, Keywords kw, Map<String, Object> args,
      TargetContext target, Map<String, Object> vars, ModuleDefaults defaults) {
    Map<String, Object> facts = new LinkedHashMap<>();
    Map<String, Object> failed = new LinkedHashMap<>();
    for (String name : names) {
      boolean setup = FactsModules.isSetup(name);
      Map<String, Object> moduleArgs = new LinkedHashMap<>(args);
      moduleArgs.remove("parallel");
      if (!setup) {
        FactsModules.SETUP_ONLY.forEach(moduleArgs::remove);
      }
      moduleArgs = defaults.apply(setup ? "ansible.legacy.setup" : name, moduleArgs);
      RemoteModule module = withInterpreter(findModule(setup ? "setup" : name, task, kw), vars);
      Map<String, Object> r = module.run(module.checkArgs(moduleArgs), target).join();
      if (Results.failed(r)) {
        failed.put(name, r);
      } else if (r.get("ansible_facts") instanceof Map<?, ?> more) {
        facts = FactsModules.combine(facts, Scope.castMap(more));
      }
    }
    facts.put("_ansible_facts_gathered", true);
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("ansible_facts", facts);
    if (!failed.isEmpty()) {
      result.put("failed", true);
      result.put("msg", "The following modules failed to execute: " + String.join(", ", failed.keySet()) + "\n");
      result.put("failed_modules", failed);
    }
    result.put("changed", false);
    return result;
  }

  /** A custom module runs under the host's {@code ansible_<name>_interpreter} when one is set. */
  private RemoteModule withInterpreter(RemoteModule module, Map<String, Object> vars) {
    if (!(module instanceof io.tightbeam.module.LibraryModule library)) {
      return module;
    }
    String variable = library.interpreterVariable();
    Object raw = variable == null ? null : vars.get(variable);
    if (raw == null) {
      return module;
    }
    Object path = ctx.templar().template(raw instanceof io.tightbeam.template.Literal l ? l.value() : raw, vars);
    return path == null ? module : library.withInterpreter(path.toString());
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> templateArgs(Task task, Map<String, Object> vars, boolean reveal) {
    Object templated;
    try {
      templated = ctx.templar().template(task.args(), vars);
    } catch (io.tightbeam.template.TemplateException e) {
      throw TaskErrors.inArgs(task, e);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    if (templated instanceof Map<?, ?> m) {
      ((Map<String, Object>) m).forEach((k, v) -> {
        if (!Templar.OMIT.equals(v)) {
          Object text = EncryptedString.reveal(v);
          out.put(k, reveal ? text : v);
        }
      });
    }
    return out;
  }

  static CompletableFuture<Map<String, Object>> done(Map<String, Object> result) {
    return CompletableFuture.completedFuture(result);
  }

  static List<String> executorActions() {
    return List.copyOf(EXECUTOR_ACTIONS);
  }
}
