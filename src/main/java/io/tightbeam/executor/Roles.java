package io.tightbeam.executor;

import io.tightbeam.module.Modules;
import io.tightbeam.playbook.RoleSearch;
import io.tightbeam.playbook.Task;
import io.tightbeam.playbook.TaskItem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import io.tightbeam.yaml.Diagnostic;
import io.tightbeam.yaml.InputException;

/**
 * Roles: found beside the playbook ({@code roles/}), in {@code roles_path} or by path; their
 * {@code meta/main.yml} dependencies run first (once, unless {@code allow_duplicates}); then their
 * tasks, with defaults below every other variable, role vars and parameters above play vars, and
 * their handlers added to the play's.
 */
final class Roles {
  private static final List<String> ROLE_KEYWORDS =
      List.of("when", "tags", "become", "become_user", "become_method", "become_flags", "environment",
          "ignore_errors", "no_log", "check_mode", "remote_user", "connection", "any_errors_fatal",
          "delegate_to", "vars");

  private final PlayContext ctx;
  private final LinearStrategy strategy;
  private final Handlers handlers;

  Roles(PlayContext ctx, LinearStrategy strategy, Handlers handlers) {
    this.ctx = ctx;
    this.strategy = strategy;
    this.handlers = handlers;
  }

  /** A role to run: where it is, what to load from it, and the keywords and parameters given. */
  record Call(String name, Path path, Map<String, Object> keywords, Map<String, Object> params,
      String tasksFrom, String varsFrom, String defaultsFrom, String handlersFrom) {}

  /** The play's {@code roles:} list, after pre_tasks. */
  void runPlayRoles(Object roles, Scope playScope, List<HostState> hosts) {
    if (!(roles instanceof List<?> list)) {
      return;
    }
    for (Object entry : list) {
      Call call = call(entry, ctx.play().baseDir());
      // a role that ran already with the same identity (as another's dependency) runs not again
      if (!Results.truthy(meta(call).get("allow_duplicates")) && ctx.roles().hasRun(identity(call))) {
        continue;
      }
      run(call, playScope, hosts, false);
    }
  }

