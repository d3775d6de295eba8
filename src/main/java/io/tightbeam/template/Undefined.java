package io.tightbeam.template;

import com.hubspot.jinjava.objects.PyWrapper;
import com.hubspot.jinjava.util.HasObjectTruthValue;

/**
 * Jinja2's StrictUndefined: stands for a missing variable or attribute and fails as soon as it is
 * printed, truth-tested or iterated. Attribute access on it yields itself, so {@code a.b |
 * default(x)} still works.
 */
final class Undefined implements HasObjectTruthValue, PyWrapper {
  private final String message;

  private Undefined(String message) {
    this.message = message;
  }

  static Undefined variable(String name) {
    return new Undefined("'" + name + "' is undefined");
  }

  static Undefined attribute(Object owner, Object name) {
    return new Undefined("'" + Pyish.typeName(owner) + " object' has no attribute '" + name + "'");
  }

  static Undefined element(Object owner, int index) {
    return new Undefined(Pyish.typeName(owner) + " object has no element " + index);
  }

  String message() {
    return message;
  }

  TemplateException error() {
    return new TemplateException(message);
  }

  @Override
  public boolean getObjectTruthValue() {
    throw error();
  }

  @Override
  public String toString() {
    throw error();
  }

}
