package io.tightbeam.py;

/**
 * Ansible's NativeJinjaText: a string-type filter's text ({@code string}, {@code to_json}...),
 * marked by identity so that it stays text, never read back as a literal, after set_fact or
 * register keep it.
 */
public final class NativeJinjaText {
  private NativeJinjaText() {}

  private static final IdentityMarks<Boolean> MARKED = new IdentityMarks<>();

  /** Marks this String instance as NativeJinjaText and returns it. */
  public static String mark(String text) {
    MARKED.mark(text, Boolean.TRUE);
    return text;
  }

  /** Whether {@code value} is a String instance so marked (an equal String need not be). */
  public static boolean isNative(Object value) {
    return MARKED.get(value) != null;
  }
}
