package io.tightbeam.template;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Ansible's {@code urlsplit} and {@code urldecode}, with Python's urllib.parse rules. */
final class UrlFilters {
  private UrlFilters() {}

  static void register(Catalogue c) {
    c.filter("urlsplit", (v, a, e) -> {
      Map<Object, Object> parts = split(Items.str(v));
      Object query = a.get(0, "query", "");
      String q = Items.str(query);
      if (q.isEmpty()) {
        return parts;
      }
      if (!parts.containsKey(q)) {
        throw new TemplateException("urlsplit: unknown URL component: " + q);
      }
      return parts.get(q);
    });
    c.filter("urldecode", (v, a, e) -> unquote(Items.str(v).replace('+', ' ')));
  }

  /** urllib.parse.urlsplit's fields, in the (sorted) order Ansible's dict shows them. */
  static Map<Object, Object> split(String url) {
    String rest = url;
    String scheme = "";
    int colon = rest.indexOf(':');
    if (colon > 0 && rest.substring(0, colon).matches("[A-Za-z][A-Za-z0-9+.-]*")) {
      scheme = rest.substring(0, colon).toLowerCase(Locale.ROOT);
      rest = rest.substring(colon + 1);
    }
    String netloc = "";
    if (rest.startsWith("//")) {
      int end = rest.length();
      for (char ch : new char[] {'/', '?', '#'}) {
        int i = rest.indexOf(ch, 2);
        if (i >= 0 && i < end) {
          end = i;
        }
      }
      netloc = rest.substring(2, end);
      rest = rest.substring(end);
    }
    String fragment = "";
    int hash = rest.indexOf('#');
    if (hash >= 0) {
      fragment = rest.substring(hash + 1);
      rest = rest.substring(0, hash);
    }
    String query = "";
    int qm = rest.indexOf('?');
    if (qm >= 0) {
      query = rest.substring(qm + 1);
      rest = rest.substring(0, qm);
    }
    String userinfo = null;
    String hostport = netloc;
    int at = netloc.lastIndexOf('@');
    if (at >= 0) {
      userinfo = netloc.substring(0, at);
      hostport = netloc.substring(at + 1);
    }
    String username = null;
    String password = null;
    if (userinfo != null) {
      int c = userinfo.indexOf(':');
      username = c < 0 ? userinfo : userinfo.substring(0, c);
      password = c < 0 ? null : userinfo.substring(c + 1);
    }
    String host = hostport;
    Object port = null;
    if (hostport.startsWith("[")) {
      int close = hostport.indexOf(']');
      host = hostport.substring(1, Math.max(1, close));
      String after = close < 0 ? "" : hostport.substring(close + 1);
      if (after.startsWith(":") && after.length() > 1) {
        port = Integer.parseInt(after.substring(1));
      }
    } else {
      int c = hostport.lastIndexOf(':');
      if (c >= 0) {
        host = hostport.substring(0, c);
        String digits = hostport.substring(c + 1);
        if (!digits.isEmpty()) {
          port = Integer.parseInt(digits);
        }
      }
    }
    Map<Object, Object> out = new LinkedHashMap<>();
    out.put("fragment", fragment);
    out.put("hostname", host.isEmpty() ? null : host.toLowerCase(Locale.ROOT));
    out.put("netloc", netloc);
    out.put("password", password);
    out.put("path", rest);
    out.put("port", port);
    out.put("query", query);
    out.put("scheme", scheme);
    out.put("username", username);
    return out;
  }

  /** urllib.parse.unquote: %XX escapes as UTF-8 bytes, invalid sequences replaced. */
  static String unquote(String s) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '%' && i + 2 < s.length()
          && isHex(s.charAt(i + 1)) && isHex(s.charAt(i + 2))) {
        bytes.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
        i += 2;
        continue;
      }
      flush(bytes, out);
      out.append(c);
    }
    flush(bytes, out);
    return out.toString();
  }

  private static boolean isHex(char c) {
    return Character.digit(c, 16) >= 0;
  }

  private static void flush(ByteArrayOutputStream bytes, StringBuilder out) {
    if (bytes.size() > 0) {
      out.append(new String(bytes.toByteArray(), StandardCharsets.UTF_8));
      bytes.reset();
    }
  }
}
