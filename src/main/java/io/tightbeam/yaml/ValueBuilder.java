package io.tightbeam.yaml;

import io.tightbeam.py.AnsibleUnicode;
import io.tightbeam.py.AnsibleUnsafe;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Turns a composed node tree into plain Java values. We build mappings ourselves (instead of
 * SnakeYAML's constructor) to record positions, warn on duplicate keys as Ansible does and reject
 * collection keys such as an unquoted {@code {{ foo }}}.
 */
final class ValueBuilder {
  private final String file;
  private final ScalarValues scalars;
  private final IdentityHashMap<Node, Object> built = new IdentityHashMap<>();
  final IdentityHashMap<Object, Pos> nodePositions = new IdentityHashMap<>();
  final IdentityHashMap<Object, Map<Object, Pos>> keyPositions = new IdentityHashMap<>();
  final List<Diagnostic> warnings = new ArrayList<>();

  ValueBuilder(String file, ScalarValues scalars) {
    this.file = file;
    this.scalars = scalars;
  }

  Object build(Node node) {
    if (node == null) {
      return null;
    }
    if (built.containsKey(node)) {
      return built.get(node); // an alias: the same value as its anchor
    }
    if (node instanceof ScalarNode scalar) {
      Object value = scalars.value(scalar);
      if (value instanceof String s && !AnsibleUnsafe.isUnsafe(s)) {
        // type_debug names it AnsibleUnicode; "" may be the one interned instance: a fresh one
        value = AnsibleUnicode.mark(s.isEmpty() ? new String() : s);
      }
      built.put(node, value);
      if (value instanceof String) {
        nodePositions.put(value, pos(node.getStartMark())); // each scalar is its own String
      }
      return value;
    }
    if (node instanceof SequenceNode sequence) {
      List<Object> list = new ArrayList<>(sequence.getValue().size());
      built.put(node, list);
      nodePositions.put(list, pos(node.getStartMark()));
      for (Node item : sequence.getValue()) {
        list.add(build(item));
      }
      return list;
    }
    return buildMapping((MappingNode) node);
  }

  private Map<Object, Object> buildMapping(MappingNode node) {
    Map<Object, Object> map = new LinkedHashMap<>();
    Map<Object, Pos> keys = new HashMap<>();
    built.put(node, map);
    Pos mapPos = pos(node.getStartMark());
    nodePositions.put(map, mapPos);
    keyPositions.put(map, keys);
    List<NodeTuple> explicit = new ArrayList<>();
    for (NodeTuple tuple : node.getValue()) {
      if (Tag.MERGE.equals(tuple.getKeyNode().getTag())) {
        merge(map, keys, tuple.getValueNode());
      } else {
        explicit.add(tuple);
      }
    }
    Set<Object> seen = new HashSet<>();
    for (NodeTuple tuple : explicit) {
      Node keyNode = tuple.getKeyNode();
      Object key = build(keyNode);
      Pos keyPos = pos(keyNode.getStartMark());
      if (key instanceof Map || key instanceof List) {
        throw new InputException(
            new Diagnostic(
                "Syntax Error while loading YAML.",
                "found unacceptable key (unhashable type: '"
                    + (key instanceof Map ? "AnsibleMapping" : "AnsibleSequence")
                    + "')",
                keyPos));
      }
      if (!seen.add(key)) {
        warnings.add(Diagnostic.at(keyPos, duplicateMessage(key, mapPos)));
      }
      map.remove(key); // an explicit key beats a merged one, and takes its own place in order
      map.put(key, build(tuple.getValueNode()));
      keys.put(key, keyPos);
    }
    return map;
  }

  /** {@code <<: *base} or {@code <<: [*a, *b]}: keys of earlier sources win, explicit keys win. */
  private void merge(Map<Object, Object> map, Map<Object, Pos> keys, Node source) {
    List<Node> sources = source instanceof SequenceNode seq ? seq.getValue() : List.of(source);
    for (Node one : sources) {
      Object value = build(one);
      if (!(value instanceof Map<?, ?> other)) {
        throw new InputException(
            new Diagnostic(
                "Syntax Error while loading YAML.",
                "expected a mapping or list of mappings for merging",
                pos(one.getStartMark())));
      }
      Map<Object, Pos> otherKeys = keyPositions.getOrDefault(other, Map.of());
      for (Map.Entry<?, ?> e : other.entrySet()) {
        if (!map.containsKey(e.getKey())) {
          map.put(e.getKey(), e.getValue());
          Pos at = otherKeys.get(e.getKey());
          if (at != null) {
            keys.put(e.getKey(), at);
          }
        }
      }
    }
  }

  private String duplicateMessage(Object key, Pos mapPos) {
    return "While constructing a mapping from "
        + mapPos.file()
        + ", line "
        + mapPos.line()
        + ", column "
        + mapPos.column()
        + ", found a duplicate dict key ("
        + pythonText(key)
        + "). Using last defined value only.";
  }

  private static String pythonText(Object key) {
    if (key instanceof Boolean b) {
      return b ? "True" : "False";
    }
    return key == null ? "None" : key.toString();
  }

  Pos pos(Mark mark) {
    return mark == null
        ? Pos.unknown(file)
        : new Pos(file, mark.getLine() + 1, mark.getColumn() + 1);
  }
}
