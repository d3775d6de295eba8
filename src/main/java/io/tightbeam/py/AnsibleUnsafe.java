package io.tightbeam.py;

/**
 * Ansible's unsafe text (AnsibleUnsafeText): String instances marked, by identity, as never to be
 * templated; the engine, set_fact, register and debug read the mark, and the text is a str anywhere else.
 */
public final class AnsibleUnsafe {
  private AnsibleUnsafe() {}

  /** Each marked instance with whether it is the written form {@code yaml.UnsafeText.of} made. */
  private static final IdentityMarks<Boolean> MARKED = new IdentityMarks<>();

  /** Marks this String instance as unsafe text (Ansible's wrap_var) and returns it. */
  public static String mark(String text) {
    return mark(text, false);
  }

  /** As {@link #mark(String)}; {@code written}: the text is a template that prints the unsafe text. */
  public static String mark(String text, boolean written) {
    MARKED.mark(text, written);
    return text;
  }

  /** Whether {@code value} is a String instance marked unsafe (an equal String need not be). */
  public static boolean isUnsafe(Object value) {
    return MARKED.get(value) != null;
  }

  /** Whether any String is marked unsafe now (else no value need be looked into). */
  public static boolean any() {
    return MARKED.any();
  }

  /** Whether {@code value} is the written form of an unsafe scalar: templating it gives the text. */
  public static boolean isWritten(Object value) {
    return Boolean.TRUE.equals(MARKED.get(value));
  }
}
