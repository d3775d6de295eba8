package io.tightbeam.template;

import io.tightbeam.py.Py;
import io.tightbeam.py.PyException;
import io.tightbeam.py.Tuple;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Ansible's list and dict filters: combine, extract, flatten, dict2items, items2dict,
 * subelements, rekey_on_member and the set operations (intersect, difference, union...).
 */
final class AnsibleListFilters {
  private static final Set<String> LIST_MERGES =
      Set.of("replace", "keep", "append", "prepend", "append_rp", "prepend_rp");

  private AnsibleListFilters() {}

  static void register(Catalogue c) {
    c.filter("combine", AnsibleListFilters::combine);
    c.filter("extract", (v, a, e) -> {
      List<Object> keys = new ArrayList<>();
      keys.add(v);
      Object more = a.get(1, "morekeys", null);
      if (more instanceof List<?> l && !(more instanceof Tuple)) {
        keys.addAll(l);
      } else if (more != null) {
        keys.add(more);
      }
      Object value = a.get(0, "container", null);
      for (Object key : keys) {
        value = Items.item(value, key);
      }
      return value;
    });
    c.filter("flatten", (v, a, e) -> {
      Object levels = a.get(0, "levels", null);
      List<Object> out = new ArrayList<>();
      flatten(Items.list(v), levels == null ? -1 : Items.integer(levels),
          Items.truth(a.get(1, "skip_nulls", true)), out);
      return out;
    });
    c.filter("dict2items", (v, a, e) -> {
      if (!(v instanceof Map<?, ?> m)) {
        throw new PyException("dict2items requires a dictionary, got " + pyClass(v)
            + " instead.");
      }
      Object key = a.get(0, "key_name", "key");
      Object value = a.get(1, "value_name", "value");
      List<Object> out = new ArrayList<>();
      m.forEach((k, x) -> {
        Map<Object, Object> item = new LinkedHashMap<>();
        item.put(key, k);
        item.put(value, x);
        out.add(item);
      });
      return out;
    });
    c.filter("items2dict", AnsibleListFilters::items2dict);
    c.filter("subelements", AnsibleListFilters::subelements);
    c.filter("rekey_on_member", AnsibleListFilters::rekey);
    c.filter("intersect", (v, a, e) -> {
      List<Object> other = membership(Items.required(a, 0, "b", "intersect"));
      return JinjaSelectFilters.unique(
          Items.list(v).stream().filter(x -> contains(other, x)).toList(), true, null);
    });
    c.filter("difference", (v, a, e) ->
        difference(Items.list(v), membership(Items.required(a, 0, "b", "difference"))));
    c.filter("union", (v, a, e) ->
        union(concatenable(v), concatenable(Items.required(a, 0, "b", "union"))));
    c.filter("symmetric_difference", (v, a, e) -> {
      List<Object> x = Items.list(v);
      List<Object> y = membership(Items.required(a, 0, "b", "symmetric_difference"));
      List<Object> both = JinjaSelectFilters.unique(
          x.stream().filter(i -> contains(y, i)).toList(), true, null);
      return difference(union(x, y), both);
    });
  }

  /** The right side of Python's {@code x in b}. */
  private static List<Object> membership(Object b) {
    if (!(b instanceof java.util.Collection || b instanceof Map || b instanceof String)) {
      Items.failIfUndefined(b);
      throw new PyException("argument of type '" + Py.typeName(b) + "' is not iterable");
    }
    return Items.list(b);
  }

  /** An operand of Python's list {@code a + b}. */
  private static List<Object> concatenable(Object v) {
    if (!(v instanceof List)) {
      Items.failIfUndefined(v);
      throw new PyException("unsupported operand type(s) for +: '" + Py.typeName(v)
          + "' and 'list'");
    }
    return Items.list(v);
  }

  /** Python's {@code type(v)} as printed: {@code <class 'list'>}. */
  static String pyClass(Object v) {
    return "<class '" + Py.typeName(v) + "'>";
  }

  static boolean contains(List<Object> items, Object x) {
    for (Object o : items) {
      if (Py.eq(o, x)) {
        return true;
      }
    }
    return false;
  }

  private static List<Object> union(List<Object> a, List<Object> b) {
    List<Object> all = new ArrayList<>(a);
    all.addAll(b);
    return JinjaSelectFilters.unique(all, true, null);
  }

