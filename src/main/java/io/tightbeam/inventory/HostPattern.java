package io.tightbeam.inventory;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text side of Ansible host patterns: splitting {@code a:b,c} into parts, ordering unions
 * before {@code &} intersections before {@code !} exclusions, splitting off {@code [n]} / {@code
 * [x:y]} subscripts, and turning a part into a name matcher (fnmatch, or a regex after {@code ~}).
 */
final class HostPattern {
  private static final Pattern PART = Pattern.compile("(?:[^\\s:\\[\\]]|\\[[^\\]]*\\])+");
  private static final Pattern WITH_SUBSCRIPT =
      Pattern.compile("^(.+)\\[(?:(-?[0-9]+)|([0-9]+)([:-])([0-9]*))\\]$");
  private static final Pattern IPV6 = Pattern.compile("^[0-9a-fA-F]*:[0-9a-fA-F:]*:[0-9a-fA-F.]*$");

  /** A part without its {@code &}/{@code !} prefix: the expression and an optional subscript. */
  record Subscripted(String expr, Integer start, Integer end) {}

  private HostPattern() {}

  static List<String> split(String pattern) {
    List<String> parts = new ArrayList<>();
    if (pattern.contains(",")) {
      for (String p : pattern.split(",", -1)) {
        parts.add(p);
      }
    } else if (IPV6.matcher(pattern.strip()).matches()) {
      parts.add(pattern);
    } else {
      Matcher m = PART.matcher(pattern);
      while (m.find()) {
        parts.add(m.group());
      }
    }
    List<String> result = new ArrayList<>();
    for (String p : parts) {
      if (!p.strip().isEmpty()) {
        result.add(p.strip());
      }
    }
    return result;
  }

  /** Unions first, then intersections, then exclusions; only {@code &}/{@code !} implies all. */
  static List<String> order(List<String> parts) {
    List<String> regular = new ArrayList<>();
    List<String> intersect = new ArrayList<>();
    List<String> exclude = new ArrayList<>();
    for (String p : parts) {
      if (p.startsWith("!")) {
        exclude.add(p);
      } else if (p.startsWith("&")) {
        intersect.add(p);
      } else {
        regular.add(p);
      }
    }
    if (regular.isEmpty()) {
      regular.add("all");
    }
    List<String> ordered = new ArrayList<>(regular);
    ordered.addAll(intersect);
    ordered.addAll(exclude);
    return ordered;
  }

  static Subscripted subscript(String part) {
    if (part.startsWith("~")) {
      return new Subscripted(part, null, null);
    }
    Matcher m = WITH_SUBSCRIPT.matcher(part);
    if (!m.matches()) {
      return new Subscripted(part, null, null);
    }
    if (m.group(2) != null) {
      return new Subscripted(m.group(1), Integer.valueOf(m.group(2)), null);
    }
    int end = m.group(5).isEmpty() ? -1 : Integer.parseInt(m.group(5));
    return new Subscripted(m.group(1), Integer.valueOf(m.group(3)), end);
  }

  /** Applies a subscript as Python slicing does; an index out of range gives null. */
  static <T> List<T> apply(List<T> items, Subscripted s) {
    if (s.start() == null) {
      return items;
    }
    int start = s.start();
    if (s.end() == null || s.end() == 0) {
      int i = start < 0 ? items.size() + start : start;
      return i >= 0 && i < items.size() ? List.of(items.get(i)) : null;
    }
    int end = s.end() == -1 ? items.size() - 1 : s.end();
    int from = Math.min(start, items.size());
    int to = Math.min(end + 1, items.size());
    return from >= to ? List.of() : new ArrayList<>(items.subList(from, to));
  }

  /** A matcher for names: {@code ~regex} matched at the start, else an fnmatch glob, whole. */
  static Pattern compile(String expr) {
    if (expr.startsWith("~")) {
      return Pattern.compile(expr.substring(1));
    }
    return Pattern.compile(fnmatch(expr), Pattern.DOTALL);
  }

  static boolean matches(Pattern p, String expr, String name) {
    Matcher m = p.matcher(name);
    return expr.startsWith("~") ? m.lookingAt() : m.matches();
  }

  static boolean isGlobOrRegex(String expr) {
    return expr.startsWith("~")
        || expr.contains(".")
        || expr.contains("?")
        || expr.contains("*")
        || expr.contains("[");
  }

  private static String fnmatch(String glob) {
    StringBuilder re = new StringBuilder();
    int i = 0;
    while (i < glob.length()) {
      char c = glob.charAt(i++);
      if (c == '*') {
        re.append(".*");
      } else if (c == '?') {
        re.append('.');
      } else if (c == '[') {
        int j = i;
        if (j < glob.length() && glob.charAt(j) == '!') {
          j++;
        }
        if (j < glob.length() && glob.charAt(j) == ']') {
          j++;
        }
        while (j < glob.length() && glob.charAt(j) != ']') {
          j++;
        }
        if (j >= glob.length()) {
          re.append("\\[");
        } else {
          String body = glob.substring(i, j).replace("\\", "\\\\");
          i = j + 1;
          if (body.startsWith("!")) {
            body = "^" + body.substring(1);
          } else if (body.startsWith("^")) {
            body = "\\" + body;
          }
          re.append('[').append(body.replace("[", "\\[").replace("&&", "&\\&")).append(']');
        }
      } else {
        re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return re.toString();
  }
}
