package io.tightbeam.inventory;

import io.tightbeam.yaml.InputException;
import io.tightbeam.vault.VaultSecret;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Hosts and groups from every inventory source, with host patterns and variable lookup. Fixed
 * once loaded but for add_host and group_by, which replace its view whole; safe to share between
 * threads. Implicit {@code localhost} (connection local) is available when named but not listed;
 * it is not matched by {@code all} or {@code *}.
 */
public final class Inventory {
  /** The names Ansible treats as the implicit localhost. */
  public static final List<String> LOCALHOST_NAMES = List.of("127.0.0.1", "localhost", "::1");

  /** Guards the graph: add_host and group_by change it while tasks run. */
  private final Object lock = new Object();
  /** The sources as parsed, then add_host and group_by (all of it replaced by {@link #refresh}). */
  private volatile InventoryGraph graph;
  /** Hosts, groups and matcher as of the last change (add_host, group_by replace it whole). */
  private volatile View view;
  private final List<String> warnings;
  private volatile List<Path> varsDirs;
  private final boolean parsed;
  private volatile VarsFiles varsFiles;
  private final Path cwd;
  /** What {@link #refresh} reads again: the sources, as given, and their secrets. */
  private final List<String> sources;
  private final List<VaultSecret> secrets;
  private final List<String> plugins;
  private final List<String> notes;
  /** The add_host and group_by calls so far, in order, replayed by {@link #refresh} as Ansible's. */
  private final List<java.util.function.Consumer<Inventory>> dynamic = new ArrayList<>();

  /** What the graph gives at one moment: the frozen hosts and groups, and a matcher over them. */
  private record View(Map<String, Host> hosts, Map<String, List<String>> groups, HostMatcher matcher) {
    static View of(InventoryGraph graph) {
      Map<String, Host> byName = new LinkedHashMap<>();
      for (InventoryGraph.HostEntry entry : graph.hosts.values()) {
        List<String> groupNames = new ArrayList<>();
        for (InventoryGraph.Group g : InventoryGraph.groupsOf(entry)) {
          groupNames.add(g.name);
        }
        if (!groupNames.contains("all")) {
          groupNames.add(0, "all");
        }
        byName.put(
            entry.name,
            new Host(entry.name, Collections.unmodifiableMap(copy(entry.vars)), List.copyOf(groupNames)));
      }
      Map<String, List<String>> members = new LinkedHashMap<>();
      for (InventoryGraph.Group g : graph.groups.values()) {
        members.put(g.name, List.copyOf(InventoryGraph.hostsOf(g)));
      }
      Map<String, Host> hosts = Collections.unmodifiableMap(byName);
      Map<String, List<String>> groups = Collections.unmodifiableMap(members);
      return new View(hosts, groups, new HostMatcher(hosts, groups, Inventory::implicitLocalhost));
    }
  }

  private Inventory(InventorySources sources, Path cwd, List<String> given) {
    this.cwd = cwd;
    this.sources = List.copyOf(given);
    this.secrets = sources.secrets;
    this.plugins = sources.plugins;
    this.notes = List.copyOf(sources.notes);
    this.varsFiles = new VarsFiles(sources.secrets);
    this.graph = sources.graph;
    this.parsed = sources.parsed;
    this.varsDirs = List.copyOf(sources.varsDirs);
    this.view = View.of(graph);
    List<String> allWarnings = new ArrayList<>(sources.warnings);
    for (String name : graph.hosts.keySet()) {
      if (graph.groups.containsKey(name)) {
        allWarnings.add("Found both group and host with same name: " + name);
      }
    }
    if (!parsed) {
      allWarnings.add("No inventory was parsed, only implicit localhost is available");
    }
    this.warnings = List.copyOf(allWarnings);
  }

  /**
   * Loads the sources: files (YAML or INI), directories, or comma lists ({@code localhost,}).
   * Relative paths resolve against {@code cwd}. Sources that cannot be read become {@link
   * #warnings()}, as in Ansible; a broken group/host loop in one file too.
   */
  public static Inventory load(List<String> sources, Path cwd) {
    return load(sources, cwd, List.of());
  }

