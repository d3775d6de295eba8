package io.tightbeam.py;

import java.util.AbstractList;
import java.util.RandomAccess;

/**
 * A Python range: a sequence of ints that prints as {@code range(0, 3)}, equals only another range
 * and cannot be added to a list; a template's lone value of it is unrolled to a list.
 */
public final class Range extends AbstractList<Object> implements RandomAccess {
  private final long start;
  private final long stop;
  private final long step;
  private final int size;

  /** {@code range(start, stop, step)}; step is not zero. */
  public Range(long start, long stop, long step) {
    this.start = start;
    this.stop = stop;
    this.step = step;
    long n = step > 0 ? (stop - start + step - 1) / step : (start - stop - step - 1) / -step;
    this.size = (int) Math.max(0, n);
  }

  @Override
  public Object get(int index) {
    if (index < 0 || index >= size) {
      throw new IndexOutOfBoundsException(index);
    }
    return Py.normalNumber(start + index * step);
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public String toString() {
    return "range(" + start + ", " + stop + (step == 1 ? "" : ", " + step) + ")";
  }
}
