package io.tightbeam.inventory;

import io.tightbeam.vault.VaultSecret;
import java.util.List;
import java.util.Map;

/**
 * Reads Ansible's YAML inventory format ({@code all:} with {@code hosts:}, {@code children:},
 * {@code vars:}; every top-level key is a group) into an {@link InventoryGraph}. Odd keys are
 * skipped with Ansible's warning; a document that is not a mapping is refused so the INI format
 * can be tried next.
 */
final class YamlInventory {
  private final InventoryGraph graph;
  private final List<String> warnings;

  private YamlInventory(InventoryGraph graph, List<String> warnings) {
    this.graph = graph;
    this.warnings = warnings;
  }

  /** Parses {@code text} into {@code graph}; warnings for skipped keys go to {@code warnings}. */
  static void parse(String file, String text, InventoryGraph graph, List<String> warnings) {
    parse(file, text, graph, warnings, List.of());
  }

  /** As {@link #parse(String, String, InventoryGraph, List)}, with inline {@code !vault} values opened by {@code secrets}. */
  static void parse(String file, String text, InventoryGraph graph, List<String> warnings,
      List<VaultSecret> secrets) {
    Object data;
    try {
      data = YamlText.load(text, secrets);
    } catch (RuntimeException e) {
      throw new InventoryParseException("Syntax Error while loading YAML.\n" + YamlText.describe(e, file));
    }
    if (data == null) {
      throw new InventoryParseException("Parsed empty YAML file");
    }
    if (!(data instanceof Map)) {
      throw new InventoryParseException(
          "YAML inventory has invalid structure, it should be a dictionary, got: "
              + PythonType.of(data));
    }
    Map<?, ?> top = (Map<?, ?>) data;
    if (top.get("plugin") != null) {
      throw new InventoryParseException("Plugin configuration YAML file, not YAML inventory");
    }
    YamlInventory parser = new YamlInventory(graph, warnings);
    for (Map.Entry<?, ?> e : top.entrySet()) {
      parser.group(String.valueOf(e.getKey()), e.getValue());
    }
  }

  private String group(String name, Object data) {
    if (data != null && !(data instanceof Map)) {
      warnings.add("Skipping '" + name + "' as this is not a valid group definition");
      return name;
    }
    graph.group(name);
    if (data == null) {
      return name;
    }
    Map<?, ?> sections = (Map<?, ?>) data;
    for (Map.Entry<?, ?> e : sections.entrySet()) {
      String key = String.valueOf(e.getKey());
      Object value = e.getValue();
      boolean known = key.equals("vars") || key.equals("children") || key.equals("hosts");
      if (known && value instanceof String) {
        // Ansible accepts a single name where a mapping is expected.
        value = java.util.Collections.singletonMap(value, null);
      }
      if (known && value != null && !(value instanceof Map)) {
        throw new InventoryParseException(
            "Invalid \"" + key + "\" entry for \"" + name
                + "\" group, requires a dictionary, found \"" + PythonType.of(value)
                + "\" instead.");
      }
      if (value != null && !(value instanceof Map)) {
        warnings.add(
            "Skipping key (" + key + ") in group (" + name + ") as it is not a mapping, it is a "
                + PythonType.of(value));
        continue;
      }
      if (value == null) {
        continue;
      }
      Map<?, ?> map = (Map<?, ?>) value;
      switch (key) {
        case "vars":
          map.forEach((k, v) -> graph.hash.set(graph.group(name).vars, String.valueOf(k), v));
          break;
        case "children":
          for (Map.Entry<?, ?> child : map.entrySet()) {
            String childName = group(String.valueOf(child.getKey()), child.getValue());
            try {
              graph.addChild(name, childName);
            } catch (IllegalArgumentException ex) {
              throw new InventoryParseException(ex.getMessage());
            }
          }
          break;
        case "hosts":
          for (Map.Entry<?, ?> host : map.entrySet()) {
            if (!(host.getKey() instanceof String pattern)) {
              throw new InventoryParseException("Host pattern " + io.tightbeam.py.Py.str(host.getKey())
                  + " must be a string. Enclose integers/floats in quotation marks.");
            }
            hosts(name, pattern, host.getValue());
          }
          break;
        default:
          warnings.add(
              "Skipping unexpected key (" + key + ") in group (" + name
                  + "), only \"vars\", \"children\" and \"hosts\" are valid");
      }
    }
    return name;
  }

  private void hosts(String groupName, String pattern, Object vars) {
    HostRange range;
    try {
      range = HostRange.parse(pattern);
    } catch (IllegalArgumentException e) {
      throw new InventoryParseException(e.getMessage());
    }
    if (vars != null && !(vars instanceof Map)) {
      throw new InventoryParseException(
          "Invalid vars for host '" + pattern + "' in group '" + groupName
              + "': expected a mapping, got a " + PythonType.of(vars));
    }
    for (String name : range.names()) {
      InventoryGraph.HostEntry host = graph.addHost(name, groupName);
      if (range.port() != null) {
        host.vars.put("ansible_port", range.port());
      }
      if (vars != null) {
        ((Map<?, ?>) vars).forEach((k, v) -> graph.hash.set(host.vars, String.valueOf(k), v));
      }
    }
  }
}
