package io.tightbeam.yaml;

import java.util.List;

/**
 * Bad input (YAML, playbook, inventory, config): all the problems found before anything ran. The
 * CLI prints each as Ansible's {@code ERROR!} block and exits with {@link #exitCode()}.
 */
public final class InputException extends RuntimeException {
  private final List<Diagnostic> diagnostics;
  private final int exitCode;

  public InputException(List<Diagnostic> diagnostics, int exitCode) {
    super(diagnostics.isEmpty() ? "bad input" : diagnostics.get(0).summary());
    this.diagnostics = List.copyOf(diagnostics);
    this.exitCode = exitCode;
  }

  public InputException(Diagnostic diagnostic) {
    this(List.of(diagnostic), 4);
  }

  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }

  /** Ansible's exit code for this kind of error: 4 for parse errors, 5 for options/config, 1 otherwise. */
  public int exitCode() {
    return exitCode;
  }
}
