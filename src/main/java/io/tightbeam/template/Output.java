package io.tightbeam.template;

import io.tightbeam.py.Py;

/**
 * What a template writes: its text, and, when exactly one node was written, that node's value
 * (Ansible's concat keeps a lone {@code {{ list }}} a list). None prints as nothing, as Ansible's
 * finalize makes it.
 */
final class Output {
  private final StringBuilder text = new StringBuilder();
  private int count;
  private Object first;
  /** What None writes: nothing (Ansible's finalize), or "None" with native types (no finalize). */
  private final String none;

  Output() {
    this(false);
  }

  Output(boolean nativeTypes) {
    this.none = nativeTypes ? "None" : "";
  }

  void add(Object value) {
    if (value instanceof io.tightbeam.py.Range range) {
      value = new java.util.ArrayList<>(range); // Ansible's finalize unrolls it
    }
    if (count++ == 0) {
      first = value;
    }
    text.append(value == null ? none : Py.str(value));
  }

  /** Ansible's node rule: no node is "", one node is its value, several are their text. */
  Object result() {
    return count == 0 ? "" : count == 1 ? (first == null ? "" : first) : text.toString();
  }

  /** The lone node's value as written, None kept (native types keep it); null for none or several. */
  Object single() {
    return count == 1 ? first : null;
  }

  int count() {
    return count;
  }

  String text() {
    return text.toString();
  }
}
