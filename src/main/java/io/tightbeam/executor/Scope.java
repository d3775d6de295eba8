package io.tightbeam.executor;

import io.tightbeam.playbook.Block;
import io.tightbeam.playbook.Task;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a task inherits from the blocks and includes around it: their vars (outermost first),
 * their {@code when} conditions (all must hold), inherited keywords (inner wins), tags (union),
 * per-host include variables (the include's {@code vars}, its loop item) and include parameters
 * (an include's {@code vars}, which Ansible ranks above set_fact and role parameters).
 */
record Scope(
    List<Map<String, Object>> vars,
    List<Object> whens,
    Map<String, Object> keywords,
    List<String> tags,
    Map<String, Map<String, Object>> hostVars,
    Map<String, Object> params,
    boolean handler,
    boolean rescuable,
    RoleRef role) {

  /**
   * The role a task belongs to: its name, its folder, its defaults (the lowest variables) and its
   * parameters (above set_fact), each merged with those of the roles it is a dependency of or was
   * included from, as Ansible's dependency chain passes them down.
   */
  record RoleRef(String name, java.nio.file.Path path, Map<String, Object> defaults, Map<String, Object> params) {}


  /**
   * A keyword's values on the blocks, roles and imports around a task, outermost first: {@code
   * environment} and {@code module_defaults} merge, key by key, rather than the inner one winning.
   */
  record Levels(List<Object> levels) {}

  /** The keywords whose levels merge. */
  static final List<String> MERGED = List.of("environment", "module_defaults");

  /** Keywords a block passes down to its tasks. */
  static final List<String> INHERITED =
      List.of(
          "become", "become_user", "become_method", "become_flags", "environment", "ignore_errors",
          "ignore_unreachable", "no_log", "check_mode", "remote_user", "connection", "port",
          "any_errors_fatal", "delegate_to", "run_once", "throttle", "timeout", "module_defaults",
          "diff", "notify", "delegate_facts");

  static Scope root(boolean handler) {
    return new Scope(List.of(), List.of(), Map.of(), List.of(), Map.of(), Map.of(), handler, false, null);
  }

  /**
   * The scope of a play's tasks and roles: the play's {@code tags} are theirs too, and {@code
   * import_playbook ... when:} conditions apply to all of them.
   */
  static Scope forPlay(io.tightbeam.playbook.Play play) {
    Object when = play.keywords().get("when");
    List<Object> whens = when == null ? List.of() : when instanceof List<?> l ? new ArrayList<>(l) : List.of(when);
    List<String> tags = TagSelection.tagsOf(play.keywords().get("tags"));
    return new Scope(List.of(), whens, Map.of(), tags, Map.of(), Map.of(), false, false, null);
  }

  Scope enterBlock(Block block) {
    Scope s = inherit(block.keywords());
    if (block.includeParams().isEmpty()) {
      return s;
    }
    Map<String, Object> p = new LinkedHashMap<>(params);
    p.putAll(block.includeParams());
    return new Scope(s.vars, s.whens, s.keywords, s.tags, hostVars, p, handler, rescuable, role);
  }

  /** An include's (not an import's) {@code vars} join the include parameters. */
  private Map<String, Object> withParams(Task include) {
    String action = io.tightbeam.module.Modules.shortName(include.action());
    if (!List.of("include", "include_tasks", "include_role").contains(action)
        || !(include.keywords().get("vars") instanceof Map<?, ?> v)) {
      return params;
    }
    Map<String, Object> p = new LinkedHashMap<>(params);
    p.putAll(castMap(v));
    return p;
  }

  /**
   * The scope of an included file's tasks. An {@code import_tasks} passes all its keywords down;
   * an {@code include_tasks} only its {@code vars} and what its {@code apply} names (its own {@code
   * when}, {@code tags} and other keywords decide the include alone, as in Ansible).
   */
  Scope enterInclude(Task include, Map<String, Map<String, Object>> perHostVars) {
    Scope s = inherit(passedDown(include));
    Map<String, Map<String, Object>> hv = new HashMap<>(hostVars);
    perHostVars.forEach(
        (host, v) -> {
          Map<String, Object> merged = new LinkedHashMap<>(hv.getOrDefault(host, Map.of()));
          merged.putAll(v);
          hv.put(host, merged);
        });
    return new Scope(s.vars, s.whens, s.keywords, s.tags, hv, withParams(include), handler, rescuable, role);
  }

  /** What a task of kind include/import hands to the tasks it brings in. */
  static Map<String, Object> passedDown(Task include) {
    String action = io.tightbeam.module.Modules.shortName(include.action());
    if (!action.equals("include_tasks") && !action.equals("include_role")) {
      return include.keywords();
    }
    Map<String, Object> kw = new LinkedHashMap<>();
    if (include.args().get("apply") instanceof Map<?, ?> apply) {
      apply.forEach((k, v) -> kw.put(String.valueOf(k), v));
    }
    if (include.keywords().get("vars") instanceof Map<?, ?> v) {
      Map<String, Object> vars = new LinkedHashMap<>(castMap(v));
      if (kw.get("vars") instanceof Map<?, ?> av) {
        vars.putAll(castMap(av));
      }
      kw.put("vars", vars);
    }
    return kw;
  }

  /** The scope of a role's tasks: the role's keywords and vars inherited, its defaults below all. */
  Scope enterRole(RoleRef ref, Map<String, Object> keywords, Map<String, Object> roleVars) {
    Scope s = inherit(keywords);
    List<Map<String, Object>> v = new ArrayList<>(s.vars);
    v.add(roleVars);
    return new Scope(v, s.whens, s.keywords, s.tags, hostVars, params, handler, rescuable, ref);
  }

  /** The same scope with more per-host variables (a loop item of an include). */
  Scope withHostVars(Map<String, Map<String, Object>> perHostVars) {
    Map<String, Map<String, Object>> hv = new HashMap<>(hostVars);
    perHostVars.forEach((host, v) -> {
      Map<String, Object> merged = new LinkedHashMap<>(hv.getOrDefault(host, Map.of()));
      merged.putAll(v);
      hv.put(host, merged);
    });
    return new Scope(vars, whens, keywords, tags, hv, params, handler, rescuable, role);
  }

  /** The scope under an include_role: its {@code vars} are include parameters of the role's tasks. */
  Scope withIncludeParams(Task include) {
    return new Scope(vars, whens, keywords, tags, hostVars, withParams(include), handler, rescuable, role);
  }

  /** The same scope for handlers. */
  Scope asHandler() {
    return new Scope(vars, whens, keywords, tags, hostVars, params, true, rescuable, role);
  }

  /** The same scope, where a failure is (or is not) handled by an enclosing rescue. */
  Scope rescuable(boolean value) {
    return new Scope(vars, whens, keywords, tags, hostVars, params, handler, value, role);
  }

  private Scope inherit(Map<String, Object> kw) {
    List<Map<String, Object>> v = new ArrayList<>(vars);
    if (kw.get("vars") instanceof Map<?, ?> m) {
      v.add(castMap(m));
    }
    List<Object> w = new ArrayList<>(whens);
    if (kw.containsKey("when")) {
      w.add(kw.get("when"));
    }
    Map<String, Object> k = new HashMap<>(keywords);
    for (String name : INHERITED) {
      if (kw.containsKey(name) && !MERGED.contains(name)) {
        k.put(name, kw.get(name));
      }
    }
    for (String name : MERGED) {
      if (kw.get(name) != null) {
        List<Object> levels = new ArrayList<>(levels(name));
        levels.add(kw.get(name));
        k.put(name, new Levels(levels));
      }
    }
    List<String> t = new ArrayList<>(tags);
    t.addAll(TagSelection.tagsOf(kw.get("tags")));
    return new Scope(v, w, k, t, hostVars, params, handler, rescuable, role);
  }

  /** The levels of a merged keyword this scope holds, outermost first. */
  List<Object> levels(String name) {
    return keywords.get(name) instanceof Levels l ? l.levels() : List.of();
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> castMap(Map<?, ?> m) {
    return (Map<String, Object>) m;
  }
}
