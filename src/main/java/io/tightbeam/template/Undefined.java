package io.tightbeam.template;

import io.tightbeam.py.Py;

/**
 * Ansible's undefined (Jinja2's StrictUndefined): stands for a missing variable or attribute and
 * fails as soon as it is printed, truth-tested or iterated. Attribute and item access on it yield
 * itself, so {@code a.b | default(x)} still works and the first failure is the one reported.
 */
final class Undefined implements Py.Truth, Py.Named {
  private final String message;

  private Undefined(String message) {
    this.message = message;
  }

  static Undefined variable(String name) {
    return new Undefined("'" + name + "' is undefined");
  }

  static Undefined attribute(Object owner, Object name) {
    if (!(name instanceof String)) {
      return new Undefined(objectType(owner) + " has no element " + Py.repr(name));
    }
    return new Undefined("'" + objectType(owner) + "' has no attribute " + Py.repr(name));
  }

  /**
   * As {@link #attribute(Object, Object)} for a string whose Python class the running template
   * knows ({@code typeName}: AnsibleUnicode, AnsibleUnsafeText...): Jinja2 names a class outside
   * the builtins with its module.
   */
  static Undefined attribute(String owner, Object name, String typeName) {
    String module = switch (typeName) {
      case "AnsibleUnicode" -> "ansible.parsing.yaml.objects.";
      case "AnsibleUnsafeText", "NativeJinjaUnsafeText" -> "ansible.utils.unsafe_proxy.";
      case "NativeJinjaText" -> "ansible.utils.native_jinja.";
      default -> null;
    };
    if (module == null || !(name instanceof String)) {
      return attribute(owner, name);
    }
    return new Undefined("'" + module + typeName + " object' has no attribute " + Py.repr(name));
  }

  static Undefined element(Object owner, int index) {
    return new Undefined(objectType(owner) + " has no element " + index);
  }

  static Undefined hint(String message) {
    return new Undefined(message);
  }

  /** Jinja2's object_type_repr: {@code dict object}, {@code None}. */
  private static String objectType(Object owner) {
    return owner == null ? "None" : Py.typeName(owner) + " object";
  }

  String message() {
    return message;
  }

  TemplateException error() {
    return TemplateException.undefined(message);
  }

  @Override
  public boolean truth() {
    throw error();
  }

  @Override
  public String typeName() {
    return "AnsibleUndefined";
  }

  @Override
  public String toString() {
    throw error();
  }
}
