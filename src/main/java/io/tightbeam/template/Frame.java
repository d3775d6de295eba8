package io.tightbeam.template;

import java.util.HashMap;
import java.util.Map;

/**
 * A scope of template-local names (loop variables, {@code set}, macro arguments), chained to its
 * parent; the root falls through to the run's variables.
 */
final class Frame {
  private static final Object MISSING = new Object();

  final Frame parent;
  private final Map<String, Object> locals = new HashMap<>(8);

  Frame(Frame parent) {
    this.parent = parent;
  }

  void set(String name, Object value) {
    locals.put(name, value);
  }

  /** The local value of {@code name} in this frame or a parent, or {@link #missing()}. */
  Object find(String name) {
    for (Frame f = this; f != null; f = f.parent) {
      Object v = f.locals.getOrDefault(name, MISSING);
      if (v != MISSING) {
        return v;
      }
    }
    return MISSING;
  }

  static Object missing() {
    return MISSING;
  }

  /** This frame's own names (the exports of an imported template). */
  Map<String, Object> locals() {
    return locals;
  }
}
