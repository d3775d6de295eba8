package io.tightbeam.output;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * A result's {@code diff} as Ansible's callbacks print it with {@code --diff}: one diff or a list
 * of them, each a unified diff of {@code before} and {@code after} (dicts shown as sorted JSON),
 * headed {@code before: <before_header>}, or a note why it was skipped (binary, too large).
 */
final class FileDiff {
  private FileDiff() {}

  /** The text to print, ending in a newline, or "" when nothing differs. */
  static String render(Object diff, boolean color) {
    return render(diff, color, CallbackOptions.DEFAULTS);
  }

  /**
   * As {@link #render(Object, boolean)} under the callback's options: {@code diff_context} lines
   * around each change, dicts as YAML under {@code result_format: yaml}.
   */
  static String render(Object diff, boolean color, CallbackOptions options) {
    List<?> diffs = diff instanceof Collection<?> c ? new ArrayList<>(c) : List.of(diff == null ? Map.of() : diff);
    StringBuilder out = new StringBuilder();
    for (Object d : diffs) {
      if (d instanceof Map<?, ?> m) {
        one(m, color, options, out);
      }
    }
    return out.toString();
  }

  private static void one(Map<?, ?> d, boolean color, CallbackOptions options, StringBuilder out) {
    skipped(d, "dst_binary", "diff skipped: destination file appears to be binary\n", out);
    skipped(d, "src_binary", "diff skipped: source file appears to be binary\n", out);
    skipped(d, "dst_larger", "diff skipped: destination file size is greater than %s\n", out);
    skipped(d, "src_larger", "diff skipped: source file size is greater than %s\n", out);
    if (d.containsKey("before") && d.containsKey("after")) {
      String from = d.containsKey("before_header") ? "before: " + PyText.str(d.get("before_header")) : "before";
      String to = d.containsKey("after_header") ? "after: " + PyText.str(d.get("after_header")) : "after";
      List<String> lines = UnifiedDiff.lines(
          fileLines(d.get("before"), options), fileLines(d.get("after"), options), from, to,
          options.diffContext());
      for (String line : lines) {
        out.append(color ? paint(line) : line);
      }
      if (!lines.isEmpty()) {
        out.append('\n');
      }
    }
    if (d.containsKey("prepared")) {
      out.append(PyText.str(d.get("prepared")));
    }
  }

  private static void skipped(Map<?, ?> d, String key, String message, StringBuilder out) {
    if (d.containsKey(key)) {
      out.append(String.format(message, PyText.str(d.get(key))));
    }
  }

  private static String paint(String line) {
    Color c = line.startsWith("+") ? Color.DIFF_ADD
        : line.startsWith("-") ? Color.DIFF_REMOVE
        : line.startsWith("@@") ? Color.DIFF_LINES
        : null;
    return c == null ? line : c.paint(line);
  }

  /**
   * A side of the diff as lines that keep their ends: a dict becomes sorted JSON (indent 4, as
   * Python's {@code json.dumps} writes it), None nothing; a last line without a newline is marked.
   */
  static List<String> fileLines(Object side) {
    return fileLines(side, CallbackOptions.DEFAULTS);
  }

  /** As {@link #fileLines(Object)}; a dict as YAML indented by 4 under {@code result_format: yaml}. */
  static List<String> fileLines(Object side, CallbackOptions options) {
    String text = side instanceof Map<?, ?> m ? dict(m, options)
        : side == null ? "" : PyText.str(side);
    List<String> lines = splitLines(text);
    int last = lines.size() - 1;
    if (last >= 0 && !lines.get(last).endsWith("\n")) {
      lines.set(last, lines.get(last) + "\n\\ No newline at end of file\n");
    }
    return lines;
  }

  private static String dict(Map<?, ?> m, CallbackOptions options) {
    if (!options.yaml()) {
      return PyJson.dumps(m, 4, true) + "\n";
    }
    StringBuilder text = new StringBuilder();
    boolean lossy = options.prettyResults() == null || options.prettyResults();
    for (String line : PyYaml.dump(m, 4, lossy).split("(?<=\n)")) {
      text.append(line.isBlank() ? line : "    " + line);
    }
    return text.append('\n').toString();
  }

  /** Python's {@code str.splitlines(True)}: every Unicode line boundary ends a line. */
  static List<String> splitLines(String text) {
    List<String> lines = new ArrayList<>();
    int start = 0;
    int i = 0;
    while (i < text.length()) {
      char ch = text.charAt(i);
      i++;
      if (ch == '\r' && i < text.length() && text.charAt(i) == '\n') {
        i++;
      } else if ("\n\r\u000b\u000c\u001c\u001d\u001e\u0085\u2028\u2029".indexOf(ch) < 0) {
        continue;
      }
      lines.add(text.substring(start, i));
      start = i;
    }
    if (start < text.length()) {
      lines.add(text.substring(start));
    }
    return lines;
  }
}
