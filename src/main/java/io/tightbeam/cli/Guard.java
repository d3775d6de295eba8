package io.tightbeam.cli;

import io.tightbeam.output.ErrorBlock;
import io.tightbeam.yaml.InputException;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The CLI's top level: turns what a command ended with into Ansible's exit code. Input errors
 * print their ERROR! blocks (4 parse, 5 config, 1 other); anything unexpected is a bug (250);
 * Ctrl-C ends the run with 99.
 */
final class Guard {
  private Guard() {}

  static int run(PrintStream out, PrintStream err, int verbosity, Callable<Integer> command) {
    return run(out, err, verbosity, command, () -> { });
  }

  /** As {@link #run}, with {@code onInterrupt} run on Ctrl-C after Ansible's message, before the exit. */
  static int run(PrintStream out, PrintStream err, int verbosity, Callable<Integer> command, Runnable onInterrupt) {
    ErrorBlock errors = new ErrorBlock(out, err, verbosity, false);
    AtomicBoolean finished = new AtomicBoolean();
    Thread interrupt = new Thread(() -> {
      if (!finished.get()) {
        err.println("[ERROR]: User interrupted execution");
        err.flush();
        try {
          onInterrupt.run();
        } catch (RuntimeException e) {
          err.println("[ERROR]: " + e.getMessage());
        }
        err.flush();
        Runtime.getRuntime().halt(99);
      }
    });
    Runtime.getRuntime().addShutdownHook(interrupt);
    try {
      return command.call();
    } catch (Exception | Error e) {
      // Input found bad during the run (a missing handler) reaches here wrapped by the futures.
      Throwable cause = e;
      while ((cause instanceof java.util.concurrent.CompletionException
          || cause instanceof java.util.concurrent.ExecutionException) && cause.getCause() != null) {
        cause = cause.getCause();
      }
      if (cause instanceof InputException input) {
        errors.print(input);
        return input.exitCode();
      }
      errors.unexpected(e);
      return 250;
    } finally {
      finished.set(true);
      err.flush();
    }
  }
}
