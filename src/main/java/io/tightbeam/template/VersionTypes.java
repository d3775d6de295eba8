package io.tightbeam.template;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The version schemes of the {@code version} test: loose (LooseVersion), strict (StrictVersion),
 * semver/semantic and pep440. Each compares two version strings or fails with the message the
 * Python class gives.
 */
final class VersionTypes {
  private VersionTypes() {}

  /** Compares {@code a} with {@code b} under the named scheme (returns <0, 0, >0). */
  static int compare(String type, String a, String b) {
    return switch (type) {
      case "strict" -> compareLists(strict(a), strict(b));
      case "semver", "semantic" -> semver(a, b);
      case "pep440" -> compareLists(pep440(a), pep440(b));
      default -> loose(a, b);
    };
  }

  // ---- loose: digits, lowercase runs and whatever lies between them (not dots) ----

  private static final Pattern LOOSE = Pattern.compile("\\d+|[a-z]+|\\.");

  static List<Object> looseParts(String v) {
    List<Object> out = new ArrayList<>();
    Matcher m = LOOSE.matcher(v);
    int at = 0;
    while (m.find()) {
      if (m.start() > at) {
        out.add(v.substring(at, m.start()));
      }
      String p = m.group();
      if (!p.equals(".")) {
        out.add(Character.isDigit(p.charAt(0)) ? (Object) new BigInteger(p) : p);
      }
      at = m.end();
    }
    if (at < v.length()) {
      out.add(v.substring(at));
    }
    return out;
  }

