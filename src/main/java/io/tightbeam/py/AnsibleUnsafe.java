package io.tightbeam.py;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Ansible's unsafe text (AnsibleUnsafeText): String instances marked, by identity, as never to be
 * templated; the engine, set_fact, register and debug read the mark, and the text is a str anywhere else.
 */
public final class AnsibleUnsafe {
  private AnsibleUnsafe() {}

  /**
   * Marked instances, by identity, held weakly (a lookup result marked in a loop must not leak),
   * each with whether it is the written form {@code yaml.UnsafeText.of} made (markers as expressions).
   */
  private static final Map<Mark, Boolean> MARKED = new ConcurrentHashMap<>();
  private static final ReferenceQueue<String> GONE = new ReferenceQueue<>();

  /** Marks this String instance as unsafe text (Ansible's wrap_var) and returns it. */
  public static String mark(String text) {
    return mark(text, false);
  }

  /** As {@link #mark(String)}; {@code written}: the text is a template that prints the unsafe text. */
  public static String mark(String text, boolean written) {
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
