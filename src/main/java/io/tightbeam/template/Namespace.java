package io.tightbeam.template;

import java.util.LinkedHashMap;
import java.util.Map;

/** Jinja2's {@code namespace()}: attributes a {@code set ns.x = ...} can change inside loops. */
final class Namespace implements io.tightbeam.py.Py.Named {
  final Map<String, Object> attributes = new LinkedHashMap<>();

  @Override
  public String typeName() {
    return "Namespace";
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("<Namespace {");
    attributes.forEach((k, v) -> out.append(out.length() > 12 ? ", " : "").append(io.tightbeam.py.Py.repr(k)).append(": ").append(io.tightbeam.py.Py.repr(v)));
    return out.append("}>").toString();
  }
}
