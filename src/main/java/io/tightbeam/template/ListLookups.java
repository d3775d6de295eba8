package io.tightbeam.template;

import io.tightbeam.py.Py;
import io.tightbeam.py.Tuple;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The lookups that reshape their terms: items, list, dict, indexed_items, nested, together,
 * subelements and random_choice (the engines of {@code with_items}, {@code with_nested}, ...).
 */
final class ListLookups {
  private ListLookups() {}

  private static final SecureRandom RANDOM = new SecureRandom();

  static void register(Catalogue c) {
    c.lookup("items", (terms, o, e) -> flatten(terms));
    c.lookup("list", (terms, o, e) -> new ArrayList<>(terms));
    c.lookup("dict", (terms, o, e) -> dict(terms));
    c.lookup("indexed_items", (terms, o, e) -> {
      List<Object> items = flatten(terms);
      List<Object> out = new ArrayList<>();
      for (int i = 0; i < items.size(); i++) {
        out.add(Tuple.of(i, items.get(i)));
      }
      return out;
    });
    c.lookup("nested", ListLookups::nested);
    c.lookup("together", ListLookups::together);
    c.lookup("subelements", (terms, o, e) -> Subelements.run(terms));
    // community.general's; ansible-core 2.14 routes the short name (with_flattened) to it
    c.lookup("flattened", (terms, o, e) -> flattened(terms));
    c.lookupNamed("community.general.flattened", (terms, o, e) -> flattened(terms));
    c.lookup("random_choice", (terms, o, e) ->
        terms.isEmpty() ? new ArrayList<>() : new ArrayList<>(List.of(terms.get(RANDOM.nextInt(
            terms.size())))));
  }

  /**
   * community.general.flattened: lists spliced in at every depth, strings stripped, and a term
   * "None" or "null" ends the list there.
   */
  static List<Object> flattened(Collection<?> terms) {
    List<Object> out = new ArrayList<>();
    for (Object term : terms) {
      while (term instanceof List<?> l && l.size() == 1) {
        term = l.get(0);
      }
      if ("None".equals(term) || "null".equals(term)) {
        break;
      }
      if (term instanceof String s) {
        term = s.strip();
      }
      if (term instanceof List<?> l) {
        out.addAll(flattened(l));
      } else {
        out.add(term);
      }
    }
    return out;
  }

  /** Ansible's one-level flatten: list and tuple terms are spliced in, strings are iterated. */
  static List<Object> flatten(Object terms) {
    List<Object> out = new ArrayList<>();
    for (Object term : iterate(terms)) {
      if (term instanceof List<?> l) {
        out.addAll(l);
      } else {
        out.add(term);
      }
    }
    return out;
  }

  /** What Python's {@code for x in value} visits: items, dict keys or characters. */
  static List<Object> iterate(Object value) {
    if (value instanceof Collection<?> c) {
      return new ArrayList<>(c);
    } else if (value instanceof Map<?, ?> m) {
      return new ArrayList<>(m.keySet());
    } else if (value instanceof CharSequence s) {
      return new ArrayList<>(s.toString().codePoints().mapToObj(Character::toString).toList());
    } else if (value instanceof Undefined u) {
      throw u.error();
    }
    throw new TemplateException("'" + Py.typeName(value) + "' object is not iterable");
  }

  private static List<Object> dict(List<Object> terms) {
    List<Object> out = new ArrayList<>();
    for (Object term : terms) {
      if (!(term instanceof Map<?, ?> m)) {
        throw new TemplateException("with_dict expects a dict");
      }
      m.forEach((k, v) -> {
        Map<Object, Object> entry = new LinkedHashMap<>();
        entry.put("key", k);
        entry.put("value", v);
        out.add(entry);
      });
    }
    return out;
  }

  /** A term as listify_lookup_plugin_terms leaves it: a string or a non-iterable is wrapped. */
  static Object listify(Object term) {
    if (term instanceof CharSequence || !(term instanceof Collection || term instanceof Map)) {
      return new ArrayList<>(java.util.Collections.singletonList(term));
    }
    return term;
  }

  private static List<Object> nested(List<Object> terms, Map<String, Object> o, Env e) {
    if (terms.isEmpty()) {
      throw new TemplateException("with_nested requires at least one element in the nested list");
    }
    List<Object> lists = new ArrayList<>();
    for (Object term : terms) {
      if (term instanceof Undefined u) {
        throw new TemplateException("One of the nested variables was undefined. The error was: "
            + u.message());
      }
      lists.add(listify(term));
    }
    List<Object> result = iterate(lists.get(0));
    for (int i = 1; i < lists.size(); i++) {
      List<Object> combined = new ArrayList<>();
      for (Object x : result) {
        for (Object y : iterate(lists.get(i))) {
          combined.add(flatten(List.of(x, y)));
        }
      }
      result = combined;
    }
    List<Object> out = new ArrayList<>();
    for (Object x : result) {
      out.add(flatten(x));
    }
    return out;
  }

  private static List<Object> together(List<Object> terms, Map<String, Object> o, Env e) {
    if (terms.isEmpty()) {
      throw new TemplateException("with_together requires at least one element in each list");
    }
    List<List<Object>> lists = new ArrayList<>();
    int longest = 0;
    for (Object term : terms) {
      List<Object> items = iterate(listify(term));
      lists.add(items);
      longest = Math.max(longest, items.size());
    }
    List<Object> out = new ArrayList<>();
    for (int i = 0; i < longest; i++) {
      List<Object> row = new ArrayList<>();
      for (List<Object> items : lists) {
        row.add(i < items.size() ? items.get(i) : null);
      }
      out.add(flatten(row));
    }
    return out;
  }
}
