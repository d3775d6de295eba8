package io.tightbeam.inventory;

import io.tightbeam.yaml.Diagnostic;
import io.tightbeam.yaml.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Evaluates host patterns against a frozen inventory as Ansible's inventory manager does: a part
 * that is exactly a host name is that host; otherwise matching groups give their hosts, and host
 * names are matched too when no group matched or the part is a glob or regex; implicit localhost
 * comes last, only when nothing else matched.
 */
final class HostMatcher {
  private final Map<String, Host> hosts;
  private final Map<String, List<String>> groups;
  private final Function<String, Host> implicit;

  HostMatcher(Map<String, Host> hosts, Map<String, List<String>> groups, Function<String, Host> implicit) {
    this.hosts = hosts;
    this.groups = groups;
    this.implicit = implicit;
  }

  PatternMatch match(String pattern) {
    return match(HostPattern.split(pattern));
  }

  PatternMatch match(List<String> parts) {
    List<String> unmatched = new ArrayList<>();
    List<Host> result = new ArrayList<>();
    for (String part : HostPattern.order(parts)) {
      if (hosts.containsKey(part)) {
        result.add(hosts.get(part));
        continue;
      }
      boolean prefixed = part.startsWith("&") || part.startsWith("!");
      List<Host> that = matchPart(prefixed ? part.substring(1) : part, unmatched);
      Set<String> names = names(that);
      if (part.startsWith("!")) {
        result.removeIf(h -> names.contains(h.name()));
      } else if (part.startsWith("&")) {
        result.removeIf(h -> !names.contains(h.name()));
      } else {
        result.addAll(that);
      }
    }
    Map<String, Host> unique = new LinkedHashMap<>();
    result.forEach(h -> unique.putIfAbsent(h.name(), h));
    return new PatternMatch(List.copyOf(unique.values()), List.copyOf(unmatched));
  }

  /**
   * {@code pattern} restricted to {@code limit}, whose parts may be {@code @file} (one pattern a
   * line, relative to {@code cwd}) as Ansible's {@code --limit @retry-file}.
   */
  PatternMatch match(String pattern, String limit, Path cwd) {
    PatternMatch main = match(pattern);
    List<String> limitParts = new ArrayList<>();
    for (String part : HostPattern.split(limit)) {
      if (part.startsWith("@")) {
        limitParts.addAll(limitFile(cwd.resolve(part.substring(1))));
      } else {
        limitParts.add(part);
      }
    }
    PatternMatch subset = match(limitParts);
    Set<String> allowed = names(subset.hosts());
    List<Host> kept = new ArrayList<>(main.hosts());
    kept.removeIf(h -> !allowed.contains(h.name()));
    List<String> unmatched = new ArrayList<>(main.unmatched());
    unmatched.addAll(subset.unmatched());
    return new PatternMatch(List.copyOf(kept), List.copyOf(unmatched));
  }

  private static List<String> limitFile(Path file) {
    if (!Files.exists(file)) {
      throw error("Unable to find limit file " + file, "");
    }
    if (Files.isDirectory(file)) {
      throw error("Limit starting with \"@\" must be a file, not a directory: " + file, "");
    }
    try {
      List<String> parts = new ArrayList<>();
      for (String line : Files.readAllLines(file)) {
        if (!line.isBlank()) {
          parts.add(line.strip());
        }
      }
      return parts;
    } catch (IOException e) {
      throw error("Unable to read limit file " + file, e.toString());
    }
  }

  private List<Host> matchPart(String part, List<String> unmatched) {
    HostPattern.Subscripted s = HostPattern.subscript(part);
    List<Host> picked = HostPattern.apply(enumerate(s.expr(), unmatched), s);
    if (picked == null) {
      throw error("No hosts matched the subscripted pattern '" + part + "'", "");
    }
    return picked;
  }

  private List<Host> enumerate(String expr, List<String> unmatched) {
    Pattern p;
    try {
      p = HostPattern.compile(expr);
    } catch (PatternSyntaxException e) {
      throw error("Invalid host list pattern: " + expr, e.getMessage());
    }
    List<Host> found = new ArrayList<>();
    boolean groupMatched = false;
    for (Map.Entry<String, List<String>> g : groups.entrySet()) {
      if (HostPattern.matches(p, expr, g.getKey())) {
        groupMatched = true;
        g.getValue().forEach(name -> found.add(hosts.get(name)));
      }
    }
    if (!groupMatched || HostPattern.isGlobOrRegex(expr)) {
      for (Host h : hosts.values()) {
        if (HostPattern.matches(p, expr, h.name())) {
          found.add(h);
        }
      }
    }
    if (found.isEmpty() && Inventory.LOCALHOST_NAMES.contains(expr)) {
      found.add(implicit.apply(expr));
    }
    if (found.isEmpty() && !groupMatched && !expr.equals("all")) {
      unmatched.add(expr);
    }
    return found;
  }

  private static Set<String> names(List<Host> list) {
    Set<String> names = new HashSet<>();
    list.forEach(h -> names.add(h.name()));
    return names;
  }

  private static InputException error(String summary, String detail) {
    return new InputException(List.of(new Diagnostic(summary, detail, null)), 1);
  }
}