  private static List<Object> difference(List<Object> a, List<Object> b) {
    return JinjaSelectFilters.unique(a.stream().filter(x -> !contains(b, x)).toList(), true, null);
  }

  static void flatten(List<Object> items, int levels, boolean skipNulls, List<Object> out) {
    for (Object o : items) {
      if (skipNulls && (o == null || "None".equals(o) || "null".equals(o))) {
        continue;
      }
      if (o instanceof List<?> l && levels != 0) {
        flatten(new ArrayList<>(l), levels < 0 ? -1 : levels - 1, skipNulls, out);
      } else {
        out.add(o);
      }
    }
  }

  private static Object combine(Object v, Args a, Env e) {
    Map<String, Object> kw = new LinkedHashMap<>(a.named());
    boolean recursive = Items.truth(kw.containsKey("recursive") ? kw.remove("recursive") : false);
    Object listMergeArg = kw.containsKey("list_merge") ? kw.remove("list_merge") : "replace";
    String listMerge = Items.str(listMergeArg);
    if (!kw.isEmpty()) {
      throw new TemplateException("'recursive' and 'list_merge' are the only valid keyword "
          + "arguments");
    }
    List<Object> terms = new ArrayList<>();
    terms.add(v);
    terms.addAll(List.of(a.positional()));
    List<Object> dicts = new ArrayList<>();
    flatten(terms, 1, true, dicts);
    if (dicts.isEmpty()) {
      return new LinkedHashMap<>();
    }
    Object result = dicts.get(0);
    for (int i = 1; i < dicts.size(); i++) {
      result = merge(result, dicts.get(i), recursive, listMerge);
    }
    return result;
  }

  /** Ansible's merge_hash: y's keys over x's, dicts merged when recursive, lists by list_merge. */
  static Map<Object, Object> merge(Object x, Object y, boolean recursive, String listMerge) {
    if (!(x instanceof Map<?, ?> mx) || !(y instanceof Map<?, ?> my)) {
      throw new TemplateException("failed to combine variables, expected dicts but got a '"
          + Py.typeName(x) + "' and a '" + Py.typeName(y) + "': \n"
          + JsonText.dumps(x, -1, false) + "\n" + JsonText.dumps(y, -1, false));
    }
    if (!LIST_MERGES.contains(listMerge)) {
      throw new TemplateException("merge_hash: 'list_merge' argument can only be equal to "
          + "'replace', 'keep', 'append', 'prepend', 'append_rp' or 'prepend_rp'");
    }
    if (mx.isEmpty() || Py.eq(mx, my)) {
      return new LinkedHashMap<>(my);
    }
    Map<Object, Object> out = new LinkedHashMap<>(mx);
    for (Map.Entry<?, ?> entry : my.entrySet()) {
      Object key = entry.getKey();
      Object yv = entry.getValue();
      if (!out.containsKey(key)) {
        out.put(key, yv);
        continue;
      }
      Object xv = out.get(key);
      if (xv instanceof Map && yv instanceof Map) {
        out.put(key, recursive ? merge(xv, yv, true, listMerge) : yv);
      } else if (xv instanceof List<?> xl && yv instanceof List<?> yl
          && !(xv instanceof Tuple) && !(yv instanceof Tuple)) {
        out.put(key, mergeLists(new ArrayList<>(xl), new ArrayList<>(yl), listMerge));
      } else {
        out.put(key, yv);
      }
    }
    return out;
  }

  private static List<Object> mergeLists(List<Object> x, List<Object> y, String mode) {
    List<Object> out = new ArrayList<>();
    switch (mode) {
      case "keep" -> out.addAll(x);
      case "append" -> {
        out.addAll(x);
        out.addAll(y);
      }
      case "prepend" -> {
        out.addAll(y);
        out.addAll(x);
      }
      case "append_rp" -> {
        x.stream().filter(i -> !contains(y, i)).forEach(out::add);
        out.addAll(y);
      }
      case "prepend_rp" -> {
        out.addAll(y);
        x.stream().filter(i -> !contains(y, i)).forEach(out::add);
      }
      default -> out.addAll(y);
    }
    return out;
  }

