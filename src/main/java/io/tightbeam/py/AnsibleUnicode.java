package io.tightbeam.py;

/**
 * Ansible's AnsibleUnicode: a string read from YAML, marked by identity so that type_debug names
 * it as Ansible does until templating or a filter makes a new string of it.
 */
public final class AnsibleUnicode {
  private AnsibleUnicode() {}

  private static final IdentityMarks<Boolean> MARKED = new IdentityMarks<>();

  /** Marks this String instance as read from YAML and returns it. */
  public static String mark(String text) {
    MARKED.mark(text, Boolean.TRUE);
    return text;
  }

  /** Whether {@code value} is a String instance so marked (an equal String need not be). */
  public static boolean isMarked(Object value) {
    return MARKED.get(value) != null;
  }
}
