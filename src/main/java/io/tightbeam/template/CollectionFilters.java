package io.tightbeam.template;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/** List and dict filters: unique, union, flatten, sort, min/max/sum, combine, dict2items, zip, … */
final class CollectionFilters {
  private CollectionFilters() {}

  static void register(Catalogue c) {
    c.filter("unique", (v, a, env) -> unique(Filters.list(v)));
    c.filter("union", (v, a, env) -> {
      List<Object> all = new ArrayList<>(Filters.list(v));
      all.addAll(Filters.list(a.get(0, null, List.of())));
      return unique(all);
    });
    c.filter("difference", (v, a, env) -> {
      List<Object> other = Filters.list(a.get(0, null, List.of()));
      return unique(Filters.list(v).stream().filter(x -> !contains(other, x)).toList());
    });
    c.filter("intersect", (v, a, env) -> {
      List<Object> other = Filters.list(a.get(0, null, List.of()));
      return unique(Filters.list(v).stream().filter(x -> contains(other, x)).toList());
    });
    c.filter("flatten", (v, a, env) -> {
      List<Object> out = new ArrayList<>();
      Object levels = a.get(0, "levels", null);
      flatten(Filters.list(v), levels == null ? -1 : Filters.number(levels).intValue(), out);
      return out;
    });
    c.filter("sort", (v, a, env) -> CollectionFilters.sort(v, a));
    c.filter("min", (v, a, env) -> extreme(v, a, false));
    c.filter("max", (v, a, env) -> extreme(v, a, true));
    c.filter("sum", (v, a, env) -> CollectionFilters.sum(v, a));
    c.filter("join", (v, a, env) -> {
      String sep = a.string(0, "d", "");
      String attr = a.string(1, "attribute", null);
      List<String> parts = new ArrayList<>();
      for (Object item : Filters.list(v)) {
        parts.add(io.tightbeam.py.Py.str(attr == null ? item : Filters.attribute(item, attr)));
      }
      return String.join(sep, parts);
    });
    c.filter("combine", (v, a, env) -> CollectionFilters.combine(v, a));
    c.filter("dict2items", (v, a, env) -> {
      String key = a.string(0, "key_name", "key");
      String value = a.string(1, "value_name", "value");
      List<Object> out = new ArrayList<>();
      for (Map.Entry<?, ?> e : map(v, "dict2items").entrySet()) {
        Map<Object, Object> item = new LinkedHashMap<>();
        item.put(key, e.getKey());
        item.put(value, e.getValue());
        out.add(item);
      }
      return out;
    });
    c.filter("items2dict", (v, a, env) -> {
      String key = a.string(0, "key_name", "key");
      String value = a.string(1, "value_name", "value");
      Map<Object, Object> out = new LinkedHashMap<>();
      for (Object item : Filters.list(v)) {
        out.put(Filters.attribute(item, key), Filters.attribute(item, value));
      }
      return out;
    });
    c.filter("dict", (v, a, env) -> {
      Map<Object, Object> out = new LinkedHashMap<>();
      for (Object pair : Filters.list(v)) {
        List<Object> kv = Filters.list(pair);
        out.put(kv.get(0), kv.get(1));
      }
      return out;
    });
    c.filter("zip", (v, a, env) -> {
      List<List<Object>> lists = new ArrayList<>();
      lists.add(Filters.list(v));
      for (Object other : a.positional()) {
        lists.add(Filters.list(other));
      }
      int n = lists.stream().mapToInt(List::size).min().orElse(0);
      List<Object> out = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        List<Object> row = new ArrayList<>();
        for (List<Object> l : lists) {
          row.add(l.get(i));
        }
        out.add(row);
      }
      return out;
    });
  }

  static Map<?, ?> map(Object v, String filter) {
    if (v instanceof Map<?, ?> m) {
      return m;
    }
    throw new TemplateException(filter + " requires a dictionary, got " + io.tightbeam.py.Py.typeName(v) + " instead.");
  }

  private static boolean contains(List<Object> list, Object x) {
    for (Object o : list) {
      if (Objects.equals(o, x) || (o instanceof Number && x instanceof Number && Filters.compare(o, x) == 0)) {
        return true;
      }
    }
    return false;
  }

  private static List<Object> unique(List<Object> items) {
    List<Object> out = new ArrayList<>();
    for (Object o : items) {
      if (!contains(out, o)) {
        out.add(o);
      }
    }
    return out;
  }

  private static void flatten(List<Object> items, int levels, List<Object> out) {
    for (Object o : items) {
      if (o instanceof List<?> l && levels != 0) {
        flatten(Filters.list(l), levels - 1, out);
      } else if (o != null && !"None".equals(o)) {
        out.add(o);
      }
    }
  }

  private static Comparator<Object> order(Args a, int attrIndex) {
    boolean caseSensitive = a.bool(-1, "case_sensitive", false);
    String attr = a.string(attrIndex, "attribute", null);
    return (x, y) -> {
      Object kx = attr == null ? x : Filters.attribute(x, attr);
      Object ky = attr == null ? y : Filters.attribute(y, attr);
      if (!caseSensitive && kx instanceof String sx && ky instanceof String sy) {
        return sx.toLowerCase(Locale.ROOT).compareTo(sy.toLowerCase(Locale.ROOT));
      }
      return Filters.compare(kx, ky);
    };
  }

  private static Object sort(Object v, Args a) {
    List<Object> items = new ArrayList<>(Filters.list(v));
    Comparator<Object> order = order(a, 2);
    items.sort(a.bool(0, "reverse", false) ? order.reversed() : order);
    return items;
  }

  private static Object extreme(Object v, Args a, boolean max) {
    List<Object> items = Filters.list(v);
    if (items.isEmpty()) {
      return Undefined.variable("min/max of an empty sequence");
    }
    Comparator<Object> order = order(a, -1);
    return max ? items.stream().max(order).get() : items.stream().min(order).get();
  }

  private static Object sum(Object v, Args a) {
    String attr = a.string(-1, "attribute", null);
    Number total = Filters.number(a.get(0, "start", 0));
    for (Object item : Filters.list(v)) {
      Number n = Filters.number(attr == null ? item : Filters.attribute(item, attr));
      total = total instanceof Long x && n instanceof Long y
          ? (Number) (x + y) : (Number) (total.doubleValue() + n.doubleValue());
    }
    return io.tightbeam.py.Py.normalNumber(total);
  }

  private static Object combine(Object v, Args a) {
    boolean recursive = a.bool(-1, "recursive", false);
    String listMerge = a.string(-1, "list_merge", "replace");
    Map<Object, Object> out = new LinkedHashMap<>(map(v, "combine"));
    for (Object other : a.positional()) {
      List<Object> dicts = other instanceof List<?> l ? Filters.list(l) : List.of(other);
      for (Object d : dicts) {
        merge(out, map(d, "combine"), recursive, listMerge);
      }
    }
    return out;
  }

  private static void merge(Map<Object, Object> into, Map<?, ?> from, boolean recursive, String listMerge) {
    for (Map.Entry<?, ?> e : from.entrySet()) {
      Object old = into.get(e.getKey());
      Object add = e.getValue();
      if (recursive && old instanceof Map<?, ?> om && add instanceof Map<?, ?> am) {
        Map<Object, Object> merged = new LinkedHashMap<>(om);
        merge(merged, am, true, listMerge);
        into.put(e.getKey(), merged);
      } else if (old instanceof List<?> ol && add instanceof List<?> al) {
        into.put(e.getKey(), mergeLists(Filters.list(ol), Filters.list(al), listMerge));
      } else {
        into.put(e.getKey(), add);
      }
    }
  }

  private static List<Object> mergeLists(List<Object> old, List<Object> add, String mode) {
    List<Object> out = new ArrayList<>();
    switch (mode) {
      case "keep" -> out.addAll(old);
      case "append" -> { out.addAll(old); out.addAll(add); }
      case "prepend" -> { out.addAll(add); out.addAll(old); }
      case "append_rp" -> { old.stream().filter(x -> !add.contains(x)).forEach(out::add); out.addAll(add); }
      case "prepend_rp" -> { out.addAll(add); old.stream().filter(x -> !add.contains(x)).forEach(out::add); }
      case "replace" -> out.addAll(add);
      default -> throw new TemplateException("'" + mode + "' is not a valid list_merge value");
    }
    return out;
  }
}
