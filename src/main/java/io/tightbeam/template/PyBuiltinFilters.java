package io.tightbeam.template;

import io.tightbeam.py.Py;
import io.tightbeam.py.PyException;
import io.tightbeam.py.Tuple;
import java.util.ArrayList;
import java.util.List;

/**
 * Python builtins and itertools that Ansible exposes as filters: split, zip, zip_longest,
 * product, permutations and combinations. Results are lists of tuples.
 */
final class PyBuiltinFilters {
  private PyBuiltinFilters() {}

  static void register(Catalogue c) {
    c.filter("split", (v, a, e) -> {
      if (!(v instanceof String s)) {
        throw new PyException("descriptor 'split' for 'str' objects doesn't apply to a '"
            + Py.typeName(v) + "' object");
      }
      Object sep = a.get(0, "sep", null);
      Object max = a.get(1, "maxsplit", -1);
      return split(s, sep == null ? null : Items.str(sep), Items.integer(max));
    });
    c.filter("zip", (v, a, e) -> zip(v, a, false));
    c.filter("zip_longest", (v, a, e) -> zip(v, a, true));
    c.filter("product", (v, a, e) -> {
      List<List<Object>> pools = new ArrayList<>();
      pools.add(Items.list(v));
      for (Object o : a.positional()) {
        pools.add(Items.list(o));
      }
      int repeat = Items.integer(a.named().getOrDefault("repeat", 1));
      List<List<Object>> all = new ArrayList<>();
      for (int r = 0; r < repeat; r++) {
        all.addAll(pools);
      }
      List<List<Object>> rows = new ArrayList<>();
      rows.add(new ArrayList<>());
      for (List<Object> pool : all) {
        List<List<Object>> next = new ArrayList<>();
        for (List<Object> row : rows) {
          for (Object x : pool) {
            List<Object> longer = new ArrayList<>(row);
            longer.add(x);
            next.add(longer);
          }
        }
        rows = next;
      }
      return tuples(rows);
    });
    c.filter("permutations", (v, a, e) -> {
      List<Object> pool = Items.list(v);
      Object r = a.get(0, "r", null);
      List<List<Object>> out = new ArrayList<>();
      permute(pool, r == null ? pool.size() : Items.integer(r), new ArrayList<>(),
          new boolean[pool.size()], out);
      return tuples(out);
    });
    c.filter("combinations", (v, a, e) -> {
      List<Object> pool = Items.list(v);
      if (a.size() == 0 && !a.named().containsKey("r")) {
        throw new PyException("combinations() missing required argument 'r' (pos 2)");
      }
      int r = Items.integer(a.get(0, "r", null));
      List<List<Object>> out = new ArrayList<>();
      choose(pool, r, 0, new ArrayList<>(), out);
      return tuples(out);
    });
  }

  /** Python's str.split(sep, maxsplit); whitespace runs when sep is null. */
  static List<Object> split(String s, String sep, int max) {
    List<Object> out = new ArrayList<>();
    if (sep == null) {
      String rest = s.stripLeading();
      while (!rest.isEmpty()) {
        if (max >= 0 && out.size() == max) {
          out.add(rest.stripTrailing());
          return out;
        }
        int i = 0;
        while (i < rest.length() && !Character.isWhitespace(rest.charAt(i))) {
          i++;
        }
        out.add(rest.substring(0, i));
        rest = rest.substring(i).stripLeading();
      }
      return out;
    }
    if (sep.isEmpty()) {
      throw PyException.valueError("empty separator");
    }
    int from = 0;
    for (int i = s.indexOf(sep); i >= 0 && (max < 0 || out.size() < max); i = s.indexOf(sep, from)) {
      out.add(s.substring(from, i));
      from = i + sep.length();
    }
    out.add(s.substring(from));
    return out;
  }

  private static Object zip(Object v, Args a, boolean longest) {
    List<List<Object>> lists = new ArrayList<>();
    lists.add(Items.list(v));
    for (Object other : a.positional()) {
      lists.add(Items.list(other));
    }
    Object fill = a.named().get("fillvalue");
    int n = longest ? lists.stream().mapToInt(List::size).max().orElse(0)
        : lists.stream().mapToInt(List::size).min().orElse(0);
    List<List<Object>> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      List<Object> row = new ArrayList<>();
      for (List<Object> l : lists) {
        row.add(i < l.size() ? l.get(i) : fill);
      }
      rows.add(row);
    }
    return tuples(rows);
  }

  private static void permute(List<Object> pool, int r, List<Object> row, boolean[] used,
      List<List<Object>> out) {
    if (row.size() == r) {
      out.add(new ArrayList<>(row));
      return;
    }
    for (int i = 0; i < pool.size(); i++) {
      if (!used[i]) {
        used[i] = true;
        row.add(pool.get(i));
        permute(pool, r, row, used, out);
        row.remove(row.size() - 1);
        used[i] = false;
      }
    }
  }

  private static void choose(List<Object> pool, int r, int from, List<Object> row,
      List<List<Object>> out) {
    if (row.size() == r) {
      out.add(new ArrayList<>(row));
      return;
    }
    for (int i = from; i < pool.size(); i++) {
      row.add(pool.get(i));
      choose(pool, r, i + 1, row, out);
      row.remove(row.size() - 1);
    }
  }

  private static List<Object> tuples(List<List<Object>> rows) {
    List<Object> out = new ArrayList<>();
    rows.forEach(r -> out.add(Tuple.copyOf(r)));
    return out;
  }
}
