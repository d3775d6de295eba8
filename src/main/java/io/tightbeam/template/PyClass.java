package io.tightbeam.template;

import io.tightbeam.py.Py;

/** What {@code x.__class__} gives: the value's Python type, shown as {@code <class 'int'>}. */
record PyClass(String name) implements Py.Named {
  @Override
  public String typeName() {
    return "type";
  }

  @Override
  public String toString() {
    return "<class '" + name + "'>";
  }
}
