package io.tightbeam.inventory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Ansible's INI inventory format into an {@link InventoryGraph}: {@code [group]} host lines
 * with inline vars, {@code [group:vars]} and {@code [group:children]}. Values of {@code key=value}
 * pairs are typed like Python literals in both places, as ansible-core does (its docs say
 * {@code :vars} are strings, its code literal-evaluates them). Errors carry {@code file:line:} as
 * Ansible's do.
 */
final class IniInventory {
  private static final Pattern SECTION =
      Pattern.compile("^\\[([^:\\]\\s]+)(?::(\\w+))?\\]\\s*(?:#.*)?$");
  private static final Pattern GROUP_NAME = Pattern.compile("^([^:\\]\\s]+)\\s*(?:#.*)?$");

  private record Pending(int line, String state, List<String> parents) {}

  private final String file;
  private final InventoryGraph graph;
  private final Map<String, Pending> pending = new LinkedHashMap<>();
  private int lineNo;
  private String groupName = "ungrouped";
  private String state = "hosts";

  private IniInventory(String file, InventoryGraph graph) {
    this.file = file;
    this.graph = graph;
  }

  /** Parses {@code text} (the contents of {@code file}) into {@code graph}. */
  static void parse(String file, String text, InventoryGraph graph) {
    IniInventory parser = new IniInventory(file, graph);
    try {
      parser.parse(text);
    } catch (IllegalArgumentException e) {
      // A group loop found while linking children.
      throw parser.error(e.getMessage());
    }
  }

  private void parse(String text) {
    String[] lines = text.split("\r?\n|\r", -1);
    for (int i = 0; i < lines.length; i++) {
      lineNo = i + 1;
      String line = lines[i].strip();
      if (line.isEmpty() || line.charAt(0) == '#' || line.charAt(0) == ';') {
        continue;
      }
      Matcher m = SECTION.matcher(line);
      if (m.matches()) {
        section(m.group(1), m.group(2) == null ? "hosts" : m.group(2));
      } else if (line.startsWith("[") && line.endsWith("]")) {
        throw error(
            "Invalid section entry: '"
                + line
                + "'. Please make sure that there are no spaces in the section entry, and that"
                + " there are no other invalid characters");
      } else if (state.equals("hosts")) {
        hostLine(line);
      } else if (state.equals("vars")) {
        varLine(line);
      } else {
        childLine(line);
      }
    }
    checkPending();
  }

  private void section(String name, String kind) {
    groupName = name;
    state = kind;
    if (!List.of("hosts", "children", "vars").contains(state)) {
      throw error("Section [" + groupName + ":" + state + "] has unknown type: " + state);
    }
    if (!graph.hasGroup(groupName)) {
      // [g:vars] alone does not declare a group; remember it and check at the end.
      if (state.equals("vars") && !pending.containsKey(groupName)) {
        pending.put(groupName, new Pending(lineNo, state, new ArrayList<>()));
      }
      graph.group(groupName);
    }
    Pending waiting = pending.get(groupName);
    if (waiting != null && !state.equals("vars")) {
      if (waiting.state().equals("children")) {
        addPendingChildren(groupName);
      } else {
        pending.remove(groupName);
      }
    }
  }

  /** Declarations never resolved: Ansible reports the first. */
  private void checkPending() {
    for (Map.Entry<String, Pending> e : pending.entrySet()) {
      Pending p = e.getValue();
      if (p.state().equals("vars")) {
        throw new InventoryParseException(
            file + ":" + p.line() + ": Section [" + e.getKey()
                + ":vars] not valid for undefined group: " + e.getKey());
      }
      throw new InventoryParseException(
          file + ":" + p.line() + ": Section [" + p.parents().get(p.parents().size() - 1)
              + ":children] includes undefined group: " + e.getKey());
    }
  }

  private void addPendingChildren(String group) {
    for (String parent : pending.get(group).parents()) {
      graph.addChild(parent, group);
      Pending up = pending.get(parent);
      if (up != null && up.state().equals("children")) {
        addPendingChildren(parent);
      }
    }
    pending.remove(group);
  }

  private void hostLine(String line) {
    List<String> tokens;
    try {
      tokens = Shlex.split(line);
    } catch (IllegalArgumentException e) {
      throw error("Error parsing host definition '" + line + "': " + e.getMessage());
    }
    if (tokens.isEmpty()) {
      return;
    }
    HostRange range;
    try {
      range = HostRange.parse(tokens.get(0));
    } catch (IllegalArgumentException e) {
      throw error(e.getMessage());
    }
    Map<String, Object> vars = new LinkedHashMap<>();
    for (String token : tokens.subList(1, tokens.size())) {
      int eq = token.indexOf('=');
      if (eq < 0) {
        throw error("Expected key=value host variable assignment, got: " + token);
      }
      vars.put(token.substring(0, eq), PythonLiteral.eval(token.substring(eq + 1)));
    }
    for (String name : range.names()) {
      InventoryGraph.HostEntry host = graph.addHost(name, groupName);
      if (range.port() != null) {
        host.vars.put("ansible_port", range.port());
      }
      graph.hash.update(host.vars, vars);
    }
  }

  private void varLine(String line) {
    int eq = line.indexOf('=');
    if (eq < 0) {
      throw error("Expected key=value, got: " + line);
    }
    String key = line.substring(0, eq).strip();
    String value = line.substring(eq + 1).strip();
    graph.hash.set(graph.group(groupName).vars, key, PythonLiteral.eval(value));
  }

  private void childLine(String line) {
    Matcher m = GROUP_NAME.matcher(line);
    if (!m.matches()) {
      throw error("Expected group name, got: " + line);
    }
    String child = m.group(1);
    if (graph.hasGroup(child)) {
      try {
        graph.addChild(groupName, child);
      } catch (IllegalArgumentException e) {
        throw error(e.getMessage());
      }
      return;
    }
    Pending p = pending.computeIfAbsent(child, c -> new Pending(lineNo, "children", new ArrayList<>()));
    p.parents().add(groupName);
  }

  private InventoryParseException error(String message) {
    return new InventoryParseException(file + ":" + lineNo + ": " + message);
  }
}