  /**
   * {@code include_role} / {@code import_role} as a task. An import passes its keywords to the
   * role's tasks; an include is a task of its own (its header, its {@code when} and loop per host,
   * a skip line for hosts that leave it out) whose keywords stay with it, except {@code apply}.
   */
  void include(Task t, Scope scope, List<HostState> hosts) {
    Map<String, Object> args = new LinkedHashMap<>(t.args());
    Object name = args.remove("name");
    if (name == null) {
      name = args.remove("role");
    }
    if (name == null) {
      throw new IllegalArgumentException("'name' is a required field for " + t.action() + ".");
    }
    boolean dynamic = Modules.shortName(t.action()).equals("include_role");
    Map<String, Object> given = dynamic ? Scope.passedDown(t) : t.keywords();
    Map<String, Object> kw = new LinkedHashMap<>();
    ROLE_KEYWORDS.forEach(k -> {
      if (given.containsKey(k)) {
        kw.put(k, given.get(k));
      }
    });
    List<HostState> included = hosts;
    if (dynamic) {
      included = included(t, scope, hosts, name);
    }
    Object loop = HostTaskRunner.loopExpression(t);
    Map<?, ?> control = t.keywords().get("loop_control") instanceof Map<?, ?> m ? m : Map.of();
    String loopVar = String.valueOf(control.get("loop_var") == null ? "item" : control.get("loop_var"));
    Map<HostState, List<Object>> items = new LinkedHashMap<>();
    int most = 0;
    for (HostState h : included) {
      List<Object> list = loop == null ? java.util.Collections.singletonList(null)
          : LoopItems.of(ctx.templar(), loop, TaskVars.build(ctx, h, t, scope), t.action());
      items.put(h, list);
      most = Math.max(most, list.size());
    }
    // A looping include_role runs the role once per item, for the hosts that have that item.
    boolean missed = false;
    for (int i = 0; i < most; i++) {
      Map<Path, List<HostState>> byRole = new LinkedHashMap<>();
      Map<Path, Map<String, String>> froms = new LinkedHashMap<>();
      Map<String, Map<String, Object>> perHost = new LinkedHashMap<>();
      for (Map.Entry<HostState, List<Object>> e : items.entrySet()) {
        if (i >= e.getValue().size()) {
          continue;
        }
        Map<String, Object> v = new LinkedHashMap<>();
        if (loop != null) {
          v.put(loopVar, new io.tightbeam.template.Literal(e.getValue().get(i)));
          v.put("ansible_loop_var", loopVar);
        }
        Map<String, Object> vars = TaskVars.build(ctx, e.getKey(), t, scope);
        vars.putAll(v);
        Path path;
        try {
          path = find(String.valueOf(ctx.templar().template(name, vars)), t.baseDir());
        } catch (InputException missing) {
          if (!dynamic) {
            throw missing;
          }
          missingRole(t, missing, e.getKey());
          missed = true;
          continue;
        }
        byRole.computeIfAbsent(path, x -> new ArrayList<>()).add(e.getKey());
        froms.putIfAbsent(path, templated(args, vars));
        perHost.put(e.getKey().name(), v);
      }
      if (missed) { // with any_errors_fatal the missing role ends the play for every host
        AnyErrorsFatal.check(ctx, t, scope, hosts, strategy);
      }
      byRole.forEach((path, who) -> {
        Map<String, String> from = froms.get(path);
        Call call = new Call(path.getFileName().toString(), path, kw, parentRoles(scope.role()),
            from.get("tasks_from"), from.get("vars_from"), from.get("defaults_from"), from.get("handlers_from"));
        Scope under = perHost.isEmpty() ? scope : scope.withHostVars(perHost);
        run(call, dynamic ? under.withIncludeParams(t) : under, who, dynamic);
      });
    }
  }

  /**
   * include_role of a role that is nowhere: Ansible shows the error at the role's name, fails the
   * host without counting a failure in the recap, and the run goes on (and so exits 2).
   */
  private void missingRole(Task t, InputException missing, HostState h) {
    String summary = missing.diagnostics().get(0).summary();
    java.util.concurrent.CompletableFuture.runAsync(() -> {
      ctx.listener().error(new Diagnostic(summary, "", ArgPositions.valueOf(t, "name", "role")));
      h.failed = true;
      ctx.stats().failUncounted();
    }, ctx.services().resultThread()).join();
  }

  /** A role's identity for Ansible's dedup: its path, params, when, tags, vars and *_from files. */
  private static String identity(Call call) {
    Map<String, Object> given = new java.util.TreeMap<>();
    for (String k : List.of("when", "tags", "vars")) {
      if (call.keywords().get(k) != null) {
        given.put(k, call.keywords().get(k));
      }
    }
    return call.path() + "\0" + new java.util.TreeMap<>(call.params()) + "\0" + given + "\0"
        + call.tasksFrom() + call.varsFrom() + call.defaultsFrom() + call.handlersFrom();
  }

  /**
   * What a role included or imported from another role is told of its parents, nearest first, as
   * Ansible's include parameters {@code ansible_parent_role_names} and {@code ..._paths}.
   */
  private static Map<String, Object> parentRoles(Scope.RoleRef parent) {
    if (parent == null) {
      return Map.of();
    }
    List<Object> names = new ArrayList<>(List.of(parent.name()));
    List<Object> paths = new ArrayList<>(List.of(parent.path().toString()));
    if (parent.params().get("ansible_parent_role_names") instanceof List<?> more) {
      names.addAll(more);
    }
    if (parent.params().get("ansible_parent_role_paths") instanceof List<?> more) {
      paths.addAll(more);
    }
    return Map.of("ansible_parent_role_names", names, "ansible_parent_role_paths", paths);
  }

