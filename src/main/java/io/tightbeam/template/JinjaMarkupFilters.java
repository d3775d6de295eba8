package io.tightbeam.template;

import io.tightbeam.py.Py;
import io.tightbeam.py.PyException;
import io.tightbeam.py.Tuple;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Jinja2 3.1's markup and serialising filters: escape, forceescape, safe, striptags, urlencode,
 * xmlattr, tojson and pprint. Autoescape is off in Ansible, so markup is a plain string.
 */
final class JinjaMarkupFilters {
  private JinjaMarkupFilters() {}

  static void register(Catalogue c) {
    // markupsafe: escape leaves a Markup as it is, forceescape escapes its text again
    Catalogue.FilterBody escape = (v, a, e) -> e.isMarkup(v) ? v : e.markup(escape(Items.str(v)));
    c.jinjaFilter("escape", false, escape);
    c.jinjaFilter("e", false, escape);
    c.jinjaFilter("forceescape", false, (v, a, e) -> e.markup(escape(Items.str(v))));
    c.jinjaFilter("safe", false, (v, a, e) -> e.isMarkup(v) ? v : e.markup(Items.str(v)));
    c.jinjaFilter("striptags", false, (v, a, e) -> stripTags(Items.str(v)));
    c.jinjaFilter("urlencode", false, (v, a, e) -> urlencode(v));
    c.jinjaFilter("xmlattr", false, (v, a, e) -> xmlattr(v, Items.truth(a.get(0, "autospace", true))));
    c.jinjaFilter("tojson", false, (v, a, e) -> {
      Object indent = a.get(0, "indent", null);
      return JsonText.dumps(v, indent == null ? -1 : Items.integer(indent), true)
          .replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
          .replace("'", "\\u0027");
    });
    c.jinjaFilter("pprint", false, (v, a, e) -> pprint(v));
  }

  /** markupsafe's escape: {@code & < > " '}. */
  static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("\"", "&#34;").replace("'", "&#39;");
  }

  static String stripTags(String s) {
    String value = s;
    for (int start = value.indexOf("<!--"); start >= 0; start = value.indexOf("<!--")) {
      int end = value.indexOf("-->", start);
      if (end < 0) {
        break;
      }
      value = value.substring(0, start) + value.substring(end + 3);
    }
    for (int start = value.indexOf('<'); start >= 0; start = value.indexOf('<')) {
      int end = value.indexOf('>', start);
      if (end < 0) {
        break;
      }
      value = value.substring(0, start) + value.substring(end + 1);
    }
    return HtmlEntities.unescape(String.join(" ", JinjaTextFilters.splitWhitespace(value)));
  }

  private static Object urlencode(Object v) {
    Items.failIfUndefined(v);
    if (v instanceof String || !(v instanceof Map || v instanceof List)) {
      return urlQuote(v, false);
    }
    List<String> parts = new ArrayList<>();
    if (v instanceof Map<?, ?> m) {
      for (Map.Entry<?, ?> entry : m.entrySet()) {
        parts.add(urlQuote(entry.getKey(), true) + "=" + urlQuote(entry.getValue(), true));
      }
    } else {
      for (Object pair : (List<?>) v) {
        List<Object> kv = Items.list(pair);
        if (kv.size() != 2) {
          throw new PyException("too many values to unpack (expected 2)");
        }
        parts.add(urlQuote(kv.get(0), true) + "=" + urlQuote(kv.get(1), true));
      }
    }
    return String.join("&", parts);
  }

  /** Python's urllib quote of a value's UTF-8 bytes; {@code /} kept unless for a query string. */
  static String urlQuote(Object v, boolean forQuery) {
    return urlQuote(Items.str(v), forQuery ? "" : "/", forQuery);
  }

  static String urlQuote(String s, String safe, boolean plus) {
    StringBuilder out = new StringBuilder();
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (c < 0x80 && (Character.isLetterOrDigit(c) || "_.-~".indexOf(c) >= 0
          || safe.indexOf(c) >= 0)) {
        out.append((char) c);
      } else {
        out.append('%').append(String.format("%02X", c));
      }
    }
    String r = out.toString();
    return plus ? r.replace("%20", "+") : r;
  }

  private static Object xmlattr(Object v, boolean autospace) {
    if (!(v instanceof Map<?, ?> m)) {
      throw new PyException("'" + Py.typeName(v) + "' object has no attribute 'items'");
    }
    List<String> parts = new ArrayList<>();
    for (Map.Entry<?, ?> entry : m.entrySet()) {
      Object value = entry.getValue();
      if (value == null || value instanceof Undefined) {
        continue;
      }
      String key = Items.str(entry.getKey());
      if (key.matches(".*[\\s/>=].*")) {
        throw PyException.valueError("Invalid character in attribute name: " + Py.repr(key));
      }
      parts.add(escape(key) + "=\"" + escape(Items.str(value)) + "\"");
    }
    String rv = String.join(" ", parts);
    return autospace && !rv.isEmpty() ? " " + rv : rv;
  }

  /** Python's pprint.pformat for values that fit a line: dicts with sorted keys. */
  static String pprint(Object v) {
    return Py.repr(sortedDicts(v));
  }

  private static Object sortedDicts(Object v) {
    if (v instanceof Map<?, ?> m) {
      List<Object> keys = new ArrayList<>(m.keySet());
      try {
        keys.sort(Items::compare);
      } catch (PyException ignored) {
        // pprint keeps insertion order when keys do not compare.
      }
      Map<Object, Object> out = new java.util.LinkedHashMap<>();
      for (Object k : keys) {
        out.put(k, sortedDicts(m.get(k)));
      }
      return out;
    } else if (v instanceof Tuple t) {
      List<Object> items = new ArrayList<>();
      t.forEach(x -> items.add(sortedDicts(x)));
      return Tuple.copyOf(items);
    } else if (v instanceof List<?> l) {
      List<Object> items = new ArrayList<>();
      l.forEach(x -> items.add(sortedDicts(x)));
      return items;
    }
    return v;
  }
}
