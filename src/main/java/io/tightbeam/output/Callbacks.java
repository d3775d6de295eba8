package io.tightbeam.output;

import io.tightbeam.executor.RunListener;
import java.io.PrintStream;

/**
 * The stdout callbacks by Ansible's names: {@code default} (playbooks), {@code minimal} (ad hoc),
 * {@code oneline} (ad hoc {@code -o}) and {@code json}. The only writers to stdout/stderr.
 */
public final class Callbacks {
  private Callbacks() {}

  public static RunListener byName(
      String name, PrintStream out, PrintStream err, int verbosity, boolean color) {
    return new RunListener() {}; // TODO(output helper)
  }
}
