package io.tightbeam.inventory;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A host entry of an inventory file ({@code web[01:50].example.com:2222}): the expanded host names
 * and the optional port, as Ansible expands numeric (zero-padded) and letter ranges with an
 * optional step ({@code [1:9:2]}).
 */
record HostRange(List<String> names, Integer port) {
  private static final String LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
  private static final Pattern BRACKETED_IPV6 = Pattern.compile("^\\[([0-9a-fA-F:.]+)\\](?::(\\d+))?$");
  private static final Pattern PORT_SUFFIX = Pattern.compile("^(.+):(\\d+)$");

  /** Splits off a port and expands ranges; throws IllegalArgumentException with Ansible's text. */
  static HostRange parse(String entry) {
    Matcher v6 = BRACKETED_IPV6.matcher(entry);
    if (v6.matches() && v6.group(1).contains(":")) {
      return new HostRange(List.of(v6.group(1)), v6.group(2) == null ? null : Integer.valueOf(v6.group(2)));
    }
    String pattern = entry;
    Integer port = null;
    if (colonsOutsideBrackets(entry) == 1) {
      Matcher m = PORT_SUFFIX.matcher(entry);
      if (m.matches()) {
        pattern = m.group(1);
        port = Integer.valueOf(m.group(2));
      }
    }
    if (port == null && entry.endsWith(":")) {
      throw new IllegalArgumentException(
          "Invalid host pattern '"
              + entry
              + "' supplied, ending in ':' is not allowed, this character is reserved to provide a"
              + " port.");
    }
    return new HostRange(expand(pattern), port);
  }

  private static int colonsOutsideBrackets(String s) {
    int depth = 0;
    int count = 0;
    for (char c : s.toCharArray()) {
      if (c == '[') {
        depth++;
      } else if (c == ']') {
        depth--;
      } else if (c == ':' && depth == 0) {
        count++;
      }
    }
    return count;
  }

  static boolean hasRange(String name) {
    int open = name.indexOf('[');
    int colon = name.indexOf(':', Math.max(open, 0));
    int close = name.indexOf(']', Math.max(open, 0));
    return open >= 0 && colon > open && close > colon;
  }

  /** Expands every {@code [x:y]} or {@code [x:y:step]} range in {@code name}, left to right. */
  static List<String> expand(String name) {
    if (!hasRange(name)) {
      return List.of(name);
    }
    int open = name.indexOf('[');
    int close = name.indexOf(']', open);
    String head = name.substring(0, open);
    String tail = name.substring(close + 1);
    String[] bounds = name.substring(open + 1, close).split(":", -1);
    if (bounds.length != 2 && bounds.length != 3) {
      throw new IllegalArgumentException("host range must be begin:end or begin:end:step");
    }
    String beg = bounds[0].isEmpty() ? "0" : bounds[0];
    String end = bounds[1];
    int step = bounds.length == 3 ? parseInt(bounds[2]) : 1;
    if (end.isEmpty()) {
      throw new IllegalArgumentException("host range must specify end value");
    }
    int width = 0;
    if (beg.length() > 1 && beg.charAt(0) == '0') {
      if (beg.length() != end.length()) {
        throw new IllegalArgumentException(
            "host range must specify equal-length begin and end formats");
      }
      width = beg.length();
    }
    List<String> middles = new ArrayList<>();
    int letterBeg = beg.length() == 1 ? LETTERS.indexOf(beg) : -1;
    int letterEnd = end.length() == 1 ? LETTERS.indexOf(end) : -1;
    if (letterBeg >= 0 && letterEnd >= 0) {
      if (letterBeg > letterEnd) {
        throw new IllegalArgumentException("host range must have begin <= end");
      }
      for (int i = letterBeg; i <= letterEnd; i += Math.max(step, 1)) {
        middles.add(String.valueOf(LETTERS.charAt(i)));
      }
    } else {
      int from = parseInt(beg);
      int to = parseInt(end);
      if (step <= 0) {
        throw new IllegalArgumentException("host range step must be a positive number");
      }
      for (int i = from; i <= to; i += step) {
        String s = String.valueOf(i);
        middles.add(width > 0 ? "0".repeat(Math.max(0, width - s.length())) + s : s);
      }
    }
    List<String> names = new ArrayList<>();
    for (String middle : middles) {
      names.addAll(expand(head + middle + tail));
    }
    return names;
  }

  private static int parseInt(String s) {
    try {
      return Integer.parseInt(s.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("invalid literal for int() with base 10: '" + s + "'", e);
    }
  }
}
