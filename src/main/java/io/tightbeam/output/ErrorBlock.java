package io.tightbeam.output;

import io.tightbeam.yaml.Diagnostic;
import io.tightbeam.yaml.SourceExcerpt;
import java.io.PrintStream;
import java.util.List;

/**
 * Ansible's error block for bad input: {@code ERROR! <summary>}, the detail, and where the
 * problem is with the offending line and a caret.
 */
public final class ErrorBlock {
  private ErrorBlock() {}

  public static void print(PrintStream err, List<Diagnostic> diagnostics) {
    for (Diagnostic d : diagnostics) {
      err.print("ERROR! " + SourceExcerpt.render(d));
      err.println();
    }
  }
}
