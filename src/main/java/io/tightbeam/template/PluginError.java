package io.tightbeam.template;

/**
 * The Python exception class a test or lookup failure has in Ansible, carried as the cause of a
 * {@link TemplateException}: Ansible words the task's message by it. An AnsibleLookupError or
 * AnsibleOptionsError is shown as is, an AnsibleUndefinedVariable as an undefined variable, a
 * lookup's plain AnsibleError or Python error as "An unhandled exception occurred while running
 * the lookup plugin ...", and a test's TypeError as "Unexpected templating type error".
 */
final class PluginError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  static final String LOOKUP_ERROR = "ansible.errors.AnsibleLookupError";
  static final String OPTIONS_ERROR = "ansible.errors.AnsibleOptionsError";
  static final String UNDEFINED = "ansible.errors.AnsibleUndefinedVariable";
  static final String FILTER_ERROR = "ansible.errors.AnsibleFilterError";
  static final String TYPE_ERROR = "TypeError";
  static final String INDEX_ERROR = "IndexError";

  private final String pythonType;

  private PluginError(String pythonType) {
    super(pythonType, null, false, false);
    this.pythonType = pythonType;
  }

  /** A failure with Ansible's message, of the given Python class. */
  static TemplateException of(String pythonType, String message) {
    return new TemplateException(message, new PluginError(pythonType));
  }

  /** The Python class, as Ansible prints it ({@code ansible.errors.AnsibleLookupError}). */
  String pythonType() {
    return pythonType;
  }
}
