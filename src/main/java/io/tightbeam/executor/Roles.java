package io.tightbeam.executor;

import io.tightbeam.playbook.Task;
import io.tightbeam.playbook.TaskItem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
  private record Call(String name, Path path, Map<String, Object> keywords, Map<String, Object> params,
      String tasksFrom, String varsFrom, String defaultsFrom, String handlersFrom) {}

  /** The play's {@code roles:} list, after pre_tasks. */
  void runPlayRoles(Object roles, List<HostState> hosts) {
    if (!(roles instanceof List<?> list)) {
      return;
    }
    for (Object entry : list) {
      run(call(entry, ctx.play().baseDir()), Scope.root(false), hosts);
    }
  }

  /** {@code include_role} / {@code import_role} as a task. */
  void include(Task t, Scope scope, List<HostState> hosts) {
    Map<String, Object> args = new LinkedHashMap<>(t.args());
    Object name = args.remove("name");
    if (name == null) {
      name = args.remove("role");
    }
    if (name == null) {
      throw new IllegalArgumentException("'name' is a required field for " + t.action() + ".");
    }
    Map<String, Object> kw = new LinkedHashMap<>();
    ROLE_KEYWORDS.forEach(k -> {
      if (t.keywords().containsKey(k)) {
        kw.put(k, t.keywords().get(k));
      }
    });
    Path path = find(String.valueOf(ctx.templar().template(name, ctx.playVars())), t.baseDir());
    Call call = new Call(path.getFileName().toString(), path, kw, Map.of(),
        str(args.get("tasks_from")), str(args.get("vars_from")), str(args.get("defaults_from")),
        str(args.get("handlers_from")));
    Object loop = HostTaskRunner.loopExpression(t);
    if (loop == null) {
      run(call, scope, hosts);
      return;
    }
    // A looping include_role runs the role once per item, for the hosts that have that item.
    Map<?, ?> control = t.keywords().get("loop_control") instanceof Map<?, ?> m ? m : Map.of();
    String loopVar = String.valueOf(control.get("loop_var") == null ? "item" : control.get("loop_var"));
    Map<HostState, List<Object>> items = new LinkedHashMap<>();
    int most = 0;
    for (HostState h : hosts) {
      List<Object> list = LoopItems.of(ctx.templar(), loop, TaskVars.build(ctx, h, t, scope));
      items.put(h, list);
      most = Math.max(most, list.size());
    }
    for (int i = 0; i < most; i++) {
      List<HostState> who = new ArrayList<>();
      Map<String, Map<String, Object>> perHost = new LinkedHashMap<>();
      for (Map.Entry<HostState, List<Object>> e : items.entrySet()) {
        if (i < e.getValue().size()) {
          who.add(e.getKey());
          Map<String, Object> v = new LinkedHashMap<>();
          v.put(loopVar, new io.tightbeam.template.Literal(e.getValue().get(i)));
          v.put("ansible_loop_var", loopVar);
          perHost.put(e.getKey().name(), v);
        }
      }
      run(call, scope.withHostVars(perHost), who);
    }
  }

  private void run(Call call, Scope parent, List<HostState> hosts) {
    Path meta = yamlFile(call.path().resolve("meta"), "main");
    Map<String, Object> metaData = meta == null ? Map.of() : map(load(meta));
    if (metaData.get("dependencies") instanceof List<?> deps) {
      for (Object dep : deps) {
        Call depCall = call(dep, call.path().getParent());
        boolean dup = Results.truthy(map(load(yamlFile(depCall.path().resolve("meta"), "main"))).get("allow_duplicates"));
        if (!dup && ctx.rolesRun().contains(depCall.path().toString())) {
          continue;
        }
        run(depCall, parent, hosts);
      }
    }
    ctx.rolesRun().add(call.path().toString());
    Map<String, Object> defaults = vars(call.path().resolve("defaults"), call.defaultsFrom());
    Map<String, Object> roleVars = new LinkedHashMap<>(vars(call.path().resolve("vars"), call.varsFrom()));
    roleVars.putAll(call.params());
    Scope.RoleRef ref = new Scope.RoleRef(call.name(), call.path(), defaults);
    Scope scope = parent.enterRole(ref, call.keywords(), roleVars);
    Path handlerFile = yamlFile(call.path().resolve("handlers"), call.handlersFrom() == null ? "main" : call.handlersFrom());
    if (handlerFile != null) {
      handlers.add(ctx.services().parser().parseTaskFile(handlerFile), scope.asHandler());
    }
    Path tasks = yamlFile(call.path().resolve("tasks"), call.tasksFrom() == null ? "main" : call.tasksFrom());
    if (tasks != null) {
      List<TaskItem> items = ctx.services().parser().parseTaskFile(tasks);
      strategy.run(items, scope, hosts);
    }
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
    List<Path> candidates = new ArrayList<>();
    Path asPath = Path.of(name);
    if (asPath.isAbsolute()) {
      candidates.add(asPath);
    }
    candidates.add(ctx.services().playbookDir().resolve("roles").resolve(name));
    if (relativeTo != null) {
      candidates.add(relativeTo.resolve(name));
      candidates.add(relativeTo.resolve("roles").resolve(name));
    }
    for (String dir : ctx.options().settings().rolesPath()) {
      String expanded = dir.startsWith("~/") ? System.getProperty("user.home") + dir.substring(1) : dir;
      candidates.add(Path.of(expanded).resolve(name));
    }
    candidates.add(ctx.services().playbookDir().resolve(name));
    for (Path c : candidates) {
      if (Files.isDirectory(c)) {
        return c.toAbsolutePath().normalize();
      }
    }
    throw new IllegalArgumentException("the role '" + name + "' was not found in "
        + String.join(":", candidates.stream().map(p -> p.getParent().toString()).distinct().toList()));
  }

  private Map<String, Object> vars(Path dir, String from) {
    Path file = yamlFile(dir, from == null ? "main" : from);
    return file == null ? Map.of() : map(load(file));
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

  private static String str(Object o) {
    return o == null ? null : o.toString();
  }
}