  /** As {@link #load(List, Path)}, opening vaulted files and {@code !vault} values with {@code secrets}. */
  public static Inventory load(List<String> sources, Path cwd, List<VaultSecret> secrets) {
    return load(sources, cwd, secrets, HashBehaviour.REPLACE);
  }

  /** As {@link #load(List, Path, List)}, combining vars set again by {@code hash} ({@code hash_behaviour}). */
  public static Inventory load(
      List<String> sources, Path cwd, List<VaultSecret> secrets, HashBehaviour hash) {
    return load(sources, cwd, secrets, hash, InventorySources.DEFAULT_PLUGINS);
  }

  /** As {@link #load(List, Path, List, HashBehaviour)}, with the enabled inventory plugins. */
  public static Inventory load(List<String> sources, Path cwd, List<VaultSecret> secrets, HashBehaviour hash,
      List<String> plugins) {
    return new Inventory(parse(sources, cwd, secrets, hash, plugins), cwd, sources);
  }

  /** What Ansible says of the sources at {@code -vvv} (a host range left as written). */
  public List<String> notes() {
    return notes;
  }

  private static InventorySources parse(
      List<String> sources, Path cwd, List<VaultSecret> secrets, HashBehaviour hash, List<String> plugins) {
    InventorySources loader = new InventorySources(secrets, hash, plugins);
    for (String source : sources) {
      loader.load(source, cwd);
    }
    loader.graph.reconcile();
    return loader;
  }

  /**
   * Ansible's {@code meta: refresh_inventory}: reads the sources and their vars files again, then
   * repeats the add_host and group_by calls made so far (their hosts and groups stay, as Ansible's).
   */
  public void refresh() {
    synchronized (lock) {
      InventorySources loader = parse(sources, cwd, secrets, graph.hash, plugins);
      List<String> before = new ArrayList<>(graph.groups.keySet());
      List<String> parsedGroups = new ArrayList<>(loader.graph.groups.keySet());
      graph = loader.graph;
      varsDirs = List.copyOf(loader.varsDirs);
      varsFiles = new VarsFiles(secrets);
      List<java.util.function.Consumer<Inventory>> replay = List.copyOf(dynamic);
      dynamic.clear();
      replay.forEach(call -> call.accept(this));
      // group_by ran on the workers, so its calls came in any order: the groups it made keep theirs
      Map<String, InventoryGraph.Group> made = new LinkedHashMap<>(graph.groups);
      made.keySet().removeAll(parsedGroups);
      graph.groups.keySet().removeAll(made.keySet());
      made.keySet().stream()
          .sorted(java.util.Comparator.comparingInt(g -> before.contains(g) ? before.indexOf(g) : before.size()))
          .forEach(g -> graph.groups.put(g, made.get(g)));
      view = View.of(graph);
    }
  }

  /** Ansible's {@code hash_behaviour} for this run: how vars set again at a higher level combine. */
  public HashBehaviour hash() {
    return graph.hash;
  }

  /** Whether any source was parsed (Ansible warns when only implicit localhost is available). */
  public boolean parsed() {
    return parsed;
  }

  /**
   * Ansible's warnings from loading, in order, without the {@code [WARNING]: } prefix: {@code
   * Unable to parse <path> as an inventory source}, {@code  * Failed to parse <path> with ini
   * plugin: <path>:3: ...}, skipped YAML keys, and last {@code No inventory was parsed, only
   * implicit localhost is available} when nothing was parsed.
   */
  public List<String> warnings() {
    return warnings;
  }

  /**
   * The hosts matched by {@code pattern} ({@code all}, {@code *}, names, groups, {@code a:b},
   * {@code a,b}, {@code a:&b}, {@code a:!b}, wildcards, ranges {@code web[0:2]}, regex {@code
   * ~web\d+}), in inventory order, without duplicates.
   */
  public List<Host> select(String pattern) {
    return match(pattern).hosts();
  }

