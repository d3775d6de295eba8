package io.tightbeam.template;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tightbeam.py.Py;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The config lookup: an Ansible setting's value from its ANSIBLE_* variable or its default, typed
 * as Ansible types it. The table of settings ({@code settings.tsv}) is generated from
 * {@code ansible-config list}; ansible.cfg values are not seen here (the Env has none).
 */
final class ConfigLookup {
  private ConfigLookup() {}

  /** One setting: its type, its environment variables (the last one set wins) and default. */
  record Setting(String name, String type, List<String> env, Object fallback) {}

  private static final class Table {
    static final Map<String, Setting> SETTINGS = load();
    /** Each plugin's options, by "type name" ({@code "connection ssh"}). */
    static final Map<String, Map<String, PluginSetting>> PLUGINS = loadPlugins();
  }

  static void register(Catalogue c) {
    c.lookup("config", ConfigLookup::run);
  }

  /** The plugin types the option {@code plugin_type} takes (its choices, in Ansible's order). */
  private static final List<String> PLUGIN_TYPES = List.of("become", "cache", "callback", "cliconf",
      "connection", "httpapi", "inventory", "lookup", "netconf", "shell", "vars");
  /** Names in ansible.constants that are callables, not settings. */
  private static final java.util.Set<String> CALLABLES = java.util.Set.of("ConfigManager", "Sequence",
      "_DeprecatedSequenceConstant", "__metaclass__", "_deprecated", "_warning", "add_internal_fqcns",
      "set_constant", "to_text");

  private static List<Object> run(List<Object> terms, Map<String, Object> options, Env env) {
    Object missing = options.getOrDefault("on_missing", "error");
    Object pluginType = options.get("plugin_type");
    Object pluginName = options.get("plugin_name");
    if (pluginType != null && !PLUGIN_TYPES.contains(Py.str(pluginType))) {
      throw PluginError.of(PluginError.OPTIONS_ERROR, "Invalid value \"" + Py.str(pluginType) + "\" for configuration "
          + "option \"plugin_type: lookup plugin: config setting: plugin_type \", valid values are: "
          + String.join(", ", PLUGIN_TYPES));
    }
    if (!(missing instanceof String m && List.of("error", "warn", "skip").contains(m))) {
      throw PluginError.of(PluginError.OPTIONS_ERROR, "Invalid value \"" + Py.str(missing) + "\" for configuration "
          + "option \"plugin_type: lookup plugin: config setting: on_missing \", valid values are: "
          + "error, skip, warn");
    }
    if ((Py.truthy(pluginType) || Py.truthy(pluginName)) && !(Py.truthy(pluginType) && Py.truthy(pluginName))) {
      throw PluginError.of(PluginError.OPTIONS_ERROR,
          "Both plugin_type and plugin_name are required, cannot use one without the other");
    }
    Map<String, PluginSetting> plugin = null;
    String where = null;
    if (Py.truthy(pluginName)) {
      String name = Py.str(pluginName);
      String shortName = name.startsWith("ansible.builtin.") ? name.substring(16) : name;
      plugin = Table.PLUGINS.get(pluginType + " " + shortName);
      if (plugin == null) {
        throw PluginError.of(PluginError.LOOKUP_ERROR, "Unable to load " + pluginType + " plugin \"" + name + "\"");
      }
      where = "plugin_type: " + pluginType + " plugin: " + shortName + " setting: ";
    }
    List<Object> out = new ArrayList<>();
    for (Object term : terms) {
      if (!(term instanceof String name)) {
        throw PluginError.of(PluginError.OPTIONS_ERROR, "Invalid setting identifier, \"" + Py.str(term)
            + "\" is not a string, its a <class '" + Py.typeName(term) + "'>");
      }
      if (plugin == null && CALLABLES.contains(name)) {
        throw PluginError.of(PluginError.LOOKUP_ERROR, "Invalid setting \"" + name + "\" attempted");
      }
      Object found = plugin != null ? plugin.get(name) : Table.SETTINGS.get(name);
      if (found != null) {
        out.add(found instanceof PluginSetting option ? option.value(env) : value((Setting) found));
        continue;
      }
      // AnsibleLookupError with the missing entry's error as orig_exc: its text is shown twice.
      String cause = plugin == null ? "module 'ansible.constants' has no attribute '" + name + "'"
          : "Requested entry (" + where + name + " ) was not defined in configuration.";
      if (missing.equals("error")) {
        throw PluginError.of(PluginError.LOOKUP_ERROR, "Unable to find setting " + name + ". " + cause
            + ". " + cause);
      } else if (missing.equals("warn")) {
        env.warn("Skipping, did not find setting " + name);
      }
    }
    return out;
  }