  /** An include_role's own task: its header, then a skip line for each host its when leaves out. */
  private List<HostState> included(Task t, Scope scope, List<HostState> hosts, Object name) {
    TaskHeader header = strategy.header(t, scope);
    // Ansible names an include_role task without its role's prefix: its name, else "action : role"
    String shown = t.name() == null || t.name().isBlank() ? t.action() + " : " + name : t.name();
    header = header.named(shown);
    ctx.listener().taskStart(header);
    strategy.hostsStart(t, scope, header, hosts);
    List<HostState> in = new ArrayList<>();
    HostTaskRunner runner = strategy.runner();
    for (HostState h : hosts) {
      Keywords kw = new Keywords(ctx, t, scope);
      Map<String, Object> vars = TaskVars.build(ctx, h, t, scope);
      try {
        if (Conditions.hold(ctx, scope, t, vars)) {
          in.add(h);
        } else {
          strategy.report(header, runner.finish(h, kw, vars, HostTaskRunner.skipResult(), null, false, null));
        }
      } catch (RuntimeException e) {
        strategy.report(header, runner.finish(h, kw, vars, HostTaskRunner.resultOf(e), null, false, null));
      }
    }
    return in;
  }

  /**
   * Runs a role: its dependencies first, under its own scope (they inherit its keywords, vars,
   * parameters and defaults, as Ansible's dependency chain does), then its tasks, which see its
   * dependencies' vars and defaults below its own. {@code dynamic} for include_role: a plain
   * include in its files is then dynamic too, and it exports nothing to the play. Returns what it
   * exports: its vars and defaults over its dependencies'.
   */
  private PlayRoles.Exports run(Call call, Scope parent, List<HostState> hosts, boolean dynamic) {
    Map<String, Object> metaData = meta(call);
    Map<String, Object> defaults = vars(call, "defaults", call.defaultsFrom());
    Map<String, Object> roleVars = vars(call, "vars", call.varsFrom());
    Scope.RoleRef chain = parent.role();
    Map<String, Object> params = PlayRoles.merged(chain == null ? Map.of() : chain.params(), call.params());
    Map<String, Object> chainDefaults = PlayRoles.merged(chain == null ? Map.of() : chain.defaults(), defaults);
    Scope depScope = parent.enterRole(new Scope.RoleRef(call.name(), call.path(), chainDefaults, params),
        call.keywords(), roleVars);
    PlayRoles.Exports deps = PlayRoles.Exports.NONE;
    if (metaData.get("dependencies") instanceof List<?> list) {
      for (Object dep : list) {
        Call depCall = call(dep, call.path().getParent());
        boolean dup = Results.truthy(meta(depCall).get("allow_duplicates"));
        if (!dup && ctx.roles().hasRun(identity(depCall))) {
          // a dependency that ran already does not run again, but its vars still reach the role
          // that depends on it (target roles_var_inheritance)
          deps = deps.plus(exports(depCall));
          continue;
        }
        deps = deps.plus(run(depCall, depScope, hosts, dynamic));
      }
    }
    ctx.rolesRun().add(call.path().toString());
    ctx.roles().firstRun(identity(call));
    ctx.templar().plugins().addBase(call.path()); // its filter_plugins, test_plugins, lookup_plugins
    PlayRoles.Exports exports = deps.plus(new PlayRoles.Exports(roleVars, defaults));
    if (!dynamic) {
      ctx.roles().add(exports);
    }
    Scope.RoleRef ref = new Scope.RoleRef(call.name(), call.path(),
        PlayRoles.merged(deps.defaults(), chainDefaults), params);
    Scope scope = parent.enterRole(ref, call.keywords(), exports.vars());
    for (Path handlerFile : RoleFiles.of(call.path(), call.name(), "handlers", call.handlersFrom(), false)) {
      handlers.add(ctx.services().parser().parseTaskFile(handlerFile, !dynamic), scope.asHandler());
    }
    List<TaskItem> items = new ArrayList<>();
    for (Path tasks : RoleFiles.of(call.path(), call.name(), "tasks", call.tasksFrom(), false)) {
      items.addAll(ctx.services().parser().parseTaskFile(tasks, !dynamic));
    }
    Task validation = validation(ctx.services().parser(), call, metaData);
    if (validation != null) {
      items.add(0, validation);
    }
    if (!items.isEmpty()) {
      strategy.run(items, scope, hosts);
    }
    return exports;
  }

