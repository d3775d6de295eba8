package io.tightbeam.output;

import io.tightbeam.executor.HostStats;

/** One PLAY RECAP line, coloured as Ansible's {@code hostcolor} and {@code colorize} do. */
final class Recap {
  private Recap() {}

  static String line(String host, HostStats s, boolean color) {
    return hostColumn(host, s, color)
        + " : "
        + count("ok", s.ok(), Color.OK, color) + " "
        + count("changed", s.changed(), Color.CHANGED, color) + " "
        + count("unreachable", s.unreachable(), Color.UNREACHABLE, color) + " "
        + count("failed", s.failed(), Color.ERROR, color) + " "
        + count("skipped", s.skipped(), Color.SKIP, color) + " "
        + count("rescued", s.rescued(), Color.OK, color) + " "
        + count("ignored", s.ignored(), Color.WARN, color);
  }

  private static String hostColumn(String host, HostStats s, boolean color) {
    if (!color) {
      return String.format("%-26s", host);
    }
    Color c = s.failed() != 0 || s.unreachable() != 0 ? Color.ERROR
        : s.changed() != 0 ? Color.CHANGED : Color.OK;
    // 37 = 26 + the 11 characters of colour codes, as Ansible pads the painted name
    return String.format("%-37s", c.paint(host));
  }

  private static String count(String lead, int n, Color c, boolean color) {
    String s = String.format("%s=%-4s", lead, n);
    return n != 0 && color ? c.paint(s) : s;
  }
}
