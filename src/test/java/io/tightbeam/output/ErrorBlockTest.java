package io.tightbeam.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tightbeam.yaml.Diagnostic;
import io.tightbeam.yaml.InputException;
import io.tightbeam.yaml.Pos;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ERROR! block as ansible-core 2.14.18 printed it for a bad task in /tmp/oracle/bad.yml. */
class ErrorBlockTest {

  @Test
  void blockWithPositionAndExcerptMatchesAnsible() {
    Console c = new Console();
    new ErrorBlock(c.outStream, c.errStream, 0, false).print(
        Diagnostic.at(new Pos("/tmp/oracle/bad.yml", 3, 7), "this task 'comand' has extra params"),
        "  tasks:\n    - name: x\n      ^ here\n");
    assertThat(c.stderr()).isEqualTo("""
        ERROR! this task 'comand' has extra params

        The error appears to be in '/tmp/oracle/bad.yml': line 3, column 7, but may
        be elsewhere in the file depending on the exact syntax problem.

        The offending line appears to be:

          tasks:
            - name: x
              ^ here
        """);
    assertThat(c.stdout()).isEmpty();
  }

  @Test
  void everyDiagnosticIsPrintedRedWhenColoured() {
    Console c = new Console();
    new ErrorBlock(c.outStream, c.errStream, 0, true).print(new InputException(List.of(
        new Diagnostic("first", "expected a list, found 'x'", null),
        new Diagnostic("second", "", null)), 4));
    assertThat(c.stderr()).isEqualTo("\033[0;31mERROR! first\033[0m\n"
        + "\033[0;31m  expected a list, found 'x'\033[0m\n\033[0;31mERROR! second\033[0m\n");
  }

  @Test
  void unexpectedExceptionHintsAtTracebackBelowTripleVerbose() {
    Console c = new Console();
    new ErrorBlock(c.outStream, c.errStream, 0, false).unexpected(new IllegalStateException("boom"));
    assertThat(c.stderr()).isEqualTo("ERROR! Unexpected Exception, this is probably a bug: boom\n");
    assertThat(c.stdout()).isEqualTo("to see the full traceback, use -vvv\n");

    Console v = new Console();
    new ErrorBlock(v.outStream, v.errStream, 3, false).unexpected(new IllegalStateException("boom"));
    assertThat(v.stdout()).contains("the full traceback was:\n\njava.lang.IllegalStateException: boom");
  }

  @Test
  void unknownCallbackNameIsAnsiblesError() {
    Console c = new Console();
    assertThatThrownBy(() -> c.callback("nope", 0, false))
        .isInstanceOf(InputException.class)
        .hasMessage("Invalid callback for stdout specified: nope")
        .extracting(e -> ((InputException) e).exitCode()).isEqualTo(1);
    assertThat(c.callback("ansible.builtin.minimal", 0, false)).isInstanceOf(MinimalCallback.class);
  }
}
