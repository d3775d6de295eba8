package io.tightbeam.template;

import io.tightbeam.py.PyException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * A run's controller-side Python plugins, as Ansible finds them: {@code filter_plugins/},
 * {@code test_plugins/} and {@code lookup_plugins/} beside a playbook or in a role that was loaded
 * ({@link #addBase}), then the folders ansible.cfg or {@code ANSIBLE_*_PLUGINS} name (and the
 * folders one and two levels below them). They run in one {@code python3} process started when
 * a template first needs a name they may define; a plugin's name overrides a builtin's short name.
 */
public final class PythonPlugins implements Catalogue.Extension {
  private static final String BUILTIN = "ansible.builtin.";
  private static final String LEGACY = "ansible.legacy.";

  /** The three kinds of plugin, by the folder a playbook or role keeps them in. */
  private enum Kind {
    FILTER("filter_plugins", "filter"), TEST("test_plugins", "test"), LOOKUP("lookup_plugins", "lookup");

    final String folder;
    final String collectionFolder;

    Kind(String folder, String collectionFolder) {
      this.folder = folder;
      this.collectionFolder = collectionFolder;
    }

    String word() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  private final Map<Kind, List<Path>> added = new ConcurrentHashMap<>();
  private final Map<Kind, List<Path>> configured = new ConcurrentHashMap<>();
  /** A collection's plugin folder and its names' prefix ({@code acme.tools.}). */
  private record Collected(Path dir, String prefix) {}

  private final Map<Kind, List<Collected>> collections = new ConcurrentHashMap<>();
  private final String python;
  private final Map<String, Optional<Path>> lookupFiles = new ConcurrentHashMap<>();
  private volatile Map<String, Catalogue.Filter> filters;
  private volatile Map<String, Catalogue.Test> tests;
  private volatile boolean filterFiles;
  private volatile boolean testFiles;
  private PluginProcess process;
  /** Ansible's warnings for plugin files that did not load, until a task shows them. */
  private final java.util.Queue<String> warnings = new java.util.concurrent.ConcurrentLinkedQueue<>();
  private String missingPython;

  /**
   * Plugins in the folders configured for each kind (missing folders are skipped), run by
   * {@code python} (a command found on PATH, or a path).
   */
  public PythonPlugins(List<Path> filterPaths, List<Path> testPaths, List<Path> lookupPaths, String python) {
    this.python = python;
    configured.put(Kind.FILTER, expand(filterPaths));
    configured.put(Kind.TEST, expand(testPaths));
    configured.put(Kind.LOOKUP, expand(lookupPaths));
    for (Kind kind : Kind.values()) {
      added.put(kind, new CopyOnWriteArrayList<>());
      collections.put(kind, new CopyOnWriteArrayList<>());
    }
    refresh();
  }

  /** No configured folders (playbook and role folders may still be added). */
  public static PythonPlugins none() {
    return new PythonPlugins(List.of(), List.of(), List.of(), "python3");
  }

  /**
   * Adds the plugin folders of a playbook's or role's folder ({@code dir/filter_plugins}...), as
   * Ansible adds them when it loads the playbook or role; they come before the configured ones.
   */
  public void addBase(Path dir) {
    boolean changed = false;
    for (Kind kind : Kind.values()) {
      Path d = dir.resolve(kind.folder).toAbsolutePath().normalize();
      if (Files.isDirectory(d) && !added.get(kind).contains(d)) {
        added.get(kind).add(d);
        changed = true;
      }
    }
    if (changed) {
      refresh();
    }
  }

  /**
   * Adds the collections beside a playbook ({@code dir/collections/ansible_collections/NS/NAME/
   * plugins/filter}...): their plugins go by full name only ({@code acme.tools.twice}).
   */
  public void addCollections(Path dir) {
    Path root = dir.resolve("collections/ansible_collections").toAbsolutePath().normalize();
    boolean changed = false;
    for (Path namespace : children(root)) {
      for (Path collection : children(namespace)) {
        String prefix = namespace.getFileName() + "." + collection.getFileName() + ".";
        for (Kind kind : Kind.values()) {
          Collected c = new Collected(collection.resolve("plugins").resolve(kind.collectionFolder), prefix);
          if (Files.isDirectory(c.dir()) && !collections.get(kind).contains(c)) {
            collections.get(kind).add(c);
            changed = true;
          }
        }
      }
    }
    if (changed) {
      refresh();
    }
  }

  private synchronized void refresh() {
    filters = null;
    tests = null;
    lookupFiles.clear();
    filterFiles = hasPython(Kind.FILTER);
    testFiles = hasPython(Kind.TEST);
  }

  @Override
  public Catalogue.Filter filter(String name) {
    if (!filterFiles || name.startsWith(BUILTIN)) {
      return null;
    }
    Map<String, Catalogue.Filter> table = filters;
    if (table == null) {
      table = loadFilters();
    }
    String own = name.startsWith(LEGACY) ? name.substring(LEGACY.length()) : name;
    if (table == null) { // no python: builtins still work, other names say why they are missing
      return Catalogue.builtin().filter(name) != null ? null : new Catalogue.Filter(name, false,
          (v, a, e) -> {
            throw new TemplateException(noPython(Kind.FILTER, name));
          });
    }
    return table.get(own);
  }

  @Override
  public Catalogue.Test test(String name) {
    if (!testFiles || name.startsWith(BUILTIN)) {
      return null;
    }
    Map<String, Catalogue.Test> table = tests;
    if (table == null) {
      table = loadTests();
    }
    String own = name.startsWith(LEGACY) ? name.substring(LEGACY.length()) : name;
    if (table == null) {
      return Catalogue.builtin().test(name) != null ? null : new Catalogue.Test(name, false,
          (v, a, e) -> {
            throw new TemplateException(noPython(Kind.TEST, name));
          });
    }
    return table.get(own);
  }

  @Override
  public Catalogue.Lookup lookup(String name) {
    if (name.startsWith(BUILTIN) || added.get(Kind.LOOKUP).isEmpty() && configured.get(Kind.LOOKUP).isEmpty()
        && collections.get(Kind.LOOKUP).isEmpty()) {
      return null;
    }
    String own = name.startsWith(LEGACY) ? name.substring(LEGACY.length()) : name;
    Optional<Path> file = lookupFiles.computeIfAbsent(own, this::lookupFile);
    return file.map(path -> new Catalogue.Lookup(own, (terms, options, env) -> runLookup(own, path, terms, options, env)))
        .orElse(null);
  }

  private Optional<Path> lookupFile(String name) {
    int dot = name.lastIndexOf('.');
    if (dot < 0) {
      return dirs(Kind.LOOKUP).stream().map(d -> d.resolve(name + ".py")).filter(Files::isRegularFile).findFirst();
    }
    String prefix = name.substring(0, dot + 1);
    return collections.get(Kind.LOOKUP).stream().filter(c -> c.prefix().equals(prefix))
        .map(c -> c.dir().resolve(name.substring(dot + 1) + ".py")).filter(Files::isRegularFile).findFirst();
  }

  private synchronized Map<String, Catalogue.Filter> loadFilters() {
    if (filters == null) {
      Map<String, Object> names = load(Kind.FILTER);
      if (names == null) {
        return null;
      }
      Map<String, Catalogue.Filter> table = new LinkedHashMap<>();
      names.keySet().forEach(n -> table.put(n, new Catalogue.Filter(n, false, (v, a, e) -> call(Kind.FILTER, n, v, a, e))));
      filters = table;
    }
    return filters;
  }

  private synchronized Map<String, Catalogue.Test> loadTests() {
    if (tests == null) {
      Map<String, Object> names = load(Kind.TEST);
      if (names == null) {
        return null;
      }
      Map<String, Catalogue.Test> table = new LinkedHashMap<>();
      names.keySet().forEach(n -> table.put(n, new Catalogue.Test(n, false, (v, a, e) -> call(Kind.TEST, n, v, a, e))));
      tests = table;
    }
    return tests;
  }

  /** The names the plugin files of {@code kind} define, or null when Python cannot be run. */
  @SuppressWarnings("unchecked")
  private Map<String, Object> load(Kind kind) {
    PluginProcess host = process();
    if (host == null) {
      return null;
    }
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("op", "load");
    request.put("kind", kind.word());
    List<Object> dirs = new ArrayList<>(dirs(kind).stream().map(Path::toString).toList());
    collections.get(kind).forEach(c -> dirs.add(List.of(c.dir().toString(), c.prefix())));
    request.put("dirs", dirs);
    Map<String, Object> reply = host.call(request, null);
    if (reply.get("warnings") instanceof List<?> list) {
      list.forEach(w -> warnings.add(String.valueOf(w)));
    }
    return reply.get("ok") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  private synchronized PluginProcess process() {
    if (process == null && missingPython == null) {
      try {
        process = PluginProcess.start(python);
      } catch (IOException e) {
        missingPython = e.getMessage();
      }
    }
    return process;
  }

  private Object call(Kind kind, String name, Object value, Args args, Env env) {
    List<Object> positional = new ArrayList<>();
    positional.add(PluginProcess.jsonable(value));
    for (Object a : args.positional()) {
      positional.add(PluginProcess.jsonable(a));
    }
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("op", kind.word());
    request.put("name", name);
    request.put("args", positional);
    request.put("kwargs", PluginProcess.jsonable(args.named()));
    Map<String, Object> reply = process().call(request, env);
    if (reply.get("error") instanceof Map<?, ?> error) {
      throw failure(String.valueOf(error.get("type")), String.valueOf(error.get("msg")));
    }
    return reply.get("ok");
  }

  private List<Object> runLookup(String name, Path path, List<Object> terms, Map<String, Object> options, Env env) {
    PluginProcess host = process();
    if (host == null) {
      throw new TemplateException("lookup plugin (" + name + ") in " + path + " is Python: " + noPythonReason());
    }
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("op", "lookup");
    request.put("name", name);
    request.put("path", path.toString());
    request.put("terms", PluginProcess.jsonable(terms));
    request.put("kwargs", PluginProcess.jsonable(options));
    Map<String, Object> reply = host.call(request, env);
    if (reply.get("error") instanceof Map<?, ?> error) {
      // LookupCall words it by the Python class, as Ansible's lookup() does
      throw PluginError.of(String.valueOf(error.get("type")), String.valueOf(error.get("msg")));
    }
    Object result = reply.get("ok");
    return result instanceof List<?> list ? new ArrayList<>(list) : new Whole(result);
  }

  /**
   * A filter's or test's Python exception as Ansible's templating treats it: Ansible's errors
   * with their message, TypeError and ValueError as the engine's, others unhandled.
   */
  private static RuntimeException failure(String type, String message) {
    if (type.equals(PluginError.UNDEFINED)) {
      return TemplateException.undefined(message);
    } else if (type.startsWith("ansible.errors.")) {
      return PluginError.of(type, message);
    } else if (type.equals("TypeError")) {
      return new PyException(message);
    } else if (type.equals("ValueError")) {
      return PyException.valueError(message);
    }
    return PyException.of(type, message);
  }

  private String noPython(Kind kind, String name) {
    return "Could not load \"" + name + "\": the " + kind.word() + " plugins in "
        + String.join(", ", dirs(kind).stream().map(Path::toString).toList()) + " are Python: " + noPythonReason();
  }

  private String noPythonReason() {
    return python + " is needed to run them and could not be started (" + missingPython + ")";
  }

  private boolean hasPython(Kind kind) {
    List<Path> all = new ArrayList<>(dirs(kind));
    collections.get(kind).forEach(c -> all.add(c.dir()));
    for (Path d : all) {
      try (Stream<Path> files = Files.list(d)) {
        if (files.anyMatch(f -> f.getFileName().toString().endsWith(".py"))) {
          return true;
        }
      } catch (IOException e) {
        // an unreadable folder holds no plugins for Ansible either
      }
    }
    return false;
  }

  private List<Path> dirs(Kind kind) {
    Set<Path> out = new LinkedHashSet<>(added.get(kind));
    out.addAll(configured.get(kind));
    return List.copyOf(out);
  }

  /** Configured folders with the folders one and two levels below them first, as Ansible searches. */
  private static List<Path> expand(List<Path> paths) {
    Set<Path> out = new LinkedHashSet<>();
    for (Path p : paths) {
      Path dir = p.toAbsolutePath().normalize();
      if (!Files.isDirectory(dir)) {
        continue;
      }
      List<Path> below = new ArrayList<>();
      List<Path> twoBelow = new ArrayList<>();
      for (Path child : children(dir)) {
        below.add(child);
        twoBelow.addAll(children(child));
      }
      out.addAll(below);
      out.addAll(twoBelow);
      out.add(dir);
    }
    return List.copyOf(out);
  }

  private static List<Path> children(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(Files::isDirectory).sorted().toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  /** Returns and forgets the warnings of plugin files that could not be loaded. */
  List<String> drainWarnings() {
    List<String> out = new ArrayList<>();
    for (String w = warnings.poll(); w != null; w = warnings.poll()) {
      out.add(w);
    }
    return out;
  }

  /** Whether the Python process was started (only a template needing a plugin's name starts it). */
  synchronized boolean started() {
    return process != null;
  }

  /** Ends the Python process, if one was started. */
  public synchronized void close() {
    if (process != null) {
      process.close();
      process = null;
    }
  }

  /**
   * A lookup result that is not a list (a dict, a string): {@code wantlist} gives it whole; joined,
   * it is what Python's {@code ",".join} iterates (a dict's keys, a string's characters).
   */
  static final class Whole extends AbstractList<Object> {
    private final Object value;
    private final List<Object> items;

    Whole(Object value) {
      this.value = value;
      if (value instanceof Map<?, ?> m) {
        items = new ArrayList<>(m.keySet());
      } else if (value instanceof String s) {
        items = s.codePoints().mapToObj(Character::toString).map(Object.class::cast).toList();
      } else {
        items = java.util.Collections.singletonList(value);
      }
    }

    Object value() {
      return value;
    }

    @Override
    public Object get(int index) {
      return items.get(index);
    }

    @Override
    public int size() {
      return items.size();
    }
  }
}
