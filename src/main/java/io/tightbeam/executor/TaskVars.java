package io.tightbeam.executor;

import io.tightbeam.inventory.HashBehaviour;
import io.tightbeam.playbook.Task;
import io.tightbeam.template.Literal;
import io.tightbeam.template.Templar;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Builds the variables a task sees on a host, in Ansible's precedence order (lowest first): the
 * play's roles' defaults, the task's role defaults, inventory (group then host vars), facts, play
 * vars and vars_files, the play's roles' vars, block and role vars, task vars, include vars,
 * set_fact and registered values, role parameters, include parameters, extra vars; then the magic variables. Values stay
 * raw: the templar renders them when used.
 */
final class TaskVars {
  /**
   * Ansible's {@code ansible_playbook_python}: there is no Python running the playbook, so the
   * controller's python3 on PATH (roles hand it to local tasks as their interpreter), else Ansible's
   * usual path.
   */
  private static final String PLAYBOOK_PYTHON = controllerPython();

  private TaskVars() {}

  private static String controllerPython() {
    String path = System.getenv("PATH");
    for (String dir : (path == null ? "" : path).split(":")) {
      java.nio.file.Path p = java.nio.file.Path.of(dir.isEmpty() ? "." : dir, "python3");
      if (java.nio.file.Files.isExecutable(p)) {
        return p.toAbsolutePath().toString();
      }
    }
    return "/usr/bin/python3";
  }

  static Map<String, Object> build(PlayContext ctx, HostState h, Task task, Scope scope) {
    PlayRoles.Exports exported = ctx.roles().all();
    HashBehaviour hash = ctx.services().inventory().hash();
    Map<String, Object> v = new LinkedHashMap<>(exported.defaults());
    if (scope.role() != null) {
      layer(hash, v, scope.role().defaults());
    }
    layer(hash, v, h.inventoryVars);
    putFacts(v, h, hash);
    layer(hash, v, ctx.playVars());
    layer(hash, v, exported.vars());
    scope.vars().forEach(level -> layer(hash, v, level));
    if (task != null && task.keywords().get("vars") instanceof Map<?, ?> tv) {
      layer(hash, v, Scope.castMap(tv));
    }
    layer(hash, v, scope.hostVars().getOrDefault(h.name(), Map.of()));
    layer(hash, v, h.includedVars);
    layer(hash, v, h.setFacts);
    if (scope.role() != null) {
      layer(hash, v, scope.role().params());
    }
    layer(hash, v, scope.params());
    layer(hash, v, ctx.options().extraVars());
    putMagic(v, ctx, h);
    if (scope.role() != null) {
      v.put("role_name", scope.role().name());
      v.put("ansible_role_name", scope.role().name());
      v.put("role_path", scope.role().path().toString());
    }
    v.put("ansible_search_path", new Literal(SearchPath.of(ctx, task, scope).strings()));
    PlayRoles.Names roleNames = ctx.roles().names();
    v.put("ansible_role_names", new Literal(roleNames.all()));
    v.put("ansible_play_role_names", new Literal(roleNames.play()));
    v.put("role_names", new Literal(roleNames.play()));
    v.put("ansible_dependent_role_names", new Literal(roleNames.dependent()));
    return v;
  }

  private static void putFacts(Map<String, Object> v, HostState h, HashBehaviour hash) {
    if (h.facts.isEmpty()) {
      v.put("ansible_facts", new Literal(Map.of()));
      return;
    }
    Map<String, Object> facts = new LinkedHashMap<>();
    h.facts.forEach((k, val) -> facts.put(k, new Literal(val)));
    layer(hash, v, facts);
    v.put("ansible_facts", new Literal(unprefixed(h.facts)));
  }

  /**
   * One precedence level over the ones below: as {@code putAll}, or under {@code hash_behaviour =
   * merge} with dicts merged (facts and set facts are kept as {@link Literal}; a merged dict is not).
   */
  private static void layer(HashBehaviour hash, Map<String, Object> v, Map<String, ?> level) {
    if (hash == HashBehaviour.REPLACE) {
      v.putAll(level);
      return;
    }
    level.forEach((k, val) -> {
      Object old = v.get(k) instanceof Literal l ? l.value() : v.get(k);
      Object now = val instanceof Literal l ? l.value() : val;
      v.put(k, old instanceof Map<?, ?> && now instanceof Map<?, ?> ? hash.combine(old, now) : val);
    });
  }

  /** Gathered facts as {@code ansible_facts} holds them: names without the ansible_ prefix. */
  private static Map<String, Object> unprefixed(Map<String, Object> facts) {
    Map<String, Object> plain = new LinkedHashMap<>();
    facts.forEach((k, val) -> plain.put(k.startsWith("ansible_") ? k.substring("ansible_".length()) : k, val));
    return plain;
  }

