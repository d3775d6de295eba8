package io.tightbeam.executor;

import io.tightbeam.template.Templar;
import io.tightbeam.template.TemplateException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The items of {@code loop} and of the {@code with_<lookup>} forms Ansible users rely on. */
final class LoopItems {
  private LoopItems() {}

  /**
   * The variable that tells the first_found lookup which subdir of the search path a {@code
   * with_first_found} searches (read by {@code template.FirstFoundLookup}).
   */
  static final String FIRST_FOUND_SUBDIR = "_tightbeam_first_found_subdir";

  static List<Object> of(Templar templar, Object loopRaw, Map<String, Object> vars, String action) {
    if (loopRaw instanceof Map.Entry<?, ?> with) {
      String lookup = with.getKey().toString().substring("with_".length());
      Object value = lookup.equals("first_found") ? firstFoundTerms(templar, with.getValue(), vars)
          : templar.template(with.getValue(), vars);
      if (lookup.equals("indexed_items") && value instanceof Map<?, ?>) {
        // Ansible hands the loop's value to the plugin unwrapped; indexed_items refuses a dict.
        throw new TemplateException("with_indexed_items expects a list");
      }
      if (templar.hasLookup(lookup)) {
        Map<String, Object> v = vars;
        if (lookup.equals("first_found")) {
          v = new LinkedHashMap<>(vars);
          v.put(FIRST_FOUND_SUBDIR, subdir(action));
        }
        return templar.query(lookup, value, v);
      }
      return withLookup(lookup, value);
    }
    Object value = templar.template(loopRaw, vars);
    if (value instanceof List<?> l) {
      return new ArrayList<>(l);
    }
    throw new TemplateException(
        "Invalid data passed to 'loop', it requires a list, got this instead: "
            + value
            + ". Hint: If you passed a list/dict of just one element, try adding wantlist=True to your lookup invocation or use q/query instead of lookup.");
  }

  /**
   * Where Ansible's with_first_found looks for an action: {@code templates} for an action whose
   * name holds "template", {@code vars} for one that holds "var" (include_vars), else {@code files}.
   */
  static String subdir(String action) {
    String a = action == null ? "" : action;
    return a.contains("template") ? "templates" : a.contains("var") ? "vars" : "files";
  }

  /**
   * with_first_found's terms: Ansible templates them without failing on undefined, so a name
   * made of an undefined variable falls through to the next one (lookup('first_found') fails).
   */
  private static Object firstFoundTerms(Templar templar, Object terms, Map<String, Object> vars) {
    if (!(terms instanceof List<?> list)) {
      return templar.template(terms, vars);
    }
    List<Object> out = new ArrayList<>();
    for (Object term : list) {
      try {
        out.add(templar.template(term, vars));
      } catch (TemplateException e) {
        if (!e.isUndefined()) {
          throw e;
        }
      }
    }
    return out;
  }

  private static List<Object> withLookup(String lookup, Object value) {
    switch (lookup) {
      case "items":
        List<Object> flat = new ArrayList<>();
        for (Object o : asList(value)) {
          if (o instanceof Collection<?> c) {
            flat.addAll(c);
          } else {
            flat.add(o);
          }
        }
        return flat;
      case "list":
        return asList(value);
      case "dict":
        if (!(value instanceof Map<?, ?> m)) {
          throw new TemplateException("with_dict expects a dict");
        }
        List<Object> pairs = new ArrayList<>();
        m.forEach((k, v) -> {
          Map<String, Object> e = new LinkedHashMap<>();
          e.put("key", k);
          e.put("value", v);
          pairs.add(e);
        });
        return pairs;
      case "indexed_items":
        List<Object> indexed = new ArrayList<>();
        List<Object> src = asList(value);
        for (int i = 0; i < src.size(); i++) {
          indexed.add(List.of(i, src.get(i)));
        }
        return indexed;
      case "together":
        return together(asList(value));
      case "nested":
      case "cartesian":
        return nested(asList(value));
      case "sequence":
        return sequence(value.toString());
      default:
        throw new TemplateException("lookup plugin (" + lookup + ") not found");
    }
  }

  private static List<Object> together(List<Object> lists) {
    int max = 0;
    for (Object l : lists) {
      max = Math.max(max, asList(l).size());
    }
    List<Object> out = new ArrayList<>();
    for (int i = 0; i < max; i++) {
      List<Object> row = new ArrayList<>();
      for (Object l : lists) {
        List<Object> list = asList(l);
        row.add(i < list.size() ? list.get(i) : null);
      }
      out.add(row);
    }
    return out;
  }

  private static List<Object> nested(List<Object> lists) {
    List<Object> out = new ArrayList<>();
    out.add(new ArrayList<>());
    for (Object l : lists) {
      List<Object> next = new ArrayList<>();
      for (Object prefix : out) {
        for (Object e : asList(l)) {
          List<Object> row = new ArrayList<>(asList(prefix));
          row.add(e);
          next.add(row);
        }
      }
      out = next;
    }
    return out;
  }

  /** {@code start=1 end=5 stride=1 format=%d}, or {@code start-end/stride:format} shortcut. */
  private static List<Object> sequence(String spec) {
    int start = 1;
    int end = 0;
    int stride = 1;
    String format = "%d";
    String s = spec.trim();
    if (!s.contains("=")) {
      String[] fmt = s.split(":", 2);
      if (fmt.length == 2) {
        format = fmt[1];
      }
      String[] strideSplit = fmt[0].split("/", 2);
      if (strideSplit.length == 2) {
        stride = Integer.parseInt(strideSplit[1]);
      }
      String[] range = strideSplit[0].split("-", 2);
      if (range.length == 2) {
        start = Integer.parseInt(range[0]);
        end = Integer.parseInt(range[1]);
      } else {
        end = Integer.parseInt(range[0]);
      }
    } else {
      Integer count = null;
      for (String part : s.split("\\s+")) {
        String[] kv = part.split("=", 2);
        switch (kv[0]) {
          case "start" -> start = Integer.decode(kv[1]);
          case "end" -> end = Integer.decode(kv[1]);
          case "stride" -> stride = Integer.decode(kv[1]);
          case "count" -> count = Integer.decode(kv[1]);
          case "format" -> format = kv[1];
          default -> throw new TemplateException("unrecognized arguments to with_sequence: " + kv[0]);
        }
      }
      if (count != null) {
        end = start + (count - 1) * stride;
      }
    }
    List<Object> out = new ArrayList<>();
    if (stride == 0) {
      return out;
    }
    for (int i = start; stride > 0 ? i <= end : i >= end; i += stride) {
      out.add(String.format(format, i));
    }
    return out;
  }

  private static List<Object> asList(Object value) {
    if (value instanceof List<?> l) {
      return new ArrayList<>(l);
    }
    if (value == null) {
      return new ArrayList<>();
    }
    List<Object> one = new ArrayList<>();
    one.add(value);
    return one;
  }
}