  private static int loose(String a, String b) {
    List<Object> x = looseParts(a);
    List<Object> y = looseParts(b);
    for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
      Object p = x.get(i);
      Object q = y.get(i);
      if (p.equals(q)) {
        continue;
      }
      if (p instanceof BigInteger bp && q instanceof BigInteger bq) {
        return bp.compareTo(bq);
      } else if (p instanceof String sp && q instanceof String sq) {
        return io.tightbeam.py.Py.compareStrings(sp, sq);
      }
      throw new TemplateException("'<' not supported between instances of '"
          + (p instanceof String ? "str" : "int") + "' and '" + (q instanceof String ? "str" : "int")
          + "'");
    }
    return Integer.compare(x.size(), y.size());
  }

  // ---- strict: N.N[.N][{a|b}N] ----

  private static final Pattern STRICT =
      Pattern.compile("(\\d+)\\.(\\d+)(\\.(\\d+))?(([ab])(\\d+))?");

  /** A key whose order is StrictVersion's: a release without pre-release sorts after it. */
  private static List<Object> strict(String v) {
    Matcher m = STRICT.matcher(v);
    if (!m.matches()) {
      throw new TemplateException("invalid version number '" + v + "'");
    }
    List<Object> key = new ArrayList<>();
    key.add(new BigInteger(m.group(1)));
    key.add(new BigInteger(m.group(2)));
    key.add(m.group(4) == null ? BigInteger.ZERO : new BigInteger(m.group(4)));
    if (m.group(5) == null) {
      key.add("~"); // after 'a' and 'b'
    } else {
      key.add(m.group(6));
      key.add(new BigInteger(m.group(7)));
    }
    return key;
  }

  // ---- semver 2.0.0 ----

  private static final String IDENT = "(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)";
  private static final Pattern SEMVER = Pattern.compile(
      "(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(?:-(" + IDENT + "(?:\\." + IDENT + ")*))?"
          + "(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?");

  private static int semver(String a, String b) {
    Matcher x = semverMatch(a);
    Matcher y = semverMatch(b);
    for (int g = 1; g <= 3; g++) {
      int c = new BigInteger(x.group(g)).compareTo(new BigInteger(y.group(g)));
      if (c != 0) {
        return c;
      }
    }
    String pa = x.group(4);
    String pb = y.group(4);
    if (pa == null || pb == null) {
      return pa == null ? (pb == null ? 0 : 1) : -1;
    }
    String[] ia = pa.split("\\.");
    String[] ib = pb.split("\\.");
    for (int i = 0; i < Math.min(ia.length, ib.length); i++) {
      int c = semverIdentifier(ia[i], ib[i]);
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(ia.length, ib.length);
  }

  private static Matcher semverMatch(String v) {
    Matcher m = SEMVER.matcher(v);
    if (!m.matches()) {
      throw new TemplateException("invalid semantic version '" + v + "'");
    }
    return m;
  }

  /** Numeric identifiers sort before alphanumeric ones. */
  private static int semverIdentifier(String a, String b) {
    boolean na = a.chars().allMatch(Character::isDigit);
    boolean nb = b.chars().allMatch(Character::isDigit);
    if (na && nb) {
      return new BigInteger(a).compareTo(new BigInteger(b));
    } else if (na != nb) {
      return na ? -1 : 1;
    }
    return io.tightbeam.py.Py.compareStrings(a, b);
  }

  // ---- PEP 440 ----

  private static final Pattern PEP440 = Pattern.compile(
      "\\s*v?(?:(?:([0-9]+)!)?([0-9]+(?:\\.[0-9]+)*)"
          + "([-_.]?(a|b|c|rc|alpha|beta|pre|preview)[-_.]?([0-9]+)?)?"
          + "((?:-([0-9]+))|(?:[-_.]?(post|rev|r)[-_.]?([0-9]+)?))?"
          + "([-_.]?(dev)[-_.]?([0-9]+)?)?)"
          + "(?:\\+([a-z0-9]+(?:[-_.][a-z0-9]+)*))?\\s*",
      Pattern.CASE_INSENSITIVE);

  private static final BigInteger MINUS = BigInteger.valueOf(-1);
  private static final BigInteger HUGE = BigInteger.TEN.pow(40);

  /**
   * The sort key of a PEP 440 version as a flat list: epoch, release (trailing zeros dropped),
   * pre-release, post-release, dev release and local part, each with the spec's order for
   * absent parts.
   */
  private static List<Object> pep440(String v) {
    Matcher m = PEP440.matcher(v);
    if (!m.matches()) {
      throw new TemplateException("Invalid version: '" + v + "'");
    }
    List<Object> key = new ArrayList<>();
    key.add(m.group(1) == null ? BigInteger.ZERO : new BigInteger(m.group(1)));
    List<BigInteger> release = new ArrayList<>();
    for (String part : m.group(2).split("\\.")) {
      release.add(new BigInteger(part));
    }
    while (release.size() > 1 && release.get(release.size() - 1).signum() == 0) {
      release.remove(release.size() - 1);
    }
    key.add(new ArrayList<Object>(release));
    boolean pre = m.group(3) != null;
    boolean post = m.group(6) != null;
    boolean dev = m.group(10) != null;
    if (!pre && !post && dev) {
      key.add(List.of("", MINUS)); // 1.0.dev0 sorts before 1.0a0
    } else if (!pre) {
      key.add(List.of("~", MINUS));
    } else {
      String letter = m.group(4).toLowerCase(Locale.ROOT);
      letter = switch (letter) {
        case "alpha" -> "a";
        case "beta" -> "b";
        case "c", "pre", "preview" -> "rc";
        default -> letter;
      };
      key.add(List.of(letter, number(m.group(5))));
    }
    key.add(post ? number(m.group(7) != null ? m.group(7) : m.group(9)) : MINUS);
    key.add(dev ? number(m.group(12)) : HUGE);
    List<Object> local = new ArrayList<>();
    if (m.group(13) != null) {
      for (String part : m.group(13).toLowerCase(Locale.ROOT).split("[-_.]")) {
        // numeric segments sort after alphanumeric ones
        local.add(part.chars().allMatch(Character::isDigit)
            ? List.of(BigInteger.ONE, new BigInteger(part), "")
            : List.of(BigInteger.ZERO, BigInteger.ZERO, part));
      }
    }
    key.add(local);
    return key;
  }

  private static BigInteger number(String digits) {
    return digits == null ? BigInteger.ZERO : new BigInteger(digits);
  }

  /** Orders keys made of BigIntegers, Strings and nested lists of them. */
  @SuppressWarnings("unchecked")
  private static int compareLists(List<Object> x, List<Object> y) {
    for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
      Object p = x.get(i);
      Object q = y.get(i);
      int c;
      if (p instanceof BigInteger bp) {
        c = bp.compareTo((BigInteger) q);
      } else if (p instanceof String sp) {
        c = io.tightbeam.py.Py.compareStrings(sp, (String) q);
      } else {
        c = compareLists((List<Object>) p, (List<Object>) q);
      }
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(x.size(), y.size());
  }
}