  /**
   * The hosts of {@code pattern}, restricted to those of {@code limit} (Ansible's {@code --limit},
   * parts may be {@code @file}; null or blank for none), with the pattern parts that matched
   * nothing. Throws {@link InputException} (exit code 1) for a bad regex, a subscript out of range
   * or a missing limit file, with Ansible's text.
   */
  public PatternMatch match(String pattern, String limit) {
    if (limit == null || limit.isBlank()) {
      return match(pattern);
    }
    return view.matcher().match(pattern, limit, cwd);
  }

  /** The hosts of {@code pattern}, with the pattern parts that matched nothing. */
  public PatternMatch match(String pattern) {
    return view.matcher().match(pattern);
  }

  /** The host named {@code name}: listed, or implicit localhost for its names, else empty. */
  public Optional<Host> host(String name) {
    Host h = view.hosts().get(name);
    if (h == null && LOCALHOST_NAMES.contains(name)) {
      return Optional.of(implicitLocalhost(name));
    }
    return Optional.ofNullable(h);
  }

  /** Every listed host, in the order of pattern {@code all} (implicit localhost is not one). */
  public List<Host> all() {
    View v = view;
    List<Host> list = new ArrayList<>();
    v.groups().get("all").forEach(name -> list.add(v.hosts().get(name)));
    return List.copyOf(list);
  }

  /** Whether {@code host} is the implicit localhost rather than an inventory host. */
  public boolean isImplicit(Host host) {
    return !view.hosts().containsKey(host.name()) && LOCALHOST_NAMES.contains(host.name());
  }

  private static Host implicitLocalhost(String name) {
    return new Host(name, CONTROLLER_PYTHON == null ? Map.of("ansible_connection", "local")
        : Map.of("ansible_connection", "local", "ansible_python_interpreter", CONTROLLER_PYTHON),
        List.of("all"));
  }

  /**
   * Ansible gives the implicit localhost the Python that runs Ansible; tightbeam, run by no
   * Python, names /usr/bin/python3 when there is one, else the first python3 on PATH.
   */
  private static final String CONTROLLER_PYTHON = controllerPython();

  private static String controllerPython() {
    List<String> dirs = new ArrayList<>(List.of("/usr/bin"));
    String path = System.getenv("PATH");
    if (path != null) {
      dirs.addAll(List.of(path.split(":")));
    }
    for (String dir : dirs) {
      java.nio.file.Path p = java.nio.file.Path.of(dir.isEmpty() ? "." : dir, "python3");
      if (java.nio.file.Files.isExecutable(p)) {
        return p.toString();
      }
    }
    return null;
  }

  /** The {@code group_names} magic variable: the host's groups but {@code all}, sorted. */
  public static List<String> groupNames(Host host) {
    List<String> names = new ArrayList<>(host.groups());
    names.remove("all");
    Collections.sort(names);
    return List.copyOf(names);
  }

  /** All group names mapped to their hosts' names ({@code groups} magic variable). */
  public Map<String, List<String>> groups() {
    return view.groups();
  }

  /**
   * Ansible's add_host: adds {@code name} (to {@code all}) when new, merges {@code vars} into its
   * own vars and puts it in {@code groups} (made when missing). Returns whether the inventory
   * changed. Safe to call from any thread; readers see the change whole.
   */
  public boolean addHost(String name, List<String> groups, Map<String, Object> vars) {
    synchronized (lock) {
      dynamic.add(inv -> inv.addHost(name, groups, vars));
      boolean changed = false;
      InventoryGraph.HostEntry host = graph.hosts.get(name);
      if (host == null) {
        host = listed(name);
        graph.addHost(name, "all");
        changed = true;
      }
      for (Map.Entry<String, Object> e : vars.entrySet()) {
        if (!host.vars.containsKey(e.getKey())
            || !java.util.Objects.equals(host.vars.get(e.getKey()), e.getValue())) {
          host.vars.put(e.getKey(), e.getValue());
          changed = true;
        }
      }
      for (String group : groups) {
        changed |= !graph.hasGroup(group);
        InventoryGraph.Group g = graph.group(group);
        if (!g.hosts.contains(name)) {
          graph.addHost(name, group);
          changed = true;
        }
      }
      if (changed) {
        graph.reconcile();
        view = View.of(graph);
      }
      return changed;
    }
  }

