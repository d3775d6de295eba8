package io.tightbeam.template;

import java.util.Map;

/** Positional and keyword arguments of a filter, test or function call. */
record Args(Object[] positional, Map<String, Object> named) {
  /** The argument at {@code index} or named {@code name}, else {@code fallback}. */
  Object get(int index, String name, Object fallback) {
    if (name != null && named.containsKey(name)) {
      return named.get(name);
    }
    return index >= 0 && index < positional.length ? positional[index] : fallback;
  }

  String string(int index, String name, String fallback) {
    Object v = get(index, name, fallback);
    return v == null ? null : io.tightbeam.py.Py.str(v);
  }

  int integer(int index, String name, int fallback) {
    Object v = get(index, name, fallback);
    return v instanceof Number n ? n.intValue() : Integer.parseInt(io.tightbeam.py.Py.str(v).trim());
  }

  int size() {
    return positional.length;
  }
}
