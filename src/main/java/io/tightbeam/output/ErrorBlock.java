package io.tightbeam.output;

import io.tightbeam.yaml.Diagnostic;
import io.tightbeam.yaml.InputException;
import io.tightbeam.yaml.Pos;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * Ansible's {@code ERROR!} block for problems found before or outside the run: the summary, the
 * detail, where it is in the file and (once the yaml package renders it) the offending line with
 * its caret. Red on stderr when colour is on.
 */
public final class ErrorBlock {
  private final Display display;

  public ErrorBlock(PrintStream out, PrintStream err, int verbosity, boolean color) {
    this.display = new Display(out, err, verbosity, color);
  }

  /** Ansible's {@code [WARNING]: } line, wrapped at 80 columns, before any run output. */
  public void warning(String message) {
    display.warning(message);
  }

  /** Every diagnostic of the exception, one block each, in order. */
  public void print(InputException e) {
    e.diagnostics().forEach(this::print);
  }

  /** The block with the offending line and caret read from the diagnostic's file. */
  public void print(Diagnostic d) {
    display.display("ERROR! " + io.tightbeam.yaml.SourceExcerpt.render(d).stripTrailing(), Color.ERROR, true);
  }

  /**
   * {@code excerpt} is the offending-line text with its {@code ^ here} caret (empty when there is
   * none); it is shown after Ansible's "The offending line appears to be:" sentence.
   */
  public void print(Diagnostic d, String excerpt) {
    display.display(text(d, excerpt), Color.ERROR, true);
  }

  /** The block's text without colour, for tests and logs. */
  public static String text(Diagnostic d, String excerpt) {
    StringBuilder sb = new StringBuilder("ERROR! ").append(d.summary());
    if (d.detail() != null && !d.detail().isEmpty()) {
      sb.append('\n').append(d.detail());
    }
    Pos pos = d.pos();
    if (pos != null && pos.line() > 0) {
      sb.append("\n\nThe error appears to be in '").append(pos.file()).append("': line ")
          .append(pos.line()).append(", column ").append(pos.column())
          .append(", but may\nbe elsewhere in the file depending on the exact syntax problem.");
      if (excerpt != null && !excerpt.isEmpty()) {
        sb.append("\n\nThe offending line appears to be:\n\n").append(excerpt);
      }
    } else if (pos != null && pos.file() != null && !pos.file().isEmpty()) {
      sb.append("\n\nThe error appears to be in '").append(pos.file()).append("'.");
    }
    return sb.toString();
  }

  /**
   * A bug: {@code ERROR! Unexpected Exception, this is probably a bug: msg}; the traceback on
   * stdout at {@code -vvv}, otherwise the hint, both where Ansible prints them. Exit code 250.
   */
  public void unexpected(Throwable t) {
    display.display("ERROR! Unexpected Exception, this is probably a bug: " + t.getMessage(),
        Color.ERROR, true);
    if (display.verbosity() > 2) {
      StringWriter sw = new StringWriter();
      t.printStackTrace(new PrintWriter(sw));
      display.display("the full traceback was:\n\n" + sw);
    } else {
      display.display("to see the full traceback, use -vvv");
    }
  }
}
