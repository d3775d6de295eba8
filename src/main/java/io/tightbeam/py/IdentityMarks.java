package io.tightbeam.py;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * String instances marked by identity, held weakly (a value marked in a loop must not leak), each
 * with a value: how Python's str subclasses (AnsibleUnsafeText, NativeJinjaText) live on a String.
 */
final class IdentityMarks<V> {
  private final Map<Mark, V> marked = new ConcurrentHashMap<>();
  private final ReferenceQueue<String> gone = new ReferenceQueue<>();

  /** Marks this instance with {@code value} unless it is marked already. */
  void mark(String text, V value) {
    for (Object dropped; (dropped = gone.poll()) != null; ) {
      marked.remove(dropped);
    }
    marked.putIfAbsent(new Mark(text, gone), value);
  }

  /** The mark of {@code value} when it is a marked String instance, else null. */
  V get(Object value) {
    if (!(value instanceof String s) || marked.isEmpty()) {
      return null;
    }
    // A per-thread probe rather than a new Mark: every variable read asks this.
    Probe probe = PROBE.get();
    probe.text = s;
    try {
      return marked.get(probe);
    } finally {
      probe.text = null;
    }
  }

  private static final ThreadLocal<Probe> PROBE = ThreadLocal.withInitial(Probe::new);

  /** The key a look-up passes: equal to the Mark of the same instance (the map asks the probe). */
  private static final class Probe {
    private String text;

    @Override
    public int hashCode() {
      return System.identityHashCode(text);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Mark m && m.get() == text && text != null;
    }
  }

  boolean any() {
    return !marked.isEmpty();
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
