package io.tightbeam.playbook;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/** Python's name for the type of a loaded YAML value, as Ansible's messages print it. */
final class PyType {
  private PyType() {}

  static String of(Object value) {
    String name;
    if (value == null) {
      name = "NoneType";
    } else if (value instanceof Map) {
      name = "dict";
    } else if (value instanceof List) {
      name = "list";
    } else if (value instanceof String) {
      name = "str";
    } else if (value instanceof Boolean) {
      name = "bool";
    } else if (value instanceof Integer || value instanceof Long || value instanceof BigInteger) {
      name = "int";
    } else if (value instanceof Double) {
      name = "float";
    } else {
      name = value.getClass().getSimpleName();
    }
    return "<class '" + name + "'>";
  }
}
