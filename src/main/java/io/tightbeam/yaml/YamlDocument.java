package io.tightbeam.yaml;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * One loaded YAML file: plain Java values plus the source position of every mapping, sequence and
 * mapping key, and the warnings (duplicate keys) found while loading.
 */
public final class YamlDocument {
  private final String file;
  private final Object root;
  private final IdentityHashMap<Object, Pos> nodePositions;
  private final IdentityHashMap<Object, Map<Object, Pos>> keyPositions;
  private final List<Diagnostic> warnings;

  YamlDocument(
      String file,
      Object root,
      IdentityHashMap<Object, Pos> nodePositions,
      IdentityHashMap<Object, Map<Object, Pos>> keyPositions,
      List<Diagnostic> warnings) {
    this.file = file;
    this.root = root;
    this.nodePositions = nodePositions;
    this.keyPositions = keyPositions;
    this.warnings = List.copyOf(warnings);
  }

  /** The file name positions refer to. */
  public String file() {
    return file;
  }

  /** The document's value: a Map, List, scalar or null (empty file). */
  public Object root() {
    return root;
  }

  /** Warnings found while loading, such as duplicate mapping keys (the last value wins). */
  public List<Diagnostic> warnings() {
    return warnings;
  }

  /**
   * Where a mapping, sequence or string of this document starts; {@link Pos#unknown} for anything
   * else (other scalars have no identity, so their positions are not kept).
   */
  public Pos posOf(Object node) {
    Pos pos = node == null ? null : nodePositions.get(node);
    return pos == null ? Pos.unknown(file) : pos;
  }

  /** Where {@code key} is written in {@code map}; the map's position if the key is not there. */
  public Pos keyPos(Map<?, ?> map, Object key) {
    Map<Object, Pos> keys = keyPositions.get(map);
    Pos pos = keys == null ? null : keys.get(key);
    return pos == null ? posOf(map) : pos;
  }
}