  /**
   * The play's {@code roles:} exports, read before its first task: Ansible loads them with the
   * play, so pre_tasks already see their vars and defaults.
   */
  void exportPlayRoles(Object roles) {
    if (roles instanceof List<?> list) {
      list.forEach(entry -> ctx.roles().add(exports(call(entry, ctx.play().baseDir()))));
    }
  }

  /**
   * Names the play's roles for the magic variables, before any task runs: the {@code roles:}
   * entries and the {@code import_role} tasks of the play's own task lists (an import's name is
   * static), then their dependencies. A role that cannot be found is left to fail where it runs.
   */
  void namePlayRoles() {
    List<Object> entries = new ArrayList<>();
    if (ctx.play().keywords().get("roles") instanceof List<?> list) {
      entries.addAll(list);
    }
    for (List<TaskItem> items : List.of(ctx.play().preTasks(), ctx.play().tasks(), ctx.play().postTasks())) {
      importedRoles(items, entries);
    }
    List<String> play = new ArrayList<>();
    java.util.Set<String> dependent = new java.util.LinkedHashSet<>();
    for (Object entry : entries) {
      try {
        Call call = call(entry, ctx.play().baseDir());
        play.add(call.name());
        dependencyNames(call, dependent);
      } catch (RuntimeException e) {
        // reported when the role runs
      }
    }
    ctx.roles().name(new PlayRoles.Names(List.copyOf(play), List.copyOf(dependent)));
  }

  private static void importedRoles(List<TaskItem> items, List<Object> into) {
    for (TaskItem item : items) {
      if (item instanceof io.tightbeam.playbook.Block b) {
        importedRoles(b.block(), into);
        importedRoles(b.rescue(), into);
        importedRoles(b.always(), into);
      } else if (item instanceof Task t && Modules.shortName(t.action()).equals("import_role")
          && t.args().get("name") instanceof String name && !Keywords.isTemplated(name)) {
        into.add(name);
      }
    }
  }

  private void dependencyNames(Call call, java.util.Set<String> into) {
    if (meta(call).get("dependencies") instanceof List<?> list) {
      for (Object dep : list) {
        Call d = call(dep, call.path().getParent());
        into.add(d.name());
        dependencyNames(d, into);
      }
    }
  }

  private PlayRoles.Exports exports(Call call) {
    PlayRoles.Exports deps = PlayRoles.Exports.NONE;
    if (meta(call).get("dependencies") instanceof List<?> list) {
      for (Object dep : list) {
        deps = deps.plus(exports(call(dep, call.path().getParent())));
      }
    }
    return deps.plus(new PlayRoles.Exports(vars(call, "vars", null), vars(call, "defaults", null)));
  }

  private Map<String, Object> meta(Call call) {
    return map(load(yamlFile(call.path().resolve("meta"), "main")));
  }

