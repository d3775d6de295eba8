package io.tightbeam.template;

import io.tightbeam.py.Py;
import io.tightbeam.py.PyException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/** Python's {@code sorted}, {@code min} and {@code max} with a key function: stable, typed errors. */
final class Sorting {
  private Sorting() {}

  /** {@code sorted(items, key=key, reverse=reverse)}. */
  static List<Object> sorted(List<Object> items, Function<Object, Object> key, boolean reverse) {
    List<Object[]> pairs = new ArrayList<>();
    for (Object item : items) {
      Object k = key.apply(item);
      Items.failIfUndefined(k);
      pairs.add(new Object[] {k, item});
    }
    Comparator<Object[]> order = (x, y) -> Py.compare(x[0], y[0]);
    pairs.sort(reverse ? (x, y) -> order.compare(y, x) : order);
    List<Object> out = new ArrayList<>();
    for (Object[] p : pairs) {
      out.add(p[1]);
    }
    return out;
  }

  /** {@code max(items, key=key)} (or min): the first of equal extremes; null when empty. */
  static Object extreme(List<Object> items, Function<Object, Object> key, boolean max) {
    Object best = null;
    Object bestKey = null;
    boolean first = true;
    for (Object item : items) {
      Object k = key.apply(item);
      Items.failIfUndefined(k);
      if (first) {
        best = item;
        bestKey = k;
        first = false;
        continue;
      }
      int c;
      try {
        c = Py.compare(k, bestKey);
      } catch (PyException e) {
        throw new PyException("'" + (max ? ">" : "<") + "' not supported between instances of '"
            + Py.typeName(k) + "' and '" + Py.typeName(bestKey) + "'");
      }
      if (max ? c > 0 : c < 0) {
        best = item;
        bestKey = k;
      }
    }
    return first ? null : best;
  }
}
