package io.tightbeam.output;

import java.io.PrintStream;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The one place that writes console text, as Ansible's {@code Display}: colour per line when
 * enabled, one trailing newline, 80-wide banners, wrapped and de-duplicated warnings.
 */
final class Display {
  /** Ansible's column count when stdout is not a terminal (max(79, width - 1)). */
  static final int COLUMNS = 79;

  private final PrintStream out;
  private final PrintStream err;
  private final int verbosity;
  private final boolean color;
  private final Set<String> warned = new HashSet<>();

  Display(PrintStream out, PrintStream err, int verbosity, boolean color) {
    this.out = out;
    this.err = err;
    this.verbosity = verbosity;
    this.color = color;
  }

  int verbosity() {
    return verbosity;
  }

  boolean color() {
    return color;
  }

  void display(String msg) {
    display(msg, null, false);
  }

  void display(String msg, Color c) {
    display(msg, c, false);
  }

  void display(String msg, Color c, boolean toStderr) {
    boolean newline = msg.endsWith("\n");
    String body = newline ? msg.substring(0, msg.length() - 1) : msg;
    if (c != null && color) {
      body = c.paint(body);
    }
    PrintStream s = toStderr ? err : out;
    s.print(body + "\n");
    s.flush();
  }

  void banner(String msg) {
    String m = msg.strip();
    int stars = Math.max(3, COLUMNS - TextWidth.of(m));
    display("\n" + m + " " + "*".repeat(stars));
  }

  void warning(String msg) {
    String text = String.join("\n", TextWrap.wrap("[WARNING]: " + msg, COLUMNS)) + "\n";
    if (warned.add(text)) {
      display(text, Color.WARN, true);
    }
  }

  void deprecated(String msg, String version, String date, String collection) {
    String m = msg.strip();
    if (!m.isEmpty() && "!?.".indexOf(m.charAt(m.length() - 1)) < 0) {
      m += ".";
    }
    String coll = "ansible.builtin".equals(collection) ? "ansible-core" : collection;
    String when =
        date != null && !date.isEmpty()
            ? "in a release after " + date + "."
            : version != null && !version.isEmpty()
                ? "in version " + version + "."
                : "in a future release.";
    StringBuilder text = new StringBuilder("[DEPRECATION WARNING]: ").append(m);
    text.append(" This feature will be removed");
    if (coll != null && !coll.isEmpty()) {
      text.append(" from ").append(coll);
    }
    text.append(' ').append(when);
    text.append(" Deprecation warnings can be disabled by setting deprecation_warnings=False in"
        + " ansible.cfg.");
    List<String> lines = TextWrap.wrap(text.toString(), COLUMNS, false);
    String wrapped = String.join("\n", lines) + "\n";
    if (warned.add(wrapped)) {
      display(wrapped, Color.DEPRECATE, true);
    }
  }

  /** Shown at {@code -v} and above for level 1, and so on; blue, on stdout as Ansible's default. */
  void verbose(int level, String msg) {
    if (verbosity >= level) {
      display(msg, Color.VERBOSE);
    }
  }
}
