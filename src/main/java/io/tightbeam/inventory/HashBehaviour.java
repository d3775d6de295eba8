package io.tightbeam.inventory;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Ansible's {@code hash_behaviour}: how a dict variable set again combines with the one it
 * overrides, in inventory sources, between precedence levels and by include_vars. {@code replace}
 * (the default) takes the new dict whole; {@code merge} merges dicts key by key at every depth,
 * the new value winning for anything that is not a dict on both sides (lists are replaced).
 */
public enum HashBehaviour {
  REPLACE,
  MERGE;

  /** The setting's value ({@code replace} or {@code merge}). */
  public static HashBehaviour of(String setting) {
    return "merge".equals(setting) ? MERGE : REPLACE;
  }

  /** Sets {@code key} in {@code vars} to {@code value}, merged with a dict already there. */
  public void set(Map<String, Object> vars, String key, Object value) {
    vars.put(key, combine(vars.get(key), value));
  }

  /** What {@code value} set over {@code old} gives: under merge, two dicts merged. */
  public Object combine(Object old, Object value) {
    return this == MERGE && old instanceof Map<?, ?> a && value instanceof Map<?, ?> b ? merged(a, b) : value;
  }

  /** Sets every entry of {@code from} in {@code vars} (a {@code putAll} under {@code replace}). */
  public void update(Map<String, Object> vars, Map<String, ?> from) {
    if (this == REPLACE) {
      vars.putAll(from);
      return;
    }
    from.forEach((k, v) -> set(vars, k, v));
  }

  /** A new dict: {@code a} with {@code b} merged into it at every depth (neither is changed). */
  private static Map<String, Object> merged(Map<?, ?> a, Map<?, ?> b) {
    Map<String, Object> out = new LinkedHashMap<>();
    a.forEach((k, v) -> out.put(String.valueOf(k), v));
    b.forEach((k, v) -> {
      String key = String.valueOf(k);
      Object old = out.get(key);
      out.put(key, old instanceof Map<?, ?> x && v instanceof Map<?, ?> y ? merged(x, y) : v);
    });
    return out;
  }
}
