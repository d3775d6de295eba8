package io.tightbeam.template;

import io.tightbeam.py.Py;
import io.tightbeam.py.Tuple;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Jinja2's filters that take an item key or another filter or test by name: map, select, reject,
 * selectattr, rejectattr, sort, unique, min, max and groupby.
 */
final class JinjaSelectFilters {
  private JinjaSelectFilters() {}

  static void register(Catalogue c) {
    c.jinjaFilter("map", false, JinjaSelectFilters::map);
    c.jinjaFilter("select", false, (v, a, e) -> select(v, a, e, false, true));
    c.jinjaFilter("reject", false, (v, a, e) -> select(v, a, e, false, false));
    c.jinjaFilter("selectattr", false, (v, a, e) -> select(v, a, e, true, true));
    c.jinjaFilter("rejectattr", false, (v, a, e) -> select(v, a, e, true, false));
    c.jinjaFilter("sort", false, (v, a, e) -> {
      boolean reverse = Items.truth(a.get(0, "reverse", false));
      boolean caseSensitive = Items.truth(a.get(1, "case_sensitive", false));
      return Sorting.sorted(Items.list(v),
          Items.multiGetter(a.get(2, "attribute", null), !caseSensitive), reverse);
    });
    c.filter("unique", (v, a, e) -> unique(Items.list(v),
        Items.truth(a.get(0, "case_sensitive", false)), a.get(1, "attribute", null)));
    c.jinjaFilter("min", false, (v, a, e) -> extreme(v, a, false));
    c.jinjaFilter("max", false, (v, a, e) -> extreme(v, a, true));
    c.jinjaFilter("groupby", false, JinjaSelectFilters::groupby);
  }

  private static Object map(Object v, Args a, Env e) {
    Function<Object, Object> f;
    if (a.size() == 0 && a.named().containsKey("attribute")) {
      Map<String, Object> rest = new LinkedHashMap<>(a.named());
      Object attribute = rest.remove("attribute");
      Object fallback = rest.remove("default");
      if (!rest.isEmpty()) {
        throw new TemplateException("Unexpected keyword argument "
            + Py.repr(rest.keySet().iterator().next()));
      }
      f = Items.attrGetter(attribute, fallback, false);
    } else {
      if (a.size() == 0) {
        throw new TemplateException("map requires a filter argument");
      }
      String name = Items.str(a.positional()[0]);
      Args rest = new Args(Arrays.copyOfRange(a.positional(), 1, a.size()), a.named());
      f = item -> e.filter(name, item, rest);
    }
    List<Object> out = new ArrayList<>();
    for (Object item : Items.list(v)) {
      out.add(f.apply(item));
    }
    return out;
  }

  private static Object select(Object v, Args a, Env e, boolean byAttribute, boolean keep) {
    int off = 0;
    Function<Object, Object> lookup = x -> x;
    if (byAttribute) {
      if (a.size() == 0) {
        throw new TemplateException("Missing parameter for attribute name");
      }
      lookup = Items.attrGetter(a.positional()[0], null, false);
      off = 1;
    }
    Predicate<Object> test;
    if (a.size() > off) {
      String name = Items.str(a.positional()[off]);
      Args rest = new Args(Arrays.copyOfRange(a.positional(), off + 1, a.size()), a.named());
      test = x -> e.test(name, x, rest);
    } else {
      test = Items::truth;
    }
    List<Object> out = new ArrayList<>();
    for (Object item : Items.list(v)) {
      if (test.test(lookup.apply(item)) == keep) {
        out.add(item);
      }
    }
    return out;
  }

  static List<Object> unique(List<Object> items, boolean caseSensitive, Object attribute) {
    Function<Object, Object> key = Items.attrGetter(attribute, null, !caseSensitive);
    List<Object> seen = new ArrayList<>();
    List<Object> out = new ArrayList<>();
    for (Object item : items) {
      Object k = key.apply(item);
      Items.failIfUndefined(k);
      if (seen.stream().noneMatch(s -> Py.eq(s, k))) {
        seen.add(k);
        out.add(item);
      }
    }
    return out;
  }

  private static Object extreme(Object v, Args a, boolean max) {
    boolean caseSensitive = Items.truth(a.get(0, "case_sensitive", false));
    Object attribute = a.get(1, "attribute", null);
    List<Object> items = Items.list(v);
    if (items.isEmpty()) {
      return Undefined.hint("No aggregated item, sequence was empty.");
    }
    return Sorting.extreme(items, Items.attrGetter(attribute, null, !caseSensitive), max);
  }

  private static Object groupby(Object v, Args a, Env e) {
    Object attribute = a.get(0, "attribute", null);
    Object fallback = a.get(1, "default", null);
    boolean caseSensitive = Items.truth(a.get(2, "case_sensitive", false));
    Function<Object, Object> key = Items.attrGetter(attribute, fallback, !caseSensitive);
    Function<Object, Object> shown = Items.attrGetter(attribute, fallback, false);
    List<Object> out = new ArrayList<>();
    Object current = null;
    List<Object> group = null;
    for (Object item : Sorting.sorted(Items.list(v), key, false)) {
      Object k = key.apply(item);
      if (group == null || !Py.eq(k, current)) {
        group = new ArrayList<>();
        current = k;
        out.add(Tuple.of(shown.apply(item), group));
      }
      group.add(item);
    }
    return out;
  }
}