  private static void putMagic(Map<String, Object> v, PlayContext ctx, HostState h) {
    putHostMagic(v, ctx, h);
    v.put("ansible_play_hosts", new Literal(ctx.matched().remaining(ctx)));
    v.put("ansible_play_hosts_all", new Literal(ctx.matched().all()));
    List<String> batch = ctx.batch().stream().filter(n -> ctx.hosts().get(n) == null || ctx.hosts().get(n).active()).toList();
    v.put("ansible_play_batch", new Literal(batch)); // without the hosts that failed, as Ansible's
    v.put("play_hosts", new Literal(batch)); // Ansible's old name for the batch
    v.put("hostvars", new Literal(new HostVarsView(ctx)));
  }

  /** The magic variables that do not depend on the play (also in {@code hostvars[host]}). */
  private static void putHostMagic(Map<String, Object> v, PlayContext ctx, HostState h) {
    String name = h.name();
    v.put("inventory_hostname", name);
    v.put("inventory_hostname_short", name.contains(".") ? name.substring(0, name.indexOf('.')) : name);
    Map<String, List<String>> groups = ctx.services().inventory().groups();
    v.put("groups", new Literal(groups));
    v.put(
        "group_names",
        new Literal(
            h.host.groups().stream()
                .filter(g -> !g.equals("all") && !g.equals("ungrouped"))
                .sorted()
                .collect(Collectors.toList())));
    v.put("ansible_check_mode", ctx.options().check());
    v.put("ansible_diff_mode", ctx.options().diff());
    v.put("ansible_verbosity", ctx.options().verbosity());
    v.put("ansible_version", new Literal(Map.of("full", "2.14.18", "major", 2, "minor", 14, "revision", 18, "string", "2.14.18")));
    v.put("ansible_run_tags", new Literal(ctx.options().tags().isEmpty() ? List.of("all") : ctx.options().tags()));
    v.put("ansible_skip_tags", new Literal(ctx.options().skipTags()));
    v.put("playbook_dir", ctx.play().baseDir().toAbsolutePath().normalize().toString());
    v.put("ansible_playbook_python", PLAYBOOK_PYTHON);
    v.put("omit", Templar.OMIT);
  }

  /**
   * What {@code hostvars[host]} holds, as Ansible's host-level variables: inventory vars, facts,
   * set facts and registered values, extra vars and the magic variables that are not the play's
   * (play vars are not there).
   */
  static Map<String, Object> ofHost(PlayContext ctx, HostState h) {
    HashBehaviour hash = ctx.services().inventory().hash();
    Map<String, Object> m = new LinkedHashMap<>(h.inventoryVars);
    putFacts(m, h, hash);
    layer(hash, m, h.includedVars);
    layer(hash, m, h.setFacts);
    layer(hash, m, ctx.options().extraVars());
    putHostMagic(m, ctx, h);
    return new HostLevelVars(ctx.templar(), m);
  }

  /**
   * One host's {@code hostvars} entry: a value is templated when read, with that host's own
   * variables, as Ansible's HostVarsVars does ({@code y: "{{ x }}"} reads as x's value); one that
   * cannot be (an undefined name) reads as written. Facts and registered values are never templated.
   */
  private static final class HostLevelVars extends AbstractMap<String, Object> {
    private final Templar templar;
    private final Map<String, Object> raw;

    HostLevelVars(Templar templar, Map<String, Object> raw) {
      this.templar = templar;
      this.raw = raw;
    }

    @Override
    public Object get(Object key) {
      Object v = raw.get(key);
      if (v instanceof Literal l) {
        return l.value();
      }
      try {
        return templar.template(v, raw);
      } catch (io.tightbeam.template.TemplateException e) {
        return v;
      }
    }

    @Override
    public boolean containsKey(Object key) {
      return raw.containsKey(key);
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
      Map<String, Object> all = new LinkedHashMap<>();
      raw.keySet().forEach(k -> all.put(k, get(k)));
      return all.entrySet();
    }
  }

  /** {@code hostvars}: every play host's host-level variables ({@link #ofHost}), built when read. */
  private static final class HostVarsView extends AbstractMap<String, Object> {
    private final PlayContext ctx;

    HostVarsView(PlayContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public Object get(Object key) {
      HostState h = ctx.hosts().get(String.valueOf(key));
      if (h == null) {
        var host = ctx.services().inventory().host(String.valueOf(key));
        if (host.isEmpty()) {
          return null;
        }
        h = ctx.state(host.get());
      }
      return ofHost(ctx, h);
    }

    @Override
    public boolean containsKey(Object key) {
      return ctx.hosts().containsKey(String.valueOf(key)) || ctx.services().inventory().host(String.valueOf(key)).isPresent();
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
      Map<String, Object> all = new LinkedHashMap<>();
      ctx.services().inventory().all().forEach(h -> all.put(h.name(), get(h.name())));
      return all.entrySet();
    }
  }
}
