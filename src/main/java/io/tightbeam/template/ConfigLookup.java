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
  }

  static void register(Catalogue c) {
    c.lookup("config", ConfigLookup::run);
  }

  private static List<Object> run(List<Object> terms, Map<String, Object> options, Env env) {
    Object missing = options.getOrDefault("on_missing", "error");
    Object pluginType = options.get("plugin_type");
    Object pluginName = options.get("plugin_name");
    if ((pluginType != null || pluginName != null) && !(pluginType != null && pluginName != null)) {
      throw PluginError.of(PluginError.OPTIONS_ERROR, 
          "Both plugin_type and plugin_name are required, cannot use one without the other");
    }
    if (!(missing instanceof String m && List.of("error", "warn", "skip").contains(m))) {
      throw PluginError.of(PluginError.OPTIONS_ERROR, "Invalid value \"" + Py.str(missing) + "\" for configuration "
          + "option \"plugin_type: lookup plugin: config setting: on_missing \", valid values are: "
          + "error, skip, warn");
    }
    if (pluginType != null) {
      throw PluginError.of(PluginError.LOOKUP_ERROR, "Unable to load " + Py.str(pluginType) + " plugin \""
          + Py.str(pluginName) + "\"");
    }
    List<Object> out = new ArrayList<>();
    for (Object term : terms) {
      if (!(term instanceof String name)) {
        throw PluginError.of(PluginError.OPTIONS_ERROR, "Invalid setting identifier, \"" + Py.str(term)
            + "\" is not a string, its a <class '" + Py.typeName(term) + "'>");
      }
      Setting s = Table.SETTINGS.get(name);
      if (s != null) {
        out.add(value(s));
      } else if (missing.equals("error")) {
        // AnsibleLookupError with the AttributeError as orig_exc: its text is shown twice.
        String cause = "module 'ansible.constants' has no attribute '" + name + "'";
        throw PluginError.of(PluginError.LOOKUP_ERROR, "Unable to find setting " + name + ". " + cause
            + ". " + cause);
      } else if (missing.equals("warn")) {
        env.warn("Skipping, did not find setting " + name);
      }
    }
    return out;
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

  private static Map<String, Setting> load() {
    Map<String, Setting> out = new LinkedHashMap<>();
    ObjectMapper json = new ObjectMapper();
    try (InputStream in = ConfigLookup.class.getResourceAsStream("settings.tsv");
        BufferedReader lines = new BufferedReader(new InputStreamReader(in,
            StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        if (line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t", -1);
        List<String> env = f[2].isEmpty() ? List.of() : List.of(f[2].split(","));
        out.put(f[0], new Setting(f[0], f[1], env, json.readValue(f[4], Object.class)));
      }
    } catch (IOException ex) {
      throw new IllegalStateException("settings.tsv is part of the build", ex);
    }
    return out;
  }
}
