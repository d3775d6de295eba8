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

  void add(Object value) {
    Object v = value == null ? "" : value;
    if (count++ == 0) {
      first = v;
    }
    text.append(Py.str(v));
  }

  /** Ansible's node rule: no node is "", one node is its value, several are their text. */
  Object result() {
    return count == 0 ? "" : count == 1 ? first : text.toString();
  }

  int count() {
    return count;
  }

  String text() {
    return text.toString();
  }
}
