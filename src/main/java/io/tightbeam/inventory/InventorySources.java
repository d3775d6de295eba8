package io.tightbeam.inventory;

import io.tightbeam.vault.VaultException;
import io.tightbeam.vault.VaultSecret;
import io.tightbeam.vault.VaultText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads inventory sources as Ansible's inventory manager does: a directory (every entry, sorted,
 * recursively), a comma list ({@code localhost,}), or a file tried as YAML (for {@code
 * .yml/.yaml/.json} or no extension) and then as INI. A source that no format can read becomes
 * warnings ({@code * Failed to parse ...}, {@code Unable to parse ... as an inventory source}) and
 * loading goes on.
 *
 * <p>In a directory, names ending in Ansible's default ignore list ({@code .pyc .pyo .swp .bak ~
 * .rpm .md .txt .rst .orig .ini .cfg .retry}), the folders {@code group_vars}, {@code host_vars}
 * and {@code vars_plugins}, and hidden names are skipped. Executable inventory scripts are not
 * supported: a file starting with {@code #!} is reported as such.
 */
final class InventorySources {
  static final String DEFAULT_SOURCE = "/etc/ansible/hosts";
  private static final List<String> IGNORED_ENDINGS =
      List.of(".pyc", ".pyo", ".swp", ".bak", "~", ".rpm", ".md", ".txt", ".rst", ".orig", ".ini",
          ".cfg", ".retry");
  private static final List<String> IGNORED_DIRS = List.of("group_vars", "host_vars", "vars_plugins");

  final List<VaultSecret> secrets;
  final InventoryGraph graph;
  /** Ansible's enabled inventory plugins ({@code [inventory] enable_plugins}), for comma lists. */
  final List<String> plugins;
  final List<String> warnings = new ArrayList<>();
  /** What Ansible says of the sources at {@code -vvv}. */
  final List<String> notes = new ArrayList<>();
  /** Where {@code group_vars/} and {@code host_vars/} of each parsed source live. */
  final List<Path> varsDirs = new ArrayList<>();
  boolean parsed;

  InventorySources(List<VaultSecret> secrets, HashBehaviour hash) {
    this(secrets, hash, DEFAULT_PLUGINS);
  }

  /** Ansible's default {@code enable_plugins}. */
  static final List<String> DEFAULT_PLUGINS = List.of("host_list", "script", "auto", "yaml", "ini", "toml");

  InventorySources(List<VaultSecret> secrets, HashBehaviour hash, List<String> plugins) {
    this.secrets = List.copyOf(secrets);
    this.graph = new InventoryGraph(hash);
    this.plugins = List.copyOf(plugins);
  }

  void load(String source, Path cwd) {
    Path path = resolve(source, cwd);
    boolean ok;
    if (Files.isDirectory(path)) {
      ok = directory(path);
      if (ok) {
        addVarsDir(path);
      }
    } else if (source.contains(",") && !Files.exists(path)) {
      ok = commaList(source);
      if (!ok) {
        warnings.add("Unable to parse " + source + " as an inventory source");
      }
      parsed |= ok;
      warnOfGroupNames();
      return;
    } else if (Files.isRegularFile(path)) {
      ok = file(path);
      if (ok) {
        addVarsDir(path.getParent());
      }
    } else {
      ok = false;
    }
    if (!ok && (!source.equals(DEFAULT_SOURCE) || Files.exists(path))) {
      warnings.add("Unable to parse " + path + " as an inventory source");
    }
    parsed |= ok;
    warnOfGroupNames();
  }

  /** Ansible's Python identifier test for group names (TRANSFORM_INVALID_GROUP_CHARS=never). */
  private static final java.util.regex.Pattern INVALID_GROUP_CHARS =
      java.util.regex.Pattern.compile("^[\\d\\W]|[^\\w]", java.util.regex.Pattern.UNICODE_CHARACTER_CLASS);
  private static final String INVALID_GROUP_NAMES =
      "Invalid characters were found in group names but not replaced, use -vvvv to see details";

  /** Ansible keeps a group name that is no identifier ({@code web-servers}) and says so, once. */
  private void warnOfGroupNames() {
    if (!warnings.contains(INVALID_GROUP_NAMES)
        && graph.groups.keySet().stream().anyMatch(n -> INVALID_GROUP_CHARS.matcher(n).find())) {
      warnings.add(INVALID_GROUP_NAMES);
    }
  }

  private void addVarsDir(Path dir) {
    if (!varsDirs.contains(dir)) {
      varsDirs.add(dir);
    }
  }

  private static Path resolve(String source, Path cwd) {
    String s = source;
    if (s.equals("~") || s.startsWith("~/")) {
      s = System.getProperty("user.home") + s.substring(1);
    }
    try {
      return cwd.resolve(s).normalize();
    } catch (java.nio.file.InvalidPathException e) {
      return cwd.resolve("_invalid_path_").resolveSibling(s.replace('\0', '_'));
    }
  }

  private boolean directory(Path dir) {
    List<Path> entries;
    try (Stream<Path> list = Files.list(dir)) {
      entries = list.sorted().collect(Collectors.toList());
    } catch (IOException e) {
      warnings.add("Unable to read directory " + dir + ": " + e.getMessage());
      return false;
    }
    boolean any = false;
    for (Path entry : entries) {
      String name = entry.getFileName().toString();
      if (name.startsWith(".") || IGNORED_ENDINGS.stream().anyMatch(name::endsWith)) {
        continue;
      }
      boolean ok;
      if (Files.isDirectory(entry)) {
        if (IGNORED_DIRS.contains(name)) {
          continue;
        }
        ok = directory(entry);
      } else {
        ok = file(entry);
      }
      if (!ok) {
        warnings.add("Unable to parse " + entry + " as an inventory source");
      }
      any |= ok;
    }
    return any;
  }

  /**
   * A comma list, read by the first enabled plugin that takes it: host_list (entries as written,
   * one address each) or advanced_host_list (ranges such as {@code web[1:3]} expanded).
   */
  private boolean commaList(String source) {
    for (String plugin : plugins) {
      String name = plugin.strip().replaceFirst("^ansible\\.builtin\\.", "");
      if (name.equals("host_list")) {
        hostList(source);
        return true;
      }
      if (name.equals("advanced_host_list")) {
        try {
          advancedHostList(source);
          return true;
        } catch (NumberFormatException e) {
          warnings.add(" * Failed to parse " + source + " with advanced_host_list plugin: Invalid data from"
              + " string, could not parse: " + e.getMessage());
        }
      }
    }
    return false;
  }

  /** Ansible's advanced_host_list: a range that is no address stays as written (said at -vvv). */
  private void advancedHostList(String source) {
    for (String part : source.split(",")) {
      String entry = part.strip();
      if (entry.isEmpty()) {
        continue;
      }
      List<String> names = List.of(entry);
      Integer port = null;
      try {
        HostRange range = HostRange.parse(entry);
        names = range.names();
        port = range.port();
      } catch (IllegalArgumentException e) {
        if (e.getMessage() != null && e.getMessage().startsWith("invalid literal for int()")) {
          throw new NumberFormatException(e.getMessage()); // Python's ValueError: the source fails
        }
        notes.add("Unable to parse address from hostname, leaving unchanged: " + e.getMessage());
      }
      for (String name : names) {
        if (!graph.hosts.containsKey(name)) {
          InventoryGraph.HostEntry host = graph.addHost(name, "ungrouped");
          if (port != null) {
            host.vars.put("ansible_port", port);
          }
        }
      }
    }
  }

  private void hostList(String source) {
    for (String part : source.split(",")) {
      String entry = part.strip();
      if (entry.isEmpty()) {
        continue;
      }
      String name = entry;
      Integer port = null;
      try {
        HostRange range = HostRange.parse(entry);
        if (range.names().size() == 1) {
          name = range.names().get(0);
          port = range.port();
        }
      } catch (IllegalArgumentException e) {
        // Ansible keeps the entry as written when it is no address.
      }
      if (!graph.hosts.containsKey(name)) {
        InventoryGraph.HostEntry host = graph.addHost(name, "ungrouped");
        if (port != null) {
          host.vars.put("ansible_port", port);
        }
      }
    }
  }

  private boolean file(Path path) {
    String text;
    try {
      text = Files.readString(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      warnings.add(" * Failed to parse " + path + " with ini plugin: " + e.getMessage());
      return false;
    }
    if (VaultText.isEncrypted(text)) {
      try {
        text = VaultText.decrypt(text, secrets, path.toString()).text();
      } catch (VaultException e) {
        // Every format Ansible tries fails on it, each saying so.
        for (String plugin : yamlCandidate(path) ? List.of("auto", "yaml", "ini") : List.of("ini")) {
          warnings.add(" * Failed to parse " + path + " with " + plugin + " plugin: " + e.getMessage());
        }
        return false;
      }
    }
    if (text.startsWith("#!") && Files.isExecutable(path)) {
      warnings.add(
          " * Failed to parse " + path
              + " with script plugin: executable inventory scripts are not supported by Tightbeam");
      return false;
    }
    // Like Ansible, a format that fails half way keeps what it added; no roll-back.
    int known = graph.hosts.size();
    List<String> failures = new ArrayList<>();
    if (yamlCandidate(path)) {
      List<String> yamlWarnings = new ArrayList<>();
      try {
        YamlInventory.parse(path.toString(), text, graph, yamlWarnings, secrets);
        warnings.addAll(yamlWarnings);
        addSourceVars(path, known);
        return true;
      } catch (InventoryParseException e) {
        failures.add(" * Failed to parse " + path + " with yaml plugin: " + e.getMessage());
      }
    }
    try {
      IniInventory.parse(path.toString(), text, graph);
      addSourceVars(path, known);
      return true;
    } catch (InventoryParseException e) {
      failures.add(" * Failed to parse " + path + " with ini plugin: " + e.getMessage());
    }
    warnings.addAll(failures);
    return false;
  }

  private static boolean yamlCandidate(Path path) {
    String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
    int dot = name.lastIndexOf('.');
    if (dot <= 0) {
      return true;
    }
    String ext = name.substring(dot);
    return ext.equals(".yml") || ext.equals(".yaml") || ext.equals(".json");
  }

  /** Ansible's {@code inventory_file}/{@code inventory_dir}, set on hosts this file added. */
  private void addSourceVars(Path path, int known) {
    graph.hosts.values().stream()
        .skip(known)
        .forEach(
            h -> {
              h.vars.putIfAbsent("inventory_file", path.toString());
              h.vars.putIfAbsent("inventory_dir", path.getParent().toString());
            });
  }
}