  /**
   * Ansible's group_by: puts host {@code name} in {@code group} (made when missing), and {@code
   * group} under each of {@code parents}. Returns whether that changed anything but the group's
   * existence (as Ansible counts it).
   */
  public boolean addToGroup(String name, String group, List<String> parents) {
    return addToGroup(name, group, parents, false);
  }

  /** As group_by, or its replay after a refresh: a host the sources no longer have is left out. */
  private boolean addToGroup(String name, String group, List<String> parents, boolean replay) {
    synchronized (lock) {
      dynamic.add(inv -> inv.addToGroup(name, group, parents, true));
      boolean changed = false;
      InventoryGraph.Group g = graph.group(group);
      for (String parent : parents) {
        changed |= !graph.hasGroup(parent);
        InventoryGraph.Group p = graph.group(parent);
        if (!p.children.contains(g)) {
          graph.addChild(parent, group);
          changed = true;
        }
      }
      boolean gone = replay && !graph.hosts.containsKey(name) && !LOCALHOST_NAMES.contains(name);
      if (!gone && !g.hosts.contains(name)) {
        listed(name);
        graph.addHost(name, group);
        changed = true;
      }
      graph.reconcile();
      view = View.of(graph);
      return changed;
    }
  }

  /**
   * The variables of {@code host} from inventory sources and {@code group_vars/}/{@code
   * host_vars/} beside the inventory and beside {@code playbookDir} (may be null), merged in
   * Ansible's precedence order (its default VARIABLE_PRECEDENCE), low to high: inventory-file vars
   * of {@code all}, inventory-file vars of the other groups (by depth, {@code
   * ansible_group_priority}, name), inventory {@code group_vars/all}, playbook {@code
   * group_vars/all}, inventory {@code group_vars/<g>}, playbook
   * {@code group_vars/<g>}, inventory-file host vars, inventory {@code host_vars/}, playbook
   * {@code host_vars/}. Throws {@link InputException} for a broken vars file.
   */
  public Map<String, Object> hostVars(Host host, Path playbookDir) {
    List<String> others = new ArrayList<>(host.groups());
    others.remove("all");
    List<Path> playDirs = playbookDir == null ? List.of() : List.of(playbookDir);
    Map<String, Object> vars = new LinkedHashMap<>();
    hash().update(vars, groupVars("all"));
    for (String g : others) {
      hash().update(vars, groupVars(g));
    }
    varsFromFiles(vars, varsDirs, "group_vars", List.of("all"));
    varsFromFiles(vars, playDirs, "group_vars", List.of("all"));
    varsFromFiles(vars, varsDirs, "group_vars", others);
    varsFromFiles(vars, playDirs, "group_vars", others);
    hash().update(vars, host.vars());
    varsFromFiles(vars, varsDirs, "host_vars", List.of(host.name()));
    varsFromFiles(vars, playDirs, "host_vars", List.of(host.name()));
    return vars;
  }

  /** The graph's entry for {@code name}, made when missing (implicit localhost keeps its connection). */
  private InventoryGraph.HostEntry listed(String name) {
    boolean known = graph.hosts.containsKey(name);
    InventoryGraph.HostEntry host = graph.addHost(name, null);
    if (!known && LOCALHOST_NAMES.contains(name)) {
      host.vars.putAll(implicitLocalhost(name).vars());
    }
    return host;
  }

  private Map<String, Object> groupVars(String name) {
    synchronized (lock) { // add_host and group_by change the graph while tasks run
      InventoryGraph.Group g = graph.groups.get(name);
      return g == null ? Map.of() : new LinkedHashMap<>(g.vars);
    }
  }

  private void varsFromFiles(
      Map<String, Object> into, List<Path> dirs, String kind, List<String> names) {
    for (Path dir : dirs) {
      for (String name : names) {
        hash().update(into, varsFiles.load(dir, kind, name));
      }
    }
  }

  private static Map<String, Object> copy(Map<String, Object> vars) {
    return new LinkedHashMap<>(vars);
  }
}
