package io.tightbeam.yaml;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Ansible's {@code !unsafe} scalar: text that is never templated. It is kept as a String (every
 * reader of YAML values expects one), with its template markers written as Jinja2 expressions that
 * print them, so any later templating gives the text back as it was written; the String instance
 * is also marked, so that the engine, set_fact, register and debug know it as AnsibleUnsafeText.
 */
public final class UnsafeText {
  /**
   * Marked instances, by identity, held weakly (a lookup result marked in a loop must not leak),
   * each with whether it is the written form {@link #of} made (markers as expressions).
   */
  private static final Map<Mark, Boolean> MARKED = new ConcurrentHashMap<>();
  private static final ReferenceQueue<String> GONE = new ReferenceQueue<>();

  private UnsafeText() {}

  /** {@code text} with each {@code {{}, {@code {%} and {@code {#} made to render as itself, marked. */
  public static String of(String text) {
    if (text.indexOf('{') < 0) {
      return mark(new String(text)); // a fresh instance: an equal constant elsewhere stays safe
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      char next = i + 1 < text.length() ? text.charAt(i + 1) : 0;
      if (c == '{' && (next == '{' || next == '%' || next == '#')) {
        out.append("{{ '{").append(next).append("' }}");
        i++;
      } else {
        out.append(c);
      }
    }
    return mark(out.toString(), true);
  }

  /** Marks this String instance as unsafe text (Ansible's wrap_var) and returns it. */
  public static String mark(String text) {
    return mark(text, false);
  }

  private static String mark(String text, boolean written) {
    for (Object gone; (gone = GONE.poll()) != null; ) {
      MARKED.remove(gone);
    }
    MARKED.putIfAbsent(new Mark(text, GONE), written);
    return text;
  }

  /** Whether {@code value} is a String instance marked unsafe (an equal String need not be). */
  public static boolean isUnsafe(Object value) {
    return value instanceof String s && !MARKED.isEmpty() && MARKED.containsKey(new Mark(s, null));
  }

  /** Whether {@code value} is the written form of an unsafe scalar: templating it gives the text. */
  public static boolean isWritten(Object value) {
    return value instanceof String s && !MARKED.isEmpty() && Boolean.TRUE.equals(MARKED.get(new Mark(s, null)));
  }

  /** A weak reference compared by the identity of its referent. */
  private static final class Mark extends WeakReference<String> {
    private final int hash;

    Mark(String text, ReferenceQueue<String> queue) {
      super(text, queue);
      this.hash = System.identityHashCode(text);
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public boolean equals(Object o) {
      if (this == o) {
        return true;
      }
      Object referent = get();
      return o instanceof Mark m && referent != null && referent == m.get();
    }
  }
}