  private static Object items2dict(Object v, Args a, Env e) {
    Object key = a.get(0, "key_name", "key");
    Object value = a.get(1, "value_name", "value");
    if (!(v instanceof List<?> items)) {
      throw new PyException("items2dict requires a list, got " + pyClass(v) + " instead.");
    }
    Map<Object, Object> out = new LinkedHashMap<>();
    for (Object item : items) {
      if (!(item instanceof Map<?, ?> m)) {
        throw new PyException("items2dict requires a list of dictionaries, got "
            + Py.repr(v) + " instead.");
      }
      if (!Py.hasKey(m, key) || !Py.hasKey(m, value)) {
        throw new PyException("items2dict requires each dictionary in the list to contain "
            + "the keys '" + Items.str(key) + "' and '" + Items.str(value) + "', got "
            + Py.repr(v) + " instead.");
      }
      Object k = Py.get(m, key);
      if (k instanceof List || k instanceof Map) {
        throw new PyException("items2dict requires a list of dictionaries, got "
            + Py.repr(v) + " instead.");
      }
      out.put(k, Py.get(m, value));
    }
    return out;
  }

  private static Object subelements(Object v, Args a, Env e) {
    List<Object> elements;
    if (v instanceof Map<?, ?> m) {
      elements = new ArrayList<>(m.values());
    } else if (v instanceof List<?> l) {
      elements = new ArrayList<>(l);
    } else {
      throw new TemplateException("obj must be a list of dicts or a nested dict");
    }
    Object path = a.get(0, "subelements", null);
    List<Object> keys;
    if (path instanceof List<?> l) {
      keys = new ArrayList<>(l);
    } else if (path instanceof String s) {
      keys = new ArrayList<>(List.of((Object[]) s.split("\\.", -1)));
    } else {
      throw new PyException("subelements must be a list or a string");
    }
    boolean skipMissing = Items.truth(a.get(1, "skip_missing", false));
    List<Object> out = new ArrayList<>();
    for (Object element : elements) {
      Object values = element;
      for (Object key : keys) {
        if (values instanceof Map<?, ?> m) {
          if (!Py.hasKey(m, key)) {
            if (skipMissing) {
              values = List.of();
              break;
            }
            throw new TemplateException("could not find " + Py.repr(key)
                + " key in iterated item " + Py.repr(values));
          }
          values = Py.get(m, key);
        } else {
          throw new PyException("the key " + Items.str(key)
              + " should point to a dictionary, got '" + Items.str(values) + "'");
        }
      }
      if (!(values instanceof List<?> l) || values instanceof Tuple) {
        throw new PyException("the key " + Py.repr(keys.get(keys.size() - 1))
            + " should point to a list, got " + Py.repr(values));
      }
      for (Object x : l) {
        out.add(Tuple.of(element, x));
      }
    }
    return out;
  }

  private static Object rekey(Object v, Args a, Env e) {
    Object key = a.get(0, "key", null);
    String duplicates = Items.str(a.get(1, "duplicates", "error"));
    if (!duplicates.equals("error") && !duplicates.equals("overwrite")) {
      throw new TemplateException("duplicates parameter to rekey_on_member has unknown value: "
          + duplicates);
    }
    List<Object> items;
    if (v instanceof Map<?, ?> m) {
      items = new ArrayList<>(m.values());
    } else if (v instanceof List<?> l) {
      items = new ArrayList<>(l);
    } else {
      throw new PyException("Type is not a valid list, set, or dict");
    }
    Map<Object, Object> out = new LinkedHashMap<>();
    for (Object item : items) {
      if (!(item instanceof Map<?, ?> m)) {
        throw new PyException("List item is not a valid dict");
      }
      if (!Py.hasKey(m, key)) {
        throw new TemplateException("Key " + Items.str(key) + " was not found");
      }
      Object k = Py.get(m, key);
      if (Py.hasKey(out, k) && Py.truthy(Py.get(out, k))) {
        if (duplicates.equals("error")) {
          throw new TemplateException("Key " + Items.str(k)
              + " is not unique, cannot correctly turn into dict");
        }
      }
      out.put(k, item);
    }
    return out;
  }

  static PyException notIterable(Object v) {
    return new PyException("'" + Py.typeName(v) + "' object is not iterable");
  }
}