  /** A plugin's option: its type, the play variables and environment variables that set it, its default. */
  record PluginSetting(String type, List<String> vars, List<String> env, Object fallback) {
    /** Ansible's order: the last play variable defined, else the last environment variable set, else the default. */
    Object value(Env run) {
      Object raw = null;
      for (String var : vars) {
        if (run.variableNames().contains(var)) {
          raw = run.variable(var);
        }
      }
      if (raw == null) {
        raw = fallback;
        for (String var : env) {
          String v = System.getenv(var);
          if (v != null) {
            raw = v;
          }
        }
      }
      return typed(type, raw);
    }
  }

  /** The setting's value: the last of its variables that is set, else its default; typed. */
  static Object value(Setting s) {
    Object raw = s.fallback();
    for (String var : s.env()) {
      String v = System.getenv(var);
      if (v != null) {
        raw = v;
      }
    }
    if (raw instanceof String text && text.startsWith("$ANSIBLE_HOME")) {
      raw = Py.str(value(Table.SETTINGS.get("ANSIBLE_HOME"))) + text.substring(13);
    }
    if (raw == s.fallback() && s.name().endsWith("_IGNORE_EXTS") && raw instanceof List<?> l) {
      return io.tightbeam.py.Tuple.copyOf(l); // Ansible adds tuples to build these two defaults
    }
    return typed(s.type(), raw);
  }

  /** Ansible's ensure_type for the types settings use. */
  static Object typed(String type, Object value) {
    if (value == null) {
      return null;
    }
    switch (type) {
      case "bool", "boolean":
        return Boolean.TRUE.equals(CoreTests.booleanWord(value));
      case "int", "integer":
        return value instanceof String s ? integer(s) : value;
      case "float":
        return value instanceof String s ? Double.parseDouble(s.strip()) : Py.toDouble(value);
      case "list":
        return value instanceof String s ? split(s, ",") : value;
      case "path", "tmppath":
        return path(Py.str(value));
      case "pathspec", "pathlist": {
        List<Object> out = new ArrayList<>();
        Object items = value instanceof String s ? split(s, type.equals("pathspec") ? ":" : ",")
            : value;
        for (Object each : (List<?>) items) {
          out.add(path(Py.str(each)));
        }
        return out;
      }
      case "str", "string":
        return Py.str(value);
      default:
        return value;
    }
  }

  private static Object integer(String s) {
    try {
      return Py.normalNumber(Long.parseLong(s.strip()));
    } catch (NumberFormatException ex) {
      throw new TemplateException("Invalid type for configuration option: invalid literal for "
          + "int() with base 10: " + Py.repr(s));
    }
  }

  private static List<Object> split(String s, String separator) {
    List<Object> out = new ArrayList<>();
    for (String part : s.split(java.util.regex.Pattern.quote(separator), -1)) {
      out.add(part.strip());
    }
    return out;
  }

  private static String path(String p) {
    return Paths.get(FileSearch.expandUser(p)).toAbsolutePath().normalize().toString();
  }

  private static Map<String, Map<String, PluginSetting>> loadPlugins() {
    Map<String, Map<String, PluginSetting>> out = new LinkedHashMap<>();
    for (String[] f : rows("plugin-settings.tsv")) {
      out.computeIfAbsent(f[0] + " " + f[1], k -> new LinkedHashMap<>())
          .put(f[2], new PluginSetting(f[3], names(f[4]), names(f[5]), json(f[6])));
    }
    return out;
  }

  private static List<String> names(String field) {
    return field.isEmpty() ? List.of() : List.of(field.split(","));
  }

  private static Map<String, Setting> load() {
    Map<String, Setting> out = new LinkedHashMap<>();
    for (String[] f : rows("settings.tsv")) {
      out.put(f[0], new Setting(f[0], f[1], names(f[2]), json(f[4])));
    }
    return out;
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private static Object json(String text) {
    try {
      return JSON.readValue(text, Object.class);
    } catch (IOException ex) {
      throw new IllegalStateException("a settings table's default is JSON: " + text, ex);
    }
  }

  /** A generated table's rows, split at tabs, its comment lines left out. */
  private static List<String[]> rows(String resource) {
    List<String[]> out = new ArrayList<>();
    try (InputStream in = ConfigLookup.class.getResourceAsStream(resource);
        BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        if (!line.startsWith("#")) {
          out.add(line.split("\t", -1));
        }
      }
    } catch (IOException ex) {
      throw new IllegalStateException(resource + " is part of the build", ex);
    }
    return out;
  }
}
