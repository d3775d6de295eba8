package io.tightbeam.yaml;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Renders a {@link Diagnostic} as Ansible's error text: the summary, the indented detail, then the
 * position block with the previous and offending source lines and a {@code ^ here} caret. The
 * caller prints {@code "ERROR! " + render(d)}.
 */
public final class SourceExcerpt {

  private SourceExcerpt() {}

  /**
   * The whole message for one diagnostic, as Ansible's {@code str(AnsibleError)}: {@code summary},
   * each detail line indented by two spaces, and, when the position is known, a blank line and
   * {@link #describe(Pos)}.
   */
  public static String render(Diagnostic diagnostic) {
    StringBuilder out = new StringBuilder(diagnostic.summary());
    String detail = diagnostic.detail();
    if (detail != null && !detail.isEmpty()) {
      for (String line : detail.split("\n", -1)) {
        out.append("\n  ").append(line);
      }
    }
    Pos pos = diagnostic.pos();
    if (pos != null && pos.line() > 0) {
      out.append("\n\n").append(describe(pos));
    }
    return out.toString();
  }

  /** The position block for {@code pos}, reading the source line from {@code pos.file()}. */
  public static String describe(Pos pos) {
    List<String> lines;
    try {
      lines = Files.readAllLines(Path.of(pos.file()), StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      return header(pos) + "\n(could not open file to display line)";
    }
    return describe(pos, lines);
  }

  /**
   * The position block for {@code pos} with the file's {@code lines} already at hand: as Ansible's,
   * the offending line (the nearest non-blank one at or before it) under the one before it, with
   * a caret; when the line before holds {@code k=v} words, that line instead, pointed at its
   * {@code =}; then the hints for common mistakes that the line shows.
   */
  public static String describe(Pos pos, List<String> lines) {
    StringBuilder out = new StringBuilder(header(pos));
    if (lines.isEmpty() || pos.line() < 1) {
      return out.toString();
    }
    // An error at the end of the stream is reported past the last line; show the last one.
    int index = Math.min(pos.line() - 1, lines.size() - 1);
    while (index > 0 && lines.get(index).isBlank()) {
      index--;
    }
    String target = lines.get(index);
    if (target.isBlank()) {
      return out.toString();
    }
    String previous = index > 0 ? lines.get(index - 1) : "";
    if (ErrorHints.hasShorthand(previous)) {
      int equals = stripTrailing(previous).indexOf('=');
      out.setLength(0);
      out.append(header(new Pos(pos.file(), pos.line() - 1, equals + 1)))
          .append("\nThe offending line appears to be:\n\n")
          .append(stripTrailing(previous))
          .append('\n')
          .append(" ".repeat(equals))
          .append("^ here\n\n")
          .append(ErrorHints.SHORTHAND);
    } else {
      out.append("\nThe offending line appears to be:\n\n")
          .append(stripTrailing(previous))
          .append('\n')
          .append(stripTrailing(target))
          .append('\n')
          .append(" ".repeat(Math.max(0, pos.column() - 1)))
          .append("^ here\n");
    }
    out.append(ErrorHints.forLine(target, pos.column()));
    return out.toString();
  }

  private static String header(Pos pos) {
    return "The error appears to be in '"
        + pos.file()
        + "': line "
        + pos.line()
        + ", column "
        + pos.column()
        + ", but may\nbe elsewhere in the file depending on the exact syntax problem.\n";
  }

  private static String stripTrailing(String line) {
    return line.stripTrailing();
  }
}
