package io.tightbeam.template;

import io.tightbeam.py.Py;
import io.tightbeam.py.Tuple;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The subelements lookup: each (item, subitem) pair for a list of dicts and a dotted key naming a
 * list inside each. Like Ansible, the item in a pair no longer holds the list it was split by.
 */
final class Subelements {
  private Subelements() {}

  private static final String USAGE = "subelements lookup expects a list of two or three items, ";

  static List<Object> run(List<Object> terms) {
    if (terms.size() < 2 || terms.size() > 3) {
      throw new TemplateException(USAGE);
    }
    Object first = ListLookups.listify(terms.get(0));
    if (!(first instanceof List || first instanceof Map) || !(terms.get(1) instanceof String key)) {
      throw new TemplateException(USAGE
          + "first a dict or a list, second a string pointing to the subkey");
    }
    String[] path = key.split("\\.", -1);
    List<Object> elements = new ArrayList<>();
    if (first instanceof Map<?, ?> m) {
      if (!Boolean.FALSE.equals(m.containsKey("skipped") ? m.get("skipped") : false)) {
        return new ArrayList<>();
      }
      elements.addAll(m.values());
    } else {
      elements.addAll((List<?>) first);
    }
    Object flags = terms.size() == 3 ? terms.get(2) : Map.of();
    if (!(flags instanceof Map<?, ?> flagMap)) {
      throw new TemplateException(USAGE
          + "the optional third item must be a dict with flags skip_missing");
    }
    boolean skipMissing = Py.truthy(CoreTests.booleanWord(flagMap.get("skip_missing")));
    List<Object> out = new ArrayList<>();
    for (Object element : elements) {
      if (!(element instanceof Map<?, ?> item)) {
        throw new TemplateException("subelements lookup expects a dictionary, got '"
            + Py.str(element) + "'");
      }
      if (!Boolean.FALSE.equals(item.containsKey("skipped") ? item.get("skipped") : false)) {
        continue;
      }
      Map<Object, Object> copy = new LinkedHashMap<>(item);
      for (Object sub : sublist(copy, path, skipMissing)) {
        out.add(Tuple.of(copy, sub));
      }
    }
    return out;
  }

  /** The list at {@code path} in {@code item}, taken out of (a copy of) its parent dict. */
  @SuppressWarnings("unchecked")
  private static List<?> sublist(Map<Object, Object> item, String[] path, boolean skipMissing) {
    Map<Object, Object> at = item;
    for (int i = 0; i < path.length; i++) {
      String key = path[i];
      boolean last = i == path.length - 1;
      if (!at.containsKey(key)) {
        if (skipMissing) {
          return List.of();
        }
        throw new TemplateException("could not find '" + key + "' key in iterated item '"
            + Py.str(at) + "'");
      }
      Object value = at.get(key);
      if (!last) {
        if (!(value instanceof Map)) {
          if (skipMissing) {
            return List.of();
          }
          throw new TemplateException("the key " + key + " should point to a dictionary, got '"
              + Py.str(value) + "'");
        }
        Map<Object, Object> inner = new LinkedHashMap<>((Map<Object, Object>) value);
        at.put(key, inner);
        at = inner;
      } else if (!(value instanceof List<?> list)) {
        throw new TemplateException("the key " + key + " should point to a list, got '"
            + Py.str(value) + "'");
      } else {
        at.remove(key);
        return list;
      }
    }
    return List.of();
  }
}
