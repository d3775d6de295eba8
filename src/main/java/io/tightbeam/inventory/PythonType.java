package io.tightbeam.inventory;

import java.util.List;
import java.util.Map;

/** Python's {@code type(x)} text for a loaded value, for messages that quote Ansible's. */
final class PythonType {
  private PythonType() {}

  static String of(Object value) {
    String name;
    if (value == null) {
      name = "NoneType";
    } else if (value instanceof String) {
      name = "str";
    } else if (value instanceof Boolean) {
      name = "bool";
    } else if (value instanceof Integer || value instanceof Long
        || value instanceof java.math.BigInteger) {
      name = "int";
    } else if (value instanceof Number) {
      name = "float";
    } else if (value instanceof List) {
      name = "list";
    } else if (value instanceof Map) {
      name = "dict";
    } else {
      name = value.getClass().getSimpleName();
    }
    return "<class '" + name + "'>";
  }
}
