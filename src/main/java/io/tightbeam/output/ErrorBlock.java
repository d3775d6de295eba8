package io.tightbeam.output;

import io.tightbeam.yaml.Diagnostic;
import io.tightbeam.yaml.Pos;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Ansible's error block for bad input: {@code ERROR! <summary>}, the detail, and where the
 * problem is with the offending line and a caret.
 */
public final class ErrorBlock {
  private ErrorBlock() {}

  public static void print(PrintStream err, List<Diagnostic> diagnostics) {
    for (Diagnostic d : diagnostics) {
      err.println(render(d));
    }
  }

  public static String render(Diagnostic d) {
    StringBuilder s = new StringBuilder("ERROR! ").append(d.summary());
    if (d.detail() != null && !d.detail().isEmpty()) {
      s.append("\n\n").append(d.detail());
    }
    Pos pos = d.pos();
    if (pos != null && pos.line() > 0) {
      s.append("\n\nThe error appears to be in '").append(pos.file()).append("': line ")
          .append(pos.line()).append(", column ").append(pos.column())
          .append(", but may\nbe elsewhere in the file depending on the exact syntax problem.\n");
      List<String> lines = lines(pos.file());
      if (pos.line() <= lines.size()) {
        s.append("\nThe offending line appears to be:\n\n");
        if (pos.line() >= 2) {
          s.append(lines.get(pos.line() - 2)).append('\n');
        }
        s.append(lines.get(pos.line() - 1)).append('\n');
        s.append(" ".repeat(Math.max(0, pos.column() - 1))).append("^ here\n");
      }
    } else if (pos != null && pos.file() != null) {
      s.append("\n\nThe error appears to be in '").append(pos.file()).append("'.");
    }
    return s.toString();
  }

  private static List<String> lines(String file) {
    try {
      return Files.readAllLines(Path.of(file));
    } catch (IOException | RuntimeException e) {
      return List.of();
    }
  }
}
