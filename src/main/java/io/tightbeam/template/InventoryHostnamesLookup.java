package io.tightbeam.template;

import io.tightbeam.py.Py;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The inventory_hostnames lookup: host patterns ({@code web:&prod:!web3}, globs, {@code ~regex},
 * {@code group[0:2]}) resolved over the {@code groups} variable, as Ansible's lookup does by
 * building an inventory from it. A pattern that matches nothing gives no hosts.
 */
final class InventoryHostnamesLookup {
  private static final Pattern SUBSCRIPT = Pattern.compile("^(.+)\\[(-?\\d+)(?::(-?\\d*))?\\]$");

  private final Map<String, List<String>> groups = new LinkedHashMap<>();
  private final Set<String> hosts = new LinkedHashSet<>();

  private InventoryHostnamesLookup(Object groupsVar) {
    if (groupsVar instanceof Map<?, ?> m) {
      m.forEach((group, members) -> {
        List<String> names = new ArrayList<>();
        if (members instanceof List<?> l) {
          l.forEach(h -> names.add(Py.str(h)));
        }
        groups.put(Py.str(group), names);
        hosts.addAll(names);
      });
    }
    groups.putIfAbsent("all", new ArrayList<>(hosts));
  }

  static void register(Catalogue c) {
    c.lookup("inventory_hostnames", (terms, o, env) -> {
      InventoryHostnamesLookup inventory =
          new InventoryHostnamesLookup(env.variable("groups"));
      List<String> patterns = new ArrayList<>();
      for (Object term : terms) {
        patterns.addAll(split(Py.str(term)));
      }
      return new ArrayList<>(inventory.select(patterns));
    });
  }

  /** Splits on ',' or, when there is none, on ':' outside brackets. */
  static List<String> split(String pattern) {
    List<String> out = new ArrayList<>();
    if (pattern.contains(",")) {
      for (String p : pattern.split(",")) {
        if (!p.isBlank()) {
          out.add(p.strip());
        }
      }
      return out;
    }
    StringBuilder part = new StringBuilder();
    int depth = 0;
    for (char ch : pattern.toCharArray()) {
      depth += ch == '[' ? 1 : ch == ']' ? -1 : 0;
      if (ch == ':' && depth == 0) {
        out.add(part.toString().strip());
        part.setLength(0);
      } else {
        part.append(ch);
      }
    }
    out.add(part.toString().strip());
    out.removeIf(String::isEmpty);
    return out;
  }

  private List<String> select(List<String> patterns) {
    List<String> ordered = new ArrayList<>();
    List<String> intersect = new ArrayList<>();
    List<String> exclude = new ArrayList<>();
    for (String p : patterns) {
      (p.startsWith("!") ? exclude : p.startsWith("&") ? intersect : ordered).add(p);
    }
    if (ordered.isEmpty()) {
      ordered.add("all");
    }
    ordered.addAll(intersect);
    ordered.addAll(exclude);
    List<String> result = new ArrayList<>();
    for (String p : ordered) {
      if (p.startsWith("!")) {
        Set<String> that = Set.copyOf(match(p.substring(1)));
        result.removeIf(that::contains);
      } else if (p.startsWith("&")) {
        Set<String> that = Set.copyOf(match(p.substring(1)));
        result.removeIf(h -> !that.contains(h));
      } else {
        for (String h : match(p)) {
          if (!result.contains(h)) {
            result.add(h);
          }
        }
      }
    }
    return result;
  }

  private List<String> match(String pattern) {
    Matcher m = SUBSCRIPT.matcher(pattern);
    if (m.matches() && !pattern.startsWith("~")) {
      List<String> all = enumerate(m.group(1));
      int size = all.size();
      int start = index(Integer.parseInt(m.group(2)), size);
      if (m.group(3) == null) {
        return start >= 0 && start < size ? List.of(all.get(start)) : List.of();
      }
      int end = m.group(3).isEmpty() ? size - 1 : index(Integer.parseInt(m.group(3)), size);
      return all.subList(Math.max(0, start), Math.min(size, end + 1));
    }
    return enumerate(pattern);
  }

  private static int index(int i, int size) {
    return i < 0 ? size + i : i;
  }

  private List<String> enumerate(String pattern) {
    List<String> out = new ArrayList<>();
    Pattern re = pattern.startsWith("~") ? PythonPattern.compile(pattern.substring(1), 0)
        : glob(pattern);
    boolean regexLike = pattern.startsWith("~") || pattern.matches(".*[.?*\\[].*");
    boolean anyGroup = false;
    for (Map.Entry<String, List<String>> g : groups.entrySet()) {
      if (found(re, g.getKey(), pattern.startsWith("~"))) {
        anyGroup = true;
        out.addAll(g.getValue());
      }
    }
    if (!anyGroup || regexLike) {
      for (String h : hosts) {
        if (found(re, h, pattern.startsWith("~"))) {
          out.add(h);
        }
      }
    }
    return out;
  }

  private static boolean found(Pattern re, String name, boolean search) {
    Matcher m = re.matcher(name);
    return search ? m.find() : m.matches();
  }

  /** fnmatch's translation of a shell pattern ({@code *}, {@code ?}, {@code [...]}). */
  private static Pattern glob(String pattern) {
    StringBuilder re = new StringBuilder();
    for (int i = 0; i < pattern.length(); i++) {
      char ch = pattern.charAt(i);
      if (ch == '*') {
        re.append(".*");
      } else if (ch == '?') {
        re.append('.');
      } else if (ch == '[' && pattern.indexOf(']', i + 2) > 0) {
        int end = pattern.indexOf(']', i + 2);
        String body = pattern.substring(i + 1, end);
        re.append('[').append(body.startsWith("!") ? "^" + body.substring(1) : body).append(']');
        i = end;
      } else {
        re.append(Pattern.quote(String.valueOf(ch)));
      }
    }
    return Pattern.compile(re.toString(), Pattern.DOTALL);
  }
}
