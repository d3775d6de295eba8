package io.tightbeam.template;

import io.tightbeam.py.Py;
import java.util.Collection;
import java.util.Locale;

/**
 * Ansible's uri tests. They follow Python's urlparse, which accepts almost any string as a URI
 * (a scheme is optional), so {@code uri} mostly checks the scheme against {@code schemes}.
 */
final class UriTests {
  private UriTests() {}

  static void register(Catalogue c) {
    c.test("uri", true, (v, a, e) -> isUri(v, a.get(0, "schemes", null)));
    c.test("url", true, (v, a, e) -> isUrl(v, a.get(0, "schemes", null)));
    c.test("urn", true, (v, a, e) -> isUri(v, java.util.List.of("urn")));
  }

  /** The scheme and network location of a URL as urlparse splits them; null when it fails. */
  record Parts(String scheme, String netloc) {
    static Parts of(Object value) {
      if (!(value instanceof CharSequence cs)) {
        return null;
      }
      String url = cs.toString().replaceAll("^[\\x00-\\x20]+", "").replaceAll("[\\t\\r\\n]", "");
      String scheme = "";
      int colon = url.indexOf(':');
      if (colon > 0 && isAsciiLetter(url.charAt(0))
          && url.substring(0, colon).chars().allMatch(UriTests::isSchemeChar)) {
        scheme = url.substring(0, colon).toLowerCase(Locale.ROOT);
        url = url.substring(colon + 1);
      }
      String netloc = "";
      if (url.startsWith("//")) {
        int end = url.length();
        for (char stop : new char[] {'/', '?', '#'}) {
          int at = url.indexOf(stop, 2);
          if (at >= 0) {
            end = Math.min(end, at);
          }
        }
        netloc = url.substring(2, end);
        if (netloc.contains("[") != netloc.contains("]")) {
          return null; // Python: ValueError: Invalid IPv6 URL
        }
      }
      return new Parts(scheme, netloc);
    }
  }

  private static boolean isAsciiLetter(int ch) {
    return ch < 128 && Character.isLetter(ch);
  }

  private static boolean isSchemeChar(int ch) {
    return ch < 128 && (Character.isLetterOrDigit(ch) || ch == '+' || ch == '-' || ch == '.');
  }

  static boolean isUri(Object value, Object schemes) {
    Parts p = Parts.of(value);
    if (p == null) {
      return false;
    }
    if (!Py.truthy(schemes)) {
      return true;
    }
    if (schemes instanceof Collection<?> list) {
      return list.stream().anyMatch(s -> Py.eq(s, p.scheme()));
    }
    return schemes instanceof CharSequence s && s.toString().contains(p.scheme());
  }

  static boolean isUrl(Object value, Object schemes) {
    if (!isUri(value, schemes)) {
      return false;
    }
    Parts p = Parts.of(value);
    return !p.netloc().isEmpty() || p.scheme().equals("file");
  }
}