  /**
   * The task Ansible puts before a role's tasks when its argument specs (meta/argument_specs.yml,
   * else meta/main.yml's argument_specs) have the entry point (tasks_from, else main); null if not.
   */
  static Task validation(io.tightbeam.playbook.PlaybookParser parser, Call call, Map<String, Object> metaData) {
    Path specFile = yamlFile(call.path().resolve("meta"), "argument_specs");
    Object specs = specFile == null ? metaData.get("argument_specs") : map(parser.loadData(specFile)).get("argument_specs");
    String entry = call.tasksFrom() == null ? "main" : call.tasksFrom();
    if (!(specs instanceof Map<?, ?> all) || !(all.get(entry) instanceof Map<?, ?> spec)) {
      return null;
    }
    String name = "Validating arguments against arg spec '" + entry + "'"
        + (spec.containsKey("short_description") ? " - " + spec.get("short_description") : "");
    Map<String, Object> context = new LinkedHashMap<>();
    context.put("argument_spec_name", entry);
    context.put("name", call.name());
    context.put("path", call.path().toString());
    context.put("type", "role");
    Map<String, Object> args = new LinkedHashMap<>();
    args.put("argument_spec", spec.get("options") == null ? Map.of() : spec.get("options"));
    args.put("provided_arguments", call.params());
    args.put("validate_args_context", context);
    Map<String, Object> keywords = new LinkedHashMap<>();
    keywords.put("name", name);
    keywords.put("tags", List.of("always"));
    Path at = specFile == null ? call.path().resolve("meta") : specFile;
    return new Task("ansible.builtin.validate_argument_spec", args, keywords, call.path().resolve("tasks"),
        io.tightbeam.yaml.Pos.unknown(at.toString()));
  }

  private Call call(Object entry, Path relativeTo) {
    Map<String, Object> spec = new LinkedHashMap<>();
    if (entry instanceof Map<?, ?> m) {
      m.forEach((k, v) -> spec.put(String.valueOf(k), v));
    } else {
      spec.put("role", entry);
    }
    Object name = spec.containsKey("role") ? spec.remove("role") : spec.remove("name");
    Path path = find(String.valueOf(ctx.templar().template(name, ctx.playVars())), relativeTo);
    Map<String, Object> kw = new LinkedHashMap<>();
    Map<String, Object> params = new LinkedHashMap<>();
    spec.forEach((k, v) -> {
      if (ROLE_KEYWORDS.contains(k)) {
        kw.put(k, v);
      } else {
        params.put(k, v);
      }
    });
    return new Call(path.getFileName().toString(), path, kw, params, null, null, null, null);
  }

  /** Looks for a role as Ansible does; an unknown role is an error naming the places searched. */
  Path find(String name, Path relativeTo) {
    RoleSearch search = new RoleSearch(ctx.options().settings().rolesPath());
    // An imported playbook's roles/ comes first, then the top playbook's.
    Path playDir = ctx.play().baseDir();
    Path playbookDir = ctx.services().playbookDir();
    return search.find(name, playDir, relativeTo)
        .or(() -> search.find(name, playbookDir, relativeTo))
        .orElseThrow(() -> new InputException(List.of(
            new Diagnostic(search.notFound(name, playDir, relativeTo), "", null)), 1));
  }

  /** A role's vars or defaults: every file found (a directory's files in order), merged. */
  private Map<String, Object> vars(Call call, String subdir, String from) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Path file : RoleFiles.of(call.path(), call.name(), subdir, from, true)) {
      out.putAll(map(load(file)));
    }
    return out;
  }

  static Path yamlFile(Path dir, String base) {
    for (String name : List.of(base, base + ".yml", base + ".yaml", base + ".json")) {
      Path p = dir.resolve(name);
      if (Files.isRegularFile(p)) {
        return p;
      }
    }
    return null;
  }

  private Object load(Path file) {
    return file == null ? null : ctx.services().parser().loadData(file);
  }

  private static Map<String, Object> map(Object loaded) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (loaded instanceof Map<?, ?> m) {
      m.forEach((k, v) -> out.put(String.valueOf(k), v));
    }
    return out;
  }

  /** The include's {@code *_from} arguments, templated with the host's variables. */
  private Map<String, String> templated(Map<String, Object> args, Map<String, Object> vars) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String key : List.of("tasks_from", "vars_from", "defaults_from", "handlers_from")) {
      out.put(key, str(ctx.templar().template(args.get(key), vars)));
    }
    return out;
  }

  private static String str(Object o) {
    return o == null ? null : o.toString();
  }
}
