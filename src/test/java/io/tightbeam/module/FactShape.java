package io.tightbeam.module;

import io.tightbeam.py.Py;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Test fixture: the shape of parsed facts (keys, list lengths and Python type names, as a role's {@code type_debug} sees them), not values. */
final class FactShape {
  private FactShape() {}

  static Object of(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> shape = new TreeMap<>();
      map.forEach((k, v) -> shape.put(String.valueOf(k), of(v)));
      return shape;
    }
    if (value instanceof List<?> list) {
      return list.stream().map(FactShape::of).toList();
    }
    return Py.typeName(value);
  }
}
