package io.tightbeam.output;

import io.tightbeam.executor.RunListener;
import io.tightbeam.yaml.Diagnostic;
import io.tightbeam.yaml.InputException;
import java.io.PrintStream;
import java.util.List;

/**
 * The stdout callbacks by Ansible's names: {@code default} (playbooks), {@code minimal} (ad hoc),
 * {@code oneline} (ad hoc {@code -o}) and {@code json}. The only writers to stdout/stderr.
 */
public final class Callbacks {
  private Callbacks() {}

  /**
   * A new callback writing to {@code out} (results) and {@code err} (warnings). Each instance
   * keeps state (json collects, warnings are de-duplicated), so use one per run, from one thread.
   *
   * @throws InputException (exit code 1) for an unknown name, with Ansible's message
   */
  public static RunListener byName(
      String name, PrintStream out, PrintStream err, int verbosity, boolean color) {
    return byName(name, out, err, verbosity, color, CallbackOptions.DEFAULTS);
  }

  /** As {@link #byName(String, PrintStream, PrintStream, int, boolean)}, with the callback's options. */
  public static RunListener byName(String name, PrintStream out, PrintStream err, int verbosity,
      boolean color, CallbackOptions options) {
    Display display = new Display(out, err, verbosity, color);
    String shortName = name == null ? "default" : name.replaceFirst("^ansible\\.builtin\\.", "");
    return switch (shortName) {
      case "default" -> new DefaultCallback(display, options);
      case "minimal" -> new MinimalCallback(display);
      case "oneline" -> new OnelineCallback(display);
      case "json" -> new JsonCallback(display);
      default -> throw new InputException(
          List.of(new Diagnostic("Invalid callback for stdout specified: " + name, "", null)), 1);
    };
  }
}
