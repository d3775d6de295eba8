package io.tightbeam.py;

import java.util.AbstractList;
import java.util.List;

/** A Python tuple: an immutable list that prints as {@code (a, b)}. */
public final class Tuple extends AbstractList<Object> {
  private final Object[] items;

  private Tuple(Object[] items) {
    this.items = items;
  }

  /** A tuple of the given items. */
  public static Tuple of(Object... items) {
    return new Tuple(items.clone());
  }

  /** A tuple of a list's items. */
  public static Tuple copyOf(List<?> items) {
    return new Tuple(items.toArray());
  }

  @Override
  public Object get(int index) {
    return items[index];
  }

  @Override
  public int size() {
    return items.length;
  }
}
